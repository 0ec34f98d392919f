package org.arrival.web.population;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.registry.RegistryApi.Place;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The estimate form's fields, named like the API's JSON fields, with one count field per category of the breakdown
 * ({@code breakdown.SEX.FEMALE}); the JSON body sent to preview or record it, which names each cell by its place in
 * the list, so a refusal of {@code breakdown[2].count} is shown at the field it came from; and the fingerprint of
 * what was previewed, so that what is recorded is what the person saw previewed.
 */
final class EstimateForm {

    static final String SERIES = "seriesId";
    static final String COUNTRY = "area.country";
    static final String SUBDIVISION = "area.subdivision";
    static final String AREA_CODE = "area.areaCode";
    static final String AREA_NAME = "area.areaName";
    static final String GROUP = "group";
    static final String REGISTERED = "registered";
    static final String ESTIMATED = "estimated";
    static final String SOURCE = "source";
    static final String METHOD = "method";
    static final String AS_OF = "asOf";
    static final String CLASSIFICATION = "classification";
    static final String FORUMS = "sharedWithForums";
    /** The breakdown as a whole, for refusals about it rather than one cell. */
    static final String BREAKDOWN = "breakdown";

    /** The breakdown's dimensions and their categories, as the assessments service defines them. */
    static final Map<String, List<String>> DIMENSIONS = dimensions();

    static final List<String> FIELDS = fields();

    private EstimateForm() {}

    private static Map<String, List<String>> dimensions() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("SEX", List.of("FEMALE", "MALE", "OTHER", "NOT_STATED"));
        d.put("AGE_BAND", List.of("0-4", "5-11", "12-17", "18-59", "60+", "NOT_STATED"));
        d.put("DISABILITY", List.of("WITH_DISABILITY", "WITHOUT_DISABILITY", "NOT_STATED"));
        return d;
    }

    /** The form field of one category's count. */
    static String cell(String dimension, String category) {
        return BREAKDOWN + "." + dimension + "." + category;
    }

    private static List<String> fields() {
        List<String> f =
                new ArrayList<>(List.of(AREA_NAME, AREA_CODE, SUBDIVISION, COUNTRY, GROUP, REGISTERED, ESTIMATED));
        DIMENSIONS.forEach((dimension, categories) -> categories.forEach(c -> f.add(cell(dimension, c))));
        f.addAll(List.of(BREAKDOWN, SOURCE, METHOD, AS_OF, SERIES, CLASSIFICATION, FORUMS));
        return List.copyOf(f);
    }

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

    /** A new estimate's form: where the organisation acts, for the forum's members, shared with the given forums. */
    static Map<String, String> fresh(@Nullable Place place, List<UUID> forums) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, ""));
        if (place != null) {
            values.put(COUNTRY, place.country() == null ? "" : place.country());
            values.put(SUBDIVISION, place.subdivision() == null ? "" : place.subdivision());
        }
        values.put(CLASSIFICATION, "FORUM");
        values.put(FORUMS, String.join("\n", forums.stream().map(UUID::toString).toList()));
        return values;
    }

    /** The API's body with, in order, the form field each breakdown cell came from. */
    record Body(Map<String, Object> json, List<String> cellFields) {

        /** The service's refusal with each cell's field named as the form names it. */
        ServiceProblem onTheForm(ServiceProblem problem) {
            List<ServiceProblem.FieldError> errors = new ArrayList<>();
            for (ServiceProblem.FieldError e : problem.errors()) {
                String field = e.field() == null ? "" : e.field();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^breakdown\\[(\\d+)](\\..*)?$")
                        .matcher(field);
                if (m.matches() && Integer.parseInt(m.group(1)) < cellFields.size()) {
                    field = cellFields.get(Integer.parseInt(m.group(1)));
                }
                errors.add(new ServiceProblem.FieldError(field, e.message(), e.code(), e.parameters()));
            }
            return new ServiceProblem(problem.service(), problem.status(), problem.title(), problem.detail(), errors);
        }

        /** What was sent, in a few characters: a preview holds it, so a recording can tell it is what was previewed. */
        String fingerprint() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(String.valueOf(new java.util.TreeMap<>(json)).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The API's body for what was typed; blank fields are left out, so the service says what is missing. */
    static Body body(Map<String, String> typed) {
        List<ServiceProblem.FieldError> unreadable = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, SERIES, typed.get(SERIES));
        Map<String, Object> area = new LinkedHashMap<>();
        put(area, "country", upper(typed.get(COUNTRY)));
        put(area, "subdivision", upper(typed.get(SUBDIVISION)));
        put(area, "areaCode", typed.get(AREA_CODE));
        put(area, "areaName", typed.get(AREA_NAME));
        json.put("area", area);
        put(json, GROUP, typed.get(GROUP));
        count(json, REGISTERED, REGISTERED, typed.get(REGISTERED), unreadable);
        count(json, ESTIMATED, ESTIMATED, typed.get(ESTIMATED), unreadable);
        List<Map<String, Object>> cells = new ArrayList<>();
        List<String> cellFields = new ArrayList<>();
        DIMENSIONS.forEach((dimension, categories) -> categories.forEach(category -> {
            String field = cell(dimension, category);
            Map<String, Object> given = new LinkedHashMap<>();
            count(given, "count", field, typed.get(field), unreadable);
            if (given.containsKey("count")) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("dimension", dimension);
                c.put("category", category);
                c.put("count", given.get("count"));
                cells.add(c);
                cellFields.add(field);
            }
        }));
        json.put(BREAKDOWN, cells);
        put(json, SOURCE, typed.get(SOURCE));
        put(json, METHOD, typed.get(METHOD));
        String asOf = strip(typed.get(AS_OF));
        if (asOf != null) {
            try {
                json.put(AS_OF, LocalDate.parse(asOf).toString());
            } catch (DateTimeParseException e) {
                unreadable.add(
                        new ServiceProblem.FieldError(AS_OF, "must be a date (YYYY-MM-DD)", "format.date", Map.of()));
            }
        }
        put(json, CLASSIFICATION, typed.get(CLASSIFICATION));
        json.put(
                FORUMS,
                typed.getOrDefault(FORUMS, "")
                        .lines()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList());
        if (!unreadable.isEmpty()) {
            throw new ServiceProblem(Service.ASSESSMENTS, 400, null, null, unreadable);
        }
        return new Body(json, cellFields);
    }

    /** The counts typed, for the preview: what the person entered beside what others will see. */
    static @Nullable Integer typedCount(Map<String, String> typed, String field) {
        try {
            String v = strip(typed.get(field));
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void count(
            Map<String, Object> json,
            String name,
            String field,
            @Nullable String value,
            List<ServiceProblem.FieldError> unreadable) {
        String v = strip(value);
        if (v == null) {
            return;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            json.put(name, n);
        } catch (NumberFormatException e) {
            unreadable.add(new ServiceProblem.FieldError(
                    field, "must be a whole number, 0 or more", "format.whole-number", Map.of()));
        }
    }

    private static void put(Map<String, Object> json, String field, @Nullable String value) {
        String v = strip(value);
        if (v != null) {
            json.put(field, v);
        }
    }

    private static @Nullable String upper(@Nullable String code) {
        String v = strip(code);
        return v == null ? null : v.toUpperCase(java.util.Locale.ROOT);
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
