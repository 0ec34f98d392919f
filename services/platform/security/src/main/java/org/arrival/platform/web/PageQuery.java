package org.arrival.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Paging and sorting of a listing. {@code sort} is a field name, with a leading {@code -} for descending.
 */
public record PageQuery(int page, int size, String sortField, boolean descending) {

    public static final int MAX_SIZE = 200;

    public static PageQuery parse(
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable String sort,
            List<String> sortable,
            String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw InvalidInput.field("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw InvalidInput.field("size", "must be between 1 and " + MAX_SIZE);
        }
        String value = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        boolean desc = value.startsWith("-");
        String field = desc ? value.substring(1) : value;
        if (!sortable.contains(field)) {
            throw InvalidInput.field(
                    "sort", "must be one of " + String.join(", ", sortable) + " (prefix with - for descending)");
        }
        return new PageQuery(p, s, field, desc);
    }

    public long offset() {
        return (long) page * size;
    }
}
