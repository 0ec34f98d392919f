package org.arrival.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arrival.web.api.ServiceProblem.FieldError;
import org.junit.jupiter.api.Test;

/** A service's complaint about a field, worded in the reader's language from its code, or in the service's words. */
class FieldErrorTextTest {

    private static Page page(Locale locale) {
        return new Page(
                locale,
                new Messages(),
                new Formats(locale, ZoneId.of("Africa/Kampala")),
                List.of(locale),
                null,
                null,
                new Page.Csrf("_csrf", "t"),
                "/",
                path -> path);
    }

    @Test
    void aCodeWithItsParametersIsWordedInTheReadersLanguage() {
        FieldError tooLong =
                new FieldError("title", "size must be between 0 and 200", "validation.Size", Map.of("max", 200));
        assertThat(page(Locale.ENGLISH).fieldError(tooLong)).contains("200").doesNotContain("size must be");
        assertThat(page(Locale.FRENCH).fieldError(tooLong))
                .contains("200")
                .isNotEqualTo(page(Locale.ENGLISH).fieldError(tooLong));
    }

    @Test
    void parametersTheTextCannotTakeOrAnUnknownCodeGiveTheServicesOwnWords() {
        FieldError oddLimit = new FieldError("title", "too long", "validation.Size", Map.of("max", "two hundred"));
        assertThat(page(Locale.FRENCH).fieldError(oddLimit)).isEqualTo("too long");
        FieldError unknown = new FieldError("title", "not like that", "no.such.code", Map.of());
        assertThat(page(Locale.FRENCH).fieldError(unknown)).isEqualTo("not like that");
    }
}
