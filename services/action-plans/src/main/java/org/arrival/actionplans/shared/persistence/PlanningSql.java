package org.arrival.actionplans.shared.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * SQL shared by plans and actions: who may see a row, as a WHERE clause that says in SQL exactly what
 * {@link Viewer#mayRead} says in Java (plus: records of organisations hidden from enforcement bodies are left out
 * for them), paged listings and PostgreSQL arrays.
 */
public final class PlanningSql {

    private PlanningSql() {}

    /** Rows of a planning table (columns qualified by {@code alias}, which may be empty) the viewer may read. */
    public static String visibleTo(Viewer viewer, String alias, List<Object> args) {
        String p = alias == null || alias.isEmpty() ? "" : alias + ".";
        return ReadSql.visibleTo(viewer, p + "owner_id", p + "classification", p + "shared_with_forums", args);
    }

    public static <T> PageResult<T> page(
            JdbcTemplate jdbc,
            String table,
            String where,
            List<Object> args,
            PageQuery page,
            Map<String, String> sortColumns,
            RowMapper<T> mapper) {
        return ReadSql.page(jdbc, table, where, args, page, sortColumns, mapper);
    }

    /** Appends {@code AND sql} with its argument when the value is given. */
    public static void condition(StringBuilder where, List<Object> args, String sql, @Nullable Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            args.add(value);
        }
    }

    /** An array parameter for {@code ?::uuid[]} or {@code ?::text[]}: {@link ReadSql#array}. */
    public static SqlParameterValue array(Collection<?> values) {
        return ReadSql.array(values);
    }

    public static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        return ReadSql.uuids(rs, column);
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        return ReadSql.strings(rs, column);
    }

    public static String json(Object value) {
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }
}
