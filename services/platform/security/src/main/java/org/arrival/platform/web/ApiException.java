package org.arrival.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A refusal with an HTTP meaning, free of any framework so domain and application code can throw it.
 * Rendered as RFC 9457 {@code application/problem+json}.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    protected ApiException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * One offending input field and what is wrong with it. {@code code}, when present, names the kind of problem (such
     * as {@code personal-data.email} or {@code validation.Size}) and {@code parameters} its limits (such as
     * {@code max}), so that a client can word it in its user's language; {@code message} is the English wording.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(
            @Nullable String field,
            @Nullable String message,
            @Nullable String code,
            Map<String, Object> parameters) {

        public FieldError {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }

        public FieldError(@Nullable String field, @Nullable String message, @Nullable String code) {
            this(field, message, code, Map.of());
        }

        public FieldError(@Nullable String field, @Nullable String message) {
            this(field, message, null, Map.of());
        }
    }
}
