package org.arrival.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of every Arrival API as {@code application/problem+json} with a message a person can act on.
 * Bad input is a 4xx; a database that is busy or unreachable ({@link DatabaseUnavailable}) is a 503 with
 * {@code Retry-After}; anything unexpected is a 500 without internals (and logged).
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final Duration retryAfter;

    public ProblemResponses() {
        this(Duration.ofSeconds(5));
    }

    /** @param retryAfter what a 503 for an unavailable database tells clients to wait before trying again */
    public ProblemResponses(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Object> api(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(e.status()), e.getMessage());
        problem.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> denied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not do this");
        problem.setTitle("Forbidden");
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a different value" : describe(e.getRequiredType());
        return api(InvalidInput.field(e.getName(), "'" + e.getValue() + "' is not " + expected));
    }

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        QueryTimeoutException.class,
        TransactionTimedOutException.class,
        CannotCreateTransactionException.class
    })
    public ResponseEntity<Object> databaseUnavailable(Exception e) {
        if (!DatabaseUnavailable.is(e)) {
            return unexpected(e);
        }
        log.warn("database unavailable, answered 503: {}", e.toString());
        long seconds = Math.max(1, retryAfter.toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service's database is busy or unreachable, so the request was not carried out. Try again in "
                        + seconds + " seconds.");
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was changed. If it keeps happening, report it with the time of the request.");
        problem.setTitle("Internal error");
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return api(readableProblem(outermostJsonProblem(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiException.FieldError(
                        f.getField(), f.getDefaultMessage(), constraintCode(f), constraintLimits(f)))
                .toList();
        List<ApiException.FieldError> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(g -> new ApiException.FieldError(g.getObjectName(), g.getDefaultMessage()))
                .toList();
        List<ApiException.FieldError> all = new java.util.ArrayList<>(errors);
        all.addAll(global);
        return api(new InvalidInput(
                all.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), all));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new ApiException.FieldError(
                                r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return api(new InvalidInput(
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + ex.getContentType() + " is not supported; send application/json");
        problem.setTitle("Unsupported media type");
        return respond(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return response;
    }

    /** {@code validation.<Constraint>}, e.g. {@code validation.Size}, naming the bean-validation constraint broken. */
    private static @Nullable String constraintCode(org.springframework.validation.FieldError error) {
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? null : "validation." + codes[codes.length - 1];
    }

    /** The limits of the broken constraint a person needs to correct the value: min, max, value, integer, fraction. */
    private static Map<String, Object> constraintLimits(org.springframework.validation.FieldError error) {
        if (!error.contains(jakarta.validation.ConstraintViolation.class)) {
            return Map.of();
        }
        Map<String, Object> limits = new java.util.TreeMap<>();
        jakarta.validation.ConstraintViolation<?> violation =
                error.unwrap(jakarta.validation.ConstraintViolation.class);
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        attributes.forEach((name, value) -> {
            if (LIMITS.contains(name) && (value instanceof Number || value instanceof String)) {
                limits.put(name, value);
            }
        });
        return limits;
    }

    private static final java.util.Set<String> LIMITS = java.util.Set.of("min", "max", "value", "integer", "fraction");

    /** The JSON reader's own exception (which knows the field) rather than, say, the date parser's inside it. */
    private static Throwable outermostJsonProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return e;
    }

    static ApiException readableProblem(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return InvalidInput.field(path(u), "is not a field of this request");
        }
        if (cause instanceof InvalidFormatException f) {
            String expected = describe(f.getTargetType());
            return InvalidInput.field(path(f), "'" + f.getValue() + "' is not " + expected);
        }
        if (cause instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "of the expected type" : describe(m.getTargetType());
            return InvalidInput.field(path(m).isEmpty() ? "body" : path(m), "must be " + expected);
        }
        if (cause instanceof InputCoercionException c && !path(c).isEmpty()) {
            // a number too large for its field (a count above 2147483647) is valid JSON: name the field
            String expected = c.getTargetType() == null ? "a smaller number" : describe(c.getTargetType());
            return InvalidInput.field(path(c), "is out of range for " + expected);
        }
        if (cause instanceof StreamReadException) {
            return new InvalidInput("The request body is not valid JSON");
        }
        if (cause instanceof JacksonException j && !path(j).isEmpty()) {
            return InvalidInput.field(path(j), "cannot be read");
        }
        return new InvalidInput("The request body is missing or cannot be read as JSON");
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return "one of "
                    + java.util.Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", "));
        }
        Map<Class<?>, String> names = Map.of(
                java.util.UUID.class,
                "a UUID",
                java.time.LocalDate.class,
                "a date (YYYY-MM-DD)",
                Integer.class,
                "an integer",
                int.class,
                "an integer",
                Long.class,
                "an integer",
                long.class,
                "an integer",
                Boolean.class,
                "true or false",
                boolean.class,
                "true or false",
                String.class,
                "a string");
        return names.getOrDefault(type, "a " + type.getSimpleName());
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        if (problem.getType() == null) {
            problem.setType(URI.create("about:blank"));
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
