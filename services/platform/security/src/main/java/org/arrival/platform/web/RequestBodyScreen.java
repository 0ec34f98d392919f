package org.arrival.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Checks every request body once it is read and before any handler sees it, so a refused request changes nothing:
 * <ul>
 * <li>no text may hold a control character (other than tab and line breaks), a lone surrogate or a
 * noncharacter;</li>
 * <li>text people write passes the {@link PersonalDataScreen} (fields marked {@link NotFreeText} are exempt, those
 * marked {@link OrganisationContact} may hold an e-mail address or a phone number);</li>
 * <li>dates lie in the years {@value #EARLIEST_YEAR} to {@value #LATEST_YEAR} unless the field's
 * {@link YearRange} says otherwise;</li>
 * <li>decimal numbers are finite.</li>
 * </ul>
 * Every offending field is named in one 400 answer.
 */
@ControllerAdvice
public class RequestBodyScreen extends RequestBodyAdviceAdapter {

    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 2200;
    private static final int MAX_DEPTH = 32;
    private static final long YEAR_MINUS_9999 =
            java.time.LocalDate.of(-9999, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_9999 = java.time.LocalDate.of(9999, 12, 31).toEpochDay() * 86_400;

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body);
        return body;
    }

    /** Refuses the value with every problem found, or returns quietly. */
    public static void check(Object body) {
        List<ApiException.FieldError> errors = problems(body);
        if (!errors.isEmpty()) {
            throw new InvalidInput(
                    errors.stream()
                            .map(e -> e.field() + ": " + e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    errors);
        }
    }

    /** The problems of a request body, field by field (JSON paths such as {@code indicators[0].name}). */
    public static List<ApiException.FieldError> problems(Object body) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        walk(body, "", null, errors, 0);
        return errors;
    }

    /** The problem with one text, if any: control characters always, personal data as the field says. */
    public static Optional<ApiException.FieldError> textProblem(
            String field, String text, boolean freeText, boolean contactAllowed) {
        String control = controlProblem(text);
        if (control != null) {
            return Optional.of(new ApiException.FieldError(field, control, "text.control-character"));
        }
        if (!freeText) {
            return Optional.empty();
        }
        return (contactAllowed ? PersonalDataScreen.screenAllowingContact(text) : PersonalDataScreen.screen(text))
                .map(f -> new ApiException.FieldError(
                        field,
                        "looks like " + f.description()
                                + " of a person; Arrival keeps no personal data about people, so remove it",
                        f.code()));
    }

    /** What is wrong with the characters of a text, or null. */
    public static @Nullable String controlProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate character";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return "contains a character that is not text (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    private static void walk(
            @Nullable Object value,
            String path,
            @Nullable AnnotatedElement field,
            List<ApiException.FieldError> errors,
            int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        String name = path.isEmpty() ? "body" : path;
        switch (value) {
            case String s ->
                textProblem(
                                name,
                                s,
                                field == null || !field.isAnnotationPresent(NotFreeText.class),
                                field != null && field.isAnnotationPresent(OrganisationContact.class))
                        .ifPresent(errors::add);
            case Double d -> finite(name, d, errors);
            case Float f -> finite(name, f.doubleValue(), errors);
            case Number n -> {}
            case Boolean b -> {}
            case Enum<?> e -> {}
            case java.util.UUID u -> {}
            case LocalDate d -> year(name, d.getYear(), field, errors);
            case LocalDateTime d -> year(name, d.getYear(), field, errors);
            case OffsetDateTime d -> year(name, d.getYear(), field, errors);
            case ZonedDateTime d -> year(name, d.getYear(), field, errors);
            case Instant i -> year(name, yearOf(i), field, errors);
            case YearMonth ym -> year(name, ym.getYear(), field, errors);
            case Year y -> year(name, y.getValue(), field, errors);
            case Optional<?> o -> o.ifPresent(v -> walk(v, path, field, errors, depth + 1));
            case JsonNode node -> walkJson(node, name, errors, depth);
            case Collection<?> c -> {
                int i = 0;
                for (Object item : c) {
                    walk(item, path + "[" + i++ + "]", field, errors, depth + 1);
                }
            }
            case Map<?, ?> m ->
                m.forEach((k, v) -> {
                    String key = String.valueOf(k);
                    String problem = controlProblem(key);
                    if (problem != null) {
                        errors.add(new ApiException.FieldError(
                                name, "has a key that " + problem, "text.control-character"));
                    }
                    walk(v, path.isEmpty() ? key : path + "." + key, field, errors, depth + 1);
                });
            default -> {
                if (value.getClass().isArray()) {
                    for (int i = 0; i < Array.getLength(value); i++) {
                        walk(Array.get(value, i), path + "[" + i + "]", field, errors, depth + 1);
                    }
                } else if (value instanceof Record r) {
                    walkRecord(r, path, errors, depth);
                } else if (value.getClass().getName().startsWith("org.arrival.")) {
                    walkFields(value, path, errors, depth);
                }
            }
        }
    }

    private static void walkRecord(Record record, String path, List<ApiException.FieldError> errors, int depth) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object v;
            try {
                v = component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            walk(v, child(path, jsonName(component, component.getName())), component, errors, depth + 1);
        }
    }

    private static void walkFields(Object bean, String path, List<ApiException.FieldError> errors, int depth) {
        for (Class<?> c = bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || !f.trySetAccessible()) {
                    continue;
                }
                try {
                    walk(f.get(bean), child(path, jsonName(f, f.getName())), f, errors, depth + 1);
                } catch (IllegalAccessException e) {
                    // not readable: not part of the body
                }
            }
        }
    }

    private static void walkJson(JsonNode node, String path, List<ApiException.FieldError> errors, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isString()) {
            textProblem(path, node.asString(), true, false).ifPresent(errors::add);
        } else if (node.isObject()) {
            node.properties().forEach(e -> walkJson(e.getValue(), path + "." + e.getKey(), errors, depth + 1));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkJson(node.get(i), path + "[" + i + "]", errors, depth + 1);
            }
        }
    }

    private static String jsonName(AnnotatedElement element, String fallback) {
        JsonProperty property = element.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : fallback;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static void finite(String name, double d, List<ApiException.FieldError> errors) {
        if (!Double.isFinite(d)) {
            errors.add(new ApiException.FieldError(name, "must be a finite number", "number.not-finite"));
        }
    }

    private static int yearOf(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_MINUS_9999 || seconds > YEAR_9999) {
            return seconds < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return instant.atOffset(ZoneOffset.UTC).getYear();
    }

    private static void year(
            String name, int year, @Nullable AnnotatedElement field, List<ApiException.FieldError> errors) {
        YearRange range = field == null ? null : field.getAnnotation(YearRange.class);
        int from = range == null ? EARLIEST_YEAR : range.from();
        int to = range == null ? LATEST_YEAR : range.to();
        if (year < from || year > to) {
            errors.add(new ApiException.FieldError(
                    name,
                    "must be a date between the years " + from + " and " + to,
                    "date.out-of-range",
                    java.util.Map.of("from", from, "to", to)));
        }
    }
}
