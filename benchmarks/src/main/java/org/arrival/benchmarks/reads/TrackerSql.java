package org.arrival.benchmarks.reads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The two statements the forum view runs for a page of its tracker (the count, then the page), written as its
 * {@code ForumListings.actions} writes them for a reader who is not a platform administrator: the actions shared
 * with the forum by organisations holding an active seat in it, that the reader may see, filtered, sorted and paged.
 * A copy (the harness does not depend on the service), so their plans can be read with EXPLAIN; it has to follow
 * changes to the listing's SQL.
 */
final class TrackerSql {

    /** The tracker's sort fields and their columns ({@code ForumListings.ACTION_SORTS}). */
    static final Map<String, String> SORTS = Map.of(
            "title", "COALESCE(a.data->>'title', '') COLLATE \"C\"",
            "status", "a.data->>'status' COLLATE \"C\"",
            "startDate", "(a.data->>'startDate')::date",
            "endDate", "(a.data->>'endDate')::date");

    private TrackerSql() {}

    /** A tracker page: an optional sector and status, a sort such as {@code -endDate}, the page from 0. */
    record Page(@Nullable String sector, @Nullable String status, String sort, int size, int page) {

        Page {
            String field = sort.startsWith("-") ? sort.substring(1) : sort;
            if (!SORTS.containsKey(field)) {
                throw new IllegalArgumentException("the tracker does not sort by " + sort);
            }
        }

        static Page first() {
            return new Page(null, null, "title", ReadTargets.PAGE_SIZE, 0);
        }
    }

    /** The count of the matching actions, then the page itself. */
    static List<Query> statements(int generation, UUID forum, SqlViewer viewer, Page page) {
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forum, viewer, args) + filter(page, args);
        Query count = new Query("SELECT count(*) FROM fv_action a WHERE " + where, args);
        boolean descending = page.sort().startsWith("-");
        String order = SORTS.get(descending ? page.sort().substring(1) : page.sort());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add((long) page.page() * page.size());
        Query items = new Query(
                "SELECT a.data::text FROM fv_action a WHERE " + where + " ORDER BY " + order
                        + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", a.id::text LIMIT ? OFFSET ?",
                pageArgs);
        return List.of(count, items);
    }

    private static String forumActions(int generation, UUID forum, SqlViewer viewer, List<Object> args) {
        args.add(generation);
        args.add(forum);
        return "a.generation = ? AND a.shared_with @> ARRAY[?::uuid] AND NOT COALESCE((a.data->>'placeholder')::boolean, "
                + "false) AND a.owner_id IS NOT NULL AND " + member(generation, forum, args) + " AND "
                + visible(viewer, args);
    }

    private static String filter(Page page, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (page.sector() != null) {
            sql.append(" AND ").append(array("a.data->'sectors'")).append(" @> jsonb_build_array(?::text)");
            args.add(page.sector());
        }
        if (page.status() != null) {
            sql.append(" AND a.data->>'status' = ?");
            args.add(page.status());
        }
        return sql.toString();
    }

    private static String member(int generation, UUID forum, List<Object> args) {
        args.add(generation);
        args.add(forum);
        return "EXISTS (SELECT 1 FROM fv_membership m WHERE m.generation = ? AND m.forum_id = ? "
                + "AND m.data->>'status' = 'ACTIVE' AND (m.data->>'stakeholderId')::uuid = a.owner_id)";
    }

    private static String visible(SqlViewer viewer, List<Object> args) {
        String owner = "a.owner_id";
        String classification = "a.data->>'classification'";
        StringBuilder sql = new StringBuilder("(")
                .append(owner)
                .append(" IS NOT NULL AND ")
                .append(classification)
                .append(" IS NOT NULL AND (");
        if (viewer.organisation() != null) {
            sql.append(owner).append(" = ? OR ");
            args.add(viewer.organisation());
        }
        sql.append("(");
        if (viewer.enforcementBody()) {
            sql.append(classification).append(" <> 'RESTRICTED' AND NOT ");
            if (viewer.hidden().isEmpty()) {
                sql.append("false");
            } else {
                sql.append("(").append(owner).append(" = ANY (?::uuid[]))");
                args.add(new Query.ArrayValue(arrayLiteral(viewer.hidden())));
            }
            sql.append(" AND ");
        }
        sql.append("(").append(classification).append(" = 'PUBLIC'");
        if (!viewer.forums().isEmpty()) {
            sql.append(" OR (")
                    .append(classification)
                    .append(" IN ('FORUM', 'RESTRICTED') AND a.shared_with && ?::uuid[])");
            args.add(new Query.ArrayValue(arrayLiteral(viewer.forums())));
        }
        sql.append(")");
        return sql.append(")))").toString();
    }

    private static String array(String json) {
        return "(CASE WHEN jsonb_typeof(" + json + ") = 'array' THEN " + json + " ELSE '[]'::jsonb END)";
    }

    /** A PostgreSQL array literal of the values, e.g. {@code {"a","b"}}. */
    static String arrayLiteral(Collection<?> values) {
        return values.stream()
                .map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .sorted()
                .collect(Collectors.joining(",", "{", "}"));
    }
}
