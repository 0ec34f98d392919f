package org.arrival.actionplans.shared.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.arrival.contracts.EventJson;
import org.arrival.platform.directory.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * SQL shared by plans and actions: who may see a row, as a WHERE clause that says in SQL exactly what
 * {@link Viewer#mayRead} says in Java (plus: records of organisations hidden from enforcement bodies are left out
 * for them), paged listings and PostgreSQL arrays.
 */
public final class PlanningSql {

    private PlanningSql() {
    }

    /**
     * A condition on a table with {@code classification} and {@code shared_with_forums} columns, the owner in
     * {@code ownerColumn}, columns qualified by {@code alias} (may be empty); appends its arguments to {@code args}.
     */
    public static String visibleTo(Viewer viewer, String alias, List<Object> args) {
        String p = alias == null || alias.isEmpty() ? "" : alias + ".";
        StringBuilder sql = new StringBuilder("(");
        UUID own = viewer.caller().organisationId();
        if (own != null) {
            sql.append(p).append("owner_id = ? OR ");
            args.add(own);
        }
        sql.append("(");
        if (viewer.enforcementBody()) {
            sql.append(p).append("classification <> 'RESTRICTED' AND ").append(p)
                    .append("owner_id NOT IN (SELECT id FROM organisation WHERE hidden) AND ");
        }
        if (viewer.caller().isPlatformAdmin()) {
            sql.append("true");
        } else {
            sql.append("(").append(p).append("classification = 'PUBLIC'");
            if (!viewer.forums().isEmpty()) {
                sql.append(" OR (").append(p).append("classification IN ('FORUM', 'RESTRICTED') AND ").append(p)
                        .append("shared_with_forums && ARRAY[")
                        .append(viewer.forums().stream().map(f -> "?").collect(Collectors.joining(", ")))
                        .append("]::uuid[])");
                args.addAll(viewer.forums());
            }
            sql.append(")");
        }
        return sql.append("))").toString();
    }

    /** {@code SELECT * FROM table WHERE ...} one page, ordered by the sort column and then id, with the total. */
    public static <T> PageResult<T> page(JdbcTemplate jdbc, String table, String where, List<Object> args,
            PageQuery page, Map<String, String> sortColumns, RowMapper<T> mapper) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + where, Long.class,
                args.toArray());
        String order = " ORDER BY " + sortColumns.get(page.sortField()) + (page.descending() ? " DESC" : " ASC")
                + ", id";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<T> items = jdbc.query("SELECT * FROM " + table + " WHERE " + where + order + " LIMIT ? OFFSET ?", mapper,
                pageArgs.toArray());
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    /** Appends {@code AND sql} with its argument when the value is given. */
    public static void condition(StringBuilder where, List<Object> args, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            args.add(value);
        }
    }

    /** A PostgreSQL array literal for {@code ?::uuid[]} or {@code ?::text[]}. */
    public static String arrayLiteral(Collection<?> values) {
        return values.stream().map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    public static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.copyOf(Arrays.asList((UUID[]) array.getArray()));
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    public static String json(Object value) {
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }
}
