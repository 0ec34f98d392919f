package org.arrival.platform.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The read policy of {@link Viewer#mayRead} as SQL, so listings filter in the database exactly as single reads do
 * in Java (plus: records of organisations hidden from enforcement bodies are left out for them), and the paged
 * listing every service runs on top of it.
 */
public final class ReadSql {

    private ReadSql() {}

    /**
     * A condition on a table whose rows have an owner, a classification and the forums they are shared with
     * ({@code uuid[]}), in the named columns; appends its arguments to {@code args}.
     */
    public static String visibleTo(
            Viewer viewer, String ownerColumn, String classificationColumn, String forumsColumn, List<Object> args) {
        StringBuilder sql = new StringBuilder("(");
        UUID own = viewer.caller().organisationId();
        if (own != null) {
            sql.append(ownerColumn).append(" = ? OR ");
            args.add(own);
        }
        sql.append("(");
        if (viewer.enforcementBody()) {
            sql.append(classificationColumn)
                    .append(" <> 'RESTRICTED' AND ")
                    .append(ownerColumn)
                    .append(" NOT IN (SELECT id FROM organisation WHERE hidden) AND ");
        }
        if (viewer.caller().isPlatformAdmin()) {
            sql.append("true");
        } else {
            sql.append("(").append(classificationColumn).append(" = 'PUBLIC'");
            if (!viewer.forums().isEmpty()) {
                sql.append(" OR (")
                        .append(classificationColumn)
                        .append(" IN ('FORUM', 'RESTRICTED') AND ")
                        .append(forumsColumn)
                        .append(" && ARRAY[")
                        .append(viewer.forums().stream().map(f -> "?").collect(Collectors.joining(", ")))
                        .append("]::uuid[])");
                args.addAll(viewer.forums());
            }
            sql.append(")");
        }
        return sql.append("))").toString();
    }

    /** {@code SELECT * FROM table WHERE ...} one page, ordered by the sort column and then id, with the total. */
    public static <T> PageResult<T> page(
            JdbcTemplate jdbc,
            String table,
            String where,
            List<Object> args,
            PageQuery page,
            Map<String, String> sortColumns,
            RowMapper<T> mapper) {
        Long total =
                jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + where, Long.class, args.toArray());
        String order =
                " ORDER BY " + sortColumns.get(page.sortField()) + (page.descending() ? " DESC" : " ASC") + ", id";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<T> items = jdbc.query(
                "SELECT * FROM " + table + " WHERE " + where + order + " LIMIT ? OFFSET ?", mapper, pageArgs.toArray());
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    /**
     * An array parameter for {@code ?::uuid[]} or {@code ?::text[]}: its literal, sent untyped so that PostgreSQL
     * takes the parameter as the cast's array type. Sent as text, the cast would stay in the plan as a conversion
     * ({@code array_in} is not immutable) and run again for every row a condition compares, which also keeps an index
     * from serving {@code = ANY}; at a thousand ids that cost a second for a table of 500 rows.
     */
    public static SqlParameterValue array(Collection<?> values) {
        return new SqlParameterValue(Types.OTHER, arrayLiteral(values));
    }

    /** A PostgreSQL array literal, for SQL text; as a parameter, {@link #array}. */
    public static String arrayLiteral(Collection<?> values) {
        return values.stream()
                .map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    public static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
