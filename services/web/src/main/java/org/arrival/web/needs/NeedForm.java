package org.arrival.web.needs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.assessments.AssessmentsApi.Area;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.api.registry.RegistryApi.Place;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The need form's fields, named like the API's JSON fields so that a refusal names the field to mark: what the
 * person typed, a need's current values, and the JSON body sent to record or edit it. Several values of a field
 * (checkboxes, evidence references) are kept one per line.
 */
final class NeedForm {

    static final String STATEMENT = "statement";
    static final String SECTOR = "sector";
    static final String GROUPS = "populationGroups";
    static final String COUNTRY = "area.country";
    static final String SUBDIVISION = "area.subdivision";
    static final String AREA_CODE = "area.areaCode";
    static final String AREA_NAME = "area.areaName";
    static final String SEVERITY = "severity";
    static final String BARRIERS = "barriers";
    static final String EVIDENCE = "evidenceReferences";
    static final String CLASSIFICATION = "classification";
    static final String FORUMS = "sharedWithForums";
    static final String ROUND = "roundId";
    static final String VERSION = "version";

    /** The fields a refusal may name, in the order the form shows them. */
    static final List<String> FIELDS = List.of(
            STATEMENT,
            SECTOR,
            GROUPS,
            COUNTRY,
            SUBDIVISION,
            AREA_CODE,
            AREA_NAME,
            SEVERITY,
            BARRIERS,
            EVIDENCE,
            CLASSIFICATION,
            FORUMS);

    static final int STATEMENT_MAX = 2000;
    static final int REFERENCE_MAX = 500;

    private NeedForm() {}

    /** What the person sent, one line per value of a field with several. */
    static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            List<String> values = form.getOrDefault(field, List.of());
            typed.put(
                    field,
                    String.join("\n", values.stream().filter(Objects::nonNull).toList()));
        }
        typed.put(ROUND, form.getFirst(ROUND) == null ? "" : form.getFirst(ROUND));
        typed.put(VERSION, form.getFirst(VERSION) == null ? "" : form.getFirst(VERSION));
        return typed;
    }

    /** A new need's form: the place the organisation acts for, shared with every forum the organisation sits in. */
    static Map<String, String> fresh(@Nullable Place place, List<UUID> forums) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, ""));
        if (place != null) {
            values.put(COUNTRY, nonNull(place.country()));
            values.put(SUBDIVISION, nonNull(place.subdivision()));
        }
        values.put(CLASSIFICATION, "FORUM");
        values.put(FORUMS, lines(forums.stream().map(UUID::toString).toList()));
        return values;
    }

    /** A need's current values, as the edit form shows them. */
    static Map<String, String> of(Need need) {
        Map<String, String> values = new LinkedHashMap<>();
        Area area = need.area() == null ? new Area(null, null, null, null) : need.area();
        values.put(STATEMENT, nonNull(need.statement()));
        values.put(SECTOR, nonNull(need.sector()));
        values.put(GROUPS, lines(need.populationGroups()));
        values.put(COUNTRY, nonNull(area.country()));
        values.put(SUBDIVISION, nonNull(area.subdivision()));
        values.put(AREA_CODE, nonNull(area.areaCode()));
        values.put(AREA_NAME, nonNull(area.areaName()));
        values.put(SEVERITY, nonNull(need.severity()));
        values.put(BARRIERS, lines(need.barriers()));
        values.put(EVIDENCE, lines(need.evidenceReferences()));
        values.put(CLASSIFICATION, nonNull(need.classification()));
        values.put(
                FORUMS,
                lines(need.sharedWithForums().stream().map(UUID::toString).toList()));
        values.put(ROUND, need.roundId() == null ? "" : need.roundId().toString());
        values.put(VERSION, String.valueOf(need.version()));
        return values;
    }

    /** The API's body for what was typed; blank fields are left out, so the service says what is missing. */
    static Map<String, Object> body(Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, STATEMENT, typed.get(STATEMENT));
        put(body, SECTOR, typed.get(SECTOR));
        body.put(GROUPS, values(typed.get(GROUPS)));
        Map<String, Object> area = new LinkedHashMap<>();
        put(area, "country", upper(typed.get(COUNTRY)));
        put(area, "subdivision", upper(typed.get(SUBDIVISION)));
        put(area, "areaCode", typed.get(AREA_CODE));
        put(area, "areaName", typed.get(AREA_NAME));
        body.put("area", area);
        put(body, SEVERITY, typed.get(SEVERITY));
        body.put(BARRIERS, values(typed.get(BARRIERS)));
        body.put(EVIDENCE, values(typed.get(EVIDENCE)));
        put(body, ROUND, typed.get(ROUND));
        put(body, CLASSIFICATION, typed.get(CLASSIFICATION));
        body.put(FORUMS, values(typed.get(FORUMS)));
        return body;
    }

    /** The fields whose value in the need as it is now differs from what the person typed. */
    static List<String> differences(Map<String, String> typed, Need current) {
        Map<String, String> now = of(current);
        List<String> differ = new ArrayList<>();
        for (String field : FIELDS) {
            if (!Set.copyOf(values(typed.get(field))).equals(Set.copyOf(values(now.get(field))))) {
                differ.add(field);
            }
        }
        return differ;
    }

    /** The version the form was opened on, or -1 when it is missing or unreadable. */
    static long version(Map<String, String> typed) {
        try {
            return Long.parseLong(typed.getOrDefault(VERSION, "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<String> values(@Nullable String lines) {
        return lines == null
                ? List.of()
                : lines.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void put(Map<String, Object> body, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    private static @Nullable String upper(@Nullable String code) {
        return code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }
}
