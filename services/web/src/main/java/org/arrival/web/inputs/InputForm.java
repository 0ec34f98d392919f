package org.arrival.web.inputs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The input form's fields, named like the API's JSON fields: what the person typed and the JSON body sent. Numbers
 * and dates the browser let through unreadable are refused here, in the same words as the service's refusals.
 */
final class InputForm {

    static final String KIND = "kind";
    static final String SUMMARY = "summary";
    static final String PROVENANCE = "provenance";
    static final String COLLECTED_ON = "collectedOn";
    static final String PARTICIPANTS = "participants";
    static final String CLASSIFICATION = "classification";
    static final String FORUMS = "sharedWithForums";

    static final List<String> FIELDS =
            List.of(KIND, SUMMARY, PROVENANCE, COLLECTED_ON, PARTICIPANTS, CLASSIFICATION, FORUMS);

    static final int SUMMARY_MAX = 4000;
    static final int PROVENANCE_MAX = 1000;

    private InputForm() {}

    static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            List<String> values = form.getOrDefault(field, List.of());
            typed.put(
                    field,
                    String.join("\n", values.stream().filter(Objects::nonNull).toList()));
        }
        return typed;
    }

    /** A fresh form: shared, for its forums' members, with the given forums. */
    static Map<String, String> fresh(List<UUID> forums) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, ""));
        values.put(CLASSIFICATION, "FORUM");
        values.put(FORUMS, String.join("\n", forums.stream().map(UUID::toString).toList()));
        return values;
    }

    /** The API's body about the subject; blank fields are left out, so the service says what is missing. */
    static Map<String, Object> body(String subjectType, UUID subjectId, Map<String, String> typed) {
        List<ServiceProblem.FieldError> unreadable = new ArrayList<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectType", subjectType);
        body.put("subjectId", subjectId);
        put(body, KIND, typed.get(KIND));
        put(body, SUMMARY, typed.get(SUMMARY));
        put(body, PROVENANCE, typed.get(PROVENANCE));
        String collected = strip(typed.get(COLLECTED_ON));
        if (collected != null) {
            try {
                body.put(COLLECTED_ON, LocalDate.parse(collected).toString());
            } catch (DateTimeParseException e) {
                unreadable.add(new ServiceProblem.FieldError(
                        COLLECTED_ON, "must be a date (YYYY-MM-DD)", "format.date", Map.of()));
            }
        }
        String participants = strip(typed.get(PARTICIPANTS));
        if (participants != null) {
            try {
                int n = Integer.parseInt(participants);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                body.put(PARTICIPANTS, n);
            } catch (NumberFormatException e) {
                unreadable.add(new ServiceProblem.FieldError(
                        PARTICIPANTS, "must be a whole number, 0 or more", "format.whole-number", Map.of()));
            }
        }
        put(body, CLASSIFICATION, typed.get(CLASSIFICATION));
        body.put(
                FORUMS,
                typed.getOrDefault(FORUMS, "")
                        .lines()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList());
        if (!unreadable.isEmpty()) {
            throw new ServiceProblem(Service.ASSESSMENTS, 400, null, null, unreadable);
        }
        return body;
    }

    private static void put(Map<String, Object> body, String field, @Nullable String value) {
        String v = strip(value);
        if (v != null) {
            body.put(field, v);
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
