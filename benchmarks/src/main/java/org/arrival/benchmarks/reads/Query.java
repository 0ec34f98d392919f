package org.arrival.benchmarks.reads;

import java.util.List;

/**
 * One SQL statement and its parameters (UUIDs, numbers, text, instants), as a read's baseline or as the forum
 * view itself runs it.
 */
record Query(String sql, List<Object> params) {

    Query {
        params = List.copyOf(params);
        long marks = sql.chars().filter(c -> c == '?').count();
        if (marks != params.size()) {
            throw new IllegalArgumentException(
                    marks + " parameters in the statement, " + params.size() + " given: " + sql);
        }
    }

    /**
     * An array parameter for {@code ?::uuid[]}, bound untyped as the services bind theirs, so that PostgreSQL reads
     * it once as the cast's type rather than converting text again for every row.
     */
    record ArrayValue(String literal) {}

    static Query of(String sql, Object... params) {
        return new Query(sql, List.of(params));
    }
}
