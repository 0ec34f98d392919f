package org.arrival.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ETagsTest {

    @Test
    void versionIsAQuotedStrongTag() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
        assertThat(ETags.of(0)).isEqualTo("\"0\"");
    }

    @Test
    void readsStrongAndWeakTags() {
        assertThat(ETags.requiredVersion("\"3\"")).isEqualTo(3L);
        assertThat(ETags.requiredVersion("W/\"3\"")).isEqualTo(3L);
        assertThat(ETags.requiredVersion("  \"12\" ")).isEqualTo(12L);
        assertThat(ETags.requiredVersion(ETags.of(41))).isEqualTo(41L);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void missingIfMatchIsVersionRequired(String ifMatch) {
        assertThatThrownBy(() -> ETags.requiredVersion(ifMatch)).isInstanceOfSatisfying(VersionRequired.class, e -> {
            assertThat(e.status()).isEqualTo(428);
            assertThat(e.getMessage()).contains("If-Match");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "garbage", "\"-1\"", "-1", "*", "\"3\", \"4\"", "\"99999999999999999999\""})
    void unreadableOrNegativeTagIsInvalidInputOnIfMatch(String ifMatch) {
        assertThatThrownBy(() -> ETags.requiredVersion(ifMatch)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("If-Match:").contains(ifMatch);
            assertThat(e.errors())
                    .singleElement()
                    .satisfies(f -> assertThat(f.field()).isEqualTo("If-Match"));
        });
    }
}
