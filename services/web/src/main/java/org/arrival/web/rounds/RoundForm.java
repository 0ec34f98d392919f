package org.arrival.web.rounds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.arrival.web.api.registry.RegistryApi.Place;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The new round form's fields, named like the API's JSON fields so a refusal names the field to mark; the
 * respondents (checkboxes) are kept one per line.
 */
final class RoundForm {

    static final String TITLE = "title";
    static final String COUNTRY = "jurisdiction.country";
    static final String SUBDIVISION = "jurisdiction.subdivision";
    static final String AREA_NAME = "jurisdiction.areaName";
    static final String RESPONDENTS = "respondentIds";
    static final String CLOSES_ON = "closesOn";

    static final List<String> FIELDS = List.of(TITLE, COUNTRY, SUBDIVISION, AREA_NAME, RESPONDENTS, CLOSES_ON);

    private RoundForm() {}

    static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            typed.put(
                    field,
                    String.join(
                            "\n",
                            form.getOrDefault(field, List.of()).stream()
                                    .filter(Objects::nonNull)
                                    .toList()));
        }
        return typed;
    }

    /** A new round at the place the convening organisation acts for. */
    static Map<String, String> fresh(@Nullable Place place) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, ""));
        if (place != null) {
            values.put(COUNTRY, place.country() == null ? "" : place.country());
            values.put(SUBDIVISION, place.subdivision() == null ? "" : place.subdivision());
        }
        return values;
    }

    /** The API's body; blank fields are left out so that the service says what is missing. */
    static Map<String, Object> body(Map<String, String> typed, @Nullable UUID convenor) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "title", typed.get(TITLE));
        Map<String, Object> place = new LinkedHashMap<>();
        put(place, "country", upper(typed.get(COUNTRY)));
        put(place, "subdivision", upper(typed.get(SUBDIVISION)));
        put(place, "areaName", typed.get(AREA_NAME));
        body.put("jurisdiction", place);
        if (convenor != null) {
            body.put("convenorId", convenor);
        }
        body.put(RESPONDENTS, lines(typed.get(RESPONDENTS)).stream().distinct().toList());
        put(body, CLOSES_ON, typed.get(CLOSES_ON));
        return body;
    }

    static List<String> lines(@Nullable String value) {
        return value == null
                ? List.of()
                : value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void put(Map<String, Object> body, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    private static @Nullable String upper(@Nullable String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
