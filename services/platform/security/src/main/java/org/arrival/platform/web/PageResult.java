package org.arrival.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a listing. */
public record PageResult<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResult<T> of(List<T> items, PageQuery query, long total) {
        return new PageResult<>(
                items, query.page(), query.size(), total, (int) Math.ceil(total / (double) query.size()));
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, totalItems, totalPages);
    }
}
