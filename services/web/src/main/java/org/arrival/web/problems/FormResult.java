package org.arrival.web.problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.arrival.web.api.ServiceProblem;
import org.jspecify.annotations.Nullable;

/**
 * What a form shows after a submission the service refused: what the person typed (never lost), the service's
 * messages next to the fields they name, the others in the summary at the top, and whether someone else changed the
 * record meanwhile (412), in which case the form offers to apply the same edit again on the current version.
 * <p>
 * Form fields carry the names of the API's JSON fields ({@code percentComplete}, {@code indicators[0].value}), so a
 * problem's {@code errors[].field} names the field to mark. A field error is worded in the reader's language from its
 * {@code code} and {@code parameters} ({@link FieldErrorTexts}), falling back to the service's message.
 */
public final class FormResult {

    private final Map<String, String> values;
    private final Map<String, List<String>> fieldErrors;
    private final List<String> summary;
    private final boolean conflict;

    private FormResult(
            Map<String, String> values, Map<String, List<String>> fieldErrors, List<String> summary, boolean conflict) {
        this.values = values;
        this.fieldErrors = fieldErrors;
        this.summary = summary;
        this.conflict = conflict;
    }

    /** A form shown for the first time, filled with the given values (a record's current ones, say). */
    public static FormResult of(Map<String, String> values) {
        return new FormResult(new LinkedHashMap<>(values), Map.of(), List.of(), false);
    }

    public static FormResult empty() {
        return of(Map.of());
    }

    /**
     * The form again after the service refused it: the values typed, each field error by the field it names when the
     * form has that field ({@code fields}), and every other message in the summary.
     */
    public static FormResult refused(Map<String, String> typed, Set<String> fields, ServiceProblem problem) {
        // in the reader's language when the service names the problem's code, else the service's words
        return refused(typed, fields, problem, FieldErrorTexts::word);
    }

    /** As {@link #refused(Map, Set, ServiceProblem)}, each message worded by {@code words}. */
    public static FormResult refused(
            Map<String, String> typed,
            Set<String> fields,
            ServiceProblem problem,
            Function<ServiceProblem.FieldError, String> words) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        for (ServiceProblem.FieldError e : problem.errors()) {
            String field = e.field() == null ? "" : e.field();
            String message = words.apply(e);
            // an item of a list typed in one field (languages[1]) is marked at that field
            String list = field.replaceFirst("\\[\\d+]$", "");
            if (!fields.contains(field) && fields.contains(list)) {
                field = list;
            }
            if (fields.contains(field)) {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            } else {
                summary.add(field.isEmpty() ? message : field + ": " + message);
            }
        }
        if (byField.isEmpty() && summary.isEmpty() && problem.detail() != null) {
            summary.add(problem.detail());
        }
        return new FormResult(new LinkedHashMap<>(typed), byField, summary, problem.staleVersion());
    }

    /**
     * Runs the service call; on a refusal the form can show (bad input, a conflict, a stale version) returns the
     * form again, otherwise null. Refusals of access and unknown records go on to the error pages.
     */
    public static @Nullable FormResult submit(Map<String, String> typed, Set<String> fields, Runnable call) {
        return submit(typed, fields, FieldErrorTexts::word, call);
    }

    /** As {@link #submit(Map, Set, Runnable)}, each message worded by {@code words}. */
    public static @Nullable FormResult submit(
            Map<String, String> typed,
            Set<String> fields,
            Function<ServiceProblem.FieldError, String> words,
            Runnable call) {
        try {
            call.run();
            return null;
        } catch (ServiceProblem problem) {
            if (problem.invalidInput() || problem.staleVersion()) {
                return refused(typed, fields, problem, words);
            }
            throw problem;
        }
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public Map<String, String> values() {
        return values;
    }

    public List<String> errors(String field) {
        return fieldErrors.getOrDefault(field, List.of());
    }

    public boolean hasErrors(String field) {
        return fieldErrors.containsKey(field);
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    /** Messages that name no field of the form. */
    public List<String> summary() {
        return summary;
    }

    public boolean hasErrors() {
        return !fieldErrors.isEmpty() || !summary.isEmpty() || conflict;
    }

    /** Someone else changed the record since the form was opened. */
    public boolean conflict() {
        return conflict;
    }

    /** The id of a field's input element. */
    public static String fieldId(String field) {
        return "field-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The id of the element holding a field's errors (the input's aria-describedby names it). */
    public static String errorId(String field) {
        return fieldId(field) + "-error";
    }
}
