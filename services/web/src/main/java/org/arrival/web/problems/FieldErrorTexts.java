package org.arrival.web.problems;

import java.util.Locale;
import java.util.Objects;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.layout.Messages;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A service's field error in the reader's language: the text of its {@code code} ({@code error.<code>} in
 * {@code messages/layout*}, e.g. {@code error.validation.Size}) with its {@code parameters} ({@code max}, ...), or
 * the service's own message when the code has no text (or there is no code).
 */
public final class FieldErrorTexts {

    private static final Messages MESSAGES = new Messages();

    private FieldErrorTexts() {}

    /** In the language of the request being handled. */
    public static String word(ServiceProblem.FieldError error) {
        return word(error, LocaleContextHolder.getLocale());
    }

    public static String word(ServiceProblem.FieldError error, Locale locale) {
        if (error.code() != null && MESSAGES.has(locale, "error." + error.code())) {
            try {
                return MESSAGES.text(locale, "error." + error.code(), error.parameters());
            } catch (IllegalArgumentException e) {
                // parameters the text cannot take (a limit that is no number): the service's words
            }
        }
        return Objects.requireNonNullElse(error.message(), ""); // a template shows a null as nothing too
    }
}
