package org.arrival.web.layout;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** What the pages' list filters share: reading a code from the address, and writing the filters back into it. */
public final class ListFilters {

    private ListFilters() {}

    /** The enum constant's name the value names (any case), or null for none or an unknown one. */
    public static <E extends Enum<E>> @Nullable String known(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e.name();
            }
        }
        return null;
    }

    /** The encoded query string of the parameters that have a value, in their order; empty when none has. */
    public static String queryString(Map<String, Object> params) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        params.forEach((k, v) -> {
            if (v != null) {
                b.queryParam(k, v);
            }
        });
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    /** The path with the query string, if any. */
    public static String on(String path, String queryString) {
        return queryString.isEmpty() ? path : path + "?" + queryString;
    }
}
