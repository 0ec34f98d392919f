package org.arrival.web.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A service refused a request and said why in an RFC 9457 problem: its status, title and detail, and the fields it
 * names ({@code errors: [{field, message}]}).
 */
public class ServiceProblem extends RuntimeException {

    private final Service service;
    private final int status;
    private final @Nullable String title;
    private final @Nullable String detail;
    private final List<FieldError> errors;

    /**
     * One field the service names: its English message, and the code (such as {@code personal-data.phone} or
     * {@code validation.Size}) with its parameters (such as {@code max}) the pages word in the reader's language.
     */
    public record FieldError(
            @Nullable String field,
            @Nullable String message,
            @Nullable String code,
            Map<String, Object> parameters) {

        public FieldError {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }

        public FieldError(String field, String message) {
            this(field, message, null, Map.of());
        }
    }

    public ServiceProblem(
            Service service, int status, @Nullable String title, @Nullable String detail, List<FieldError> errors) {
        super(service + " answered " + status + (detail == null ? "" : ": " + detail));
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    public @Nullable String title() {
        return title;
    }

    public @Nullable String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean forbidden() {
        return status == 403;
    }

    /** Someone else changed the record since it was read (412 to an If-Match). */
    public boolean staleVersion() {
        return status == 412;
    }

    /** The input was refused: bad values, a broken rule or a conflict the person can fix. */
    public boolean invalidInput() {
        return status == 400 || status == 409 || status == 422;
    }
}
