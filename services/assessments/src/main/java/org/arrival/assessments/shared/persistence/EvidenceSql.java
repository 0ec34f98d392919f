package org.arrival.assessments.shared.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * SQL shared by the evidence tables (estimates, needs, inputs): who may see a row, as a WHERE clause that says in
 * SQL exactly what {@link Viewer#mayRead} says in Java (plus: records of organisations hidden from enforcement
 * bodies are left out for them), and paged listings.
 */
public final class EvidenceSql {

    private EvidenceSql() {}

    /** Rows of an evidence table (owner in {@code ownerColumn}, {@code classification}, {@code shared_forums}) the viewer may read. */
    public static String visibleTo(Viewer viewer, String ownerColumn, List<Object> args) {
        return ReadSql.visibleTo(viewer, ownerColumn, "classification", "shared_forums", args);
    }

    /**
     * {@code " AND NOT (column = ANY (...))"} leaving out the organisations hidden from the viewer (for an enforcement
     * body, those hidden from enforcement bodies, its own organisation excepted: {@link Viewer#maySeeOrganisation}),
     * or nothing when none are; appends its argument.
     */
    public static String notHidden(Viewer viewer, String column, List<Object> args) {
        List<UUID> hidden = hiddenFrom(viewer);
        if (hidden.isEmpty()) {
            return "";
        }
        args.add(array(hidden));
        return " AND NOT (" + column + " = ANY (?::uuid[]))";
    }

    /** The organisations the viewer may not see. */
    public static List<UUID> hiddenFrom(Viewer viewer) {
        return viewer.hiddenOrganisations().stream()
                .filter(o -> !viewer.maySeeOrganisation(o))
                .sorted()
                .toList();
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
}
