package org.arrival.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and copying the maps and lists a YAML document parses into. */
final class Tree {

    private Tree() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The value at a path of keys, or null. */
    static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            current = map(current).get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object root, String... path) {
        return map(at(root, path));
    }

    static List<Object> listAt(Object root, String... path) {
        return list(at(root, path));
    }

    /** The value as text, null staying null. */
    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** A deep, mutable copy. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> result = new LinkedHashMap<>();
            m.forEach((k, v) -> result.put(String.valueOf(k), copy(v)));
            return (T) result;
        }
        if (value instanceof List<?> l) {
            List<Object> result = new ArrayList<>();
            l.forEach(v -> result.add(copy(v)));
            return (T) result;
        }
        return value;
    }
}
