package org.arrival.forum.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * The forum's listings over one generation of the projection tables, filtered, sorted and paged in the database.
 * Each condition is {@link ForumViews}' rule in SQL (which records a viewer sees in a forum), so the live views
 * and the as-of view, which applies the Java rules to a projection held in memory, agree.
 */
@Component
public class ForumListings {

    /** The tracker's sort fields and their columns. */
    public static final Map<String, String> ACTION_SORTS = Map.of(
            "title", "COALESCE(a.data->>'title', '') COLLATE \"C\"",
            "status", "a.data->>'status' COLLATE \"C\"",
            "startDate", "(a.data->>'startDate')::date",
            "endDate", "(a.data->>'endDate')::date");

    public static final Map<String, String> PLAN_SORTS = Map.of(
            "title", "COALESCE(p.data->>'title', '') COLLATE \"C\"",
            "status", "p.data->>'status' COLLATE \"C\"",
            "periodStart", "(p.data->>'periodStart')::date",
            "periodEnd", "(p.data->>'periodEnd')::date");

    public static final Map<String, String> ESTIMATE_SORTS = Map.of(
            "asOf", "(e.data->>'asOf')::date",
            "area", areaName("e.data->'area'") + " COLLATE \"C\"",
            "group", "e.data->>'group' COLLATE \"C\"");

    private final JdbcTemplate jdbc;

    public ForumListings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ActionFilter(
            @Nullable UUID org,
            @Nullable String sector,
            @Nullable String area,
            @Nullable String group,
            @Nullable String frameworkItem,
            @Nullable String status,
            @Nullable UUID plan) {
        public static final ActionFilter NONE = new ActionFilter(null, null, null, null, null, null, null);
    }

    public record PlanFilter(
            @Nullable UUID org,
            @Nullable String status,
            @Nullable String type) {}

    public record EstimateFilter(
            @Nullable String group, @Nullable String area) {}

    /** One page of the forum's visible actions that pass the filter. */
    public PageResult<ActionRow> actions(
            int generation, UUID forumId, Viewer viewer, ActionFilter filter, PageQuery page) {
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forumId, viewer, args) + actionFilter(filter, args);
        return page("fv_action a", where, args, sortColumn(ACTION_SORTS, page), page, "a", ActionRow.class);
    }

    /** Every visible action of the forum, as the tracker orders them. */
    public List<ActionRow> actions(int generation, UUID forumId, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forumId, viewer, args);
        return jdbc.query(
                "SELECT a.data::text FROM fv_action a WHERE " + where + " ORDER BY " + ACTION_SORTS.get("title")
                        + ", a.id::text",
                mapper(ActionRow.class),
                args.toArray());
    }

    /**
     * Every visible action of the forum holding only what needs coverage reads (id, status, needs, sectors, groups,
     * areas): a large forum's rows in full would not fit a request's memory.
     */
    public List<ActionRow> actionsForCoverage(int generation, UUID forumId, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forumId, viewer, args);
        return jdbc.query(
                "SELECT jsonb_build_object('id', a.data->'id', 'placeholder', false, 'status', a.data->'status', "
                        + "'needIds', " + list("a.data->'needIds'") + ", 'sectors', " + list("a.data->'sectors'")
                        + ", 'targetGroups', " + list("a.data->'targetGroups'") + ", 'areas', "
                        + list("a.data->'areas'") + ")::text FROM fv_action a WHERE " + where
                        + " ORDER BY " + ACTION_SORTS.get("title") + ", a.id::text",
                mapper(ActionRow.class),
                args.toArray());
    }

    private static String list(String json) {
        return "COALESCE(" + json + ", '[]'::jsonb)";
    }

    /** An action as an export orders it, without its row. */
    public record ActionKey(UUID id, UUID ownerId, String title) {}

    /** Every visible action of the forum, as the tracker orders them, without their rows: an export's index. */
    public List<ActionKey> actionKeys(int generation, UUID forumId, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forumId, viewer, args);
        return jdbc.query(
                "SELECT a.id, a.data->>'ownerId' AS owner, COALESCE(a.data->>'title', '') AS title FROM fv_action a "
                        + "WHERE " + where + " ORDER BY " + ACTION_SORTS.get("title") + ", a.id::text",
                (rs, i) -> new ActionKey(
                        rs.getObject("id", UUID.class), UUID.fromString(rs.getString("owner")), rs.getString("title")),
                args.toArray());
    }

    /**
     * The rows of these of the forum's actions the viewer still sees, in the order of the ids given: read again with
     * the visibility rule, so that an action hidden since its id was listed is left out.
     */
    public List<ActionRow> actions(int generation, UUID forumId, Viewer viewer, List<UUID> ids) {
        Map<UUID, ActionRow> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Object> args = new ArrayList<>();
            String where = forumActions(generation, forumId, viewer, args) + " AND a.id = ANY (?::uuid[])";
            args.add(ReadSql.array(ids));
            jdbc.query(
                    "SELECT a.id, a.data::text FROM fv_action a WHERE " + where,
                    rs -> {
                        rows.put(
                                rs.getObject(1, UUID.class),
                                EventJson.mapper().readValue(rs.getString(2), ActionRow.class));
                    },
                    args.toArray());
        }
        return ids.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    /** Whether the action is among the forum's actions the viewer sees (the tracker's rule). */
    public boolean showsAction(int generation, UUID forumId, Viewer viewer, UUID actionId) {
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forumId, viewer, args) + " AND a.id = ?";
        args.add(actionId);
        Long n = jdbc.queryForObject("SELECT count(*) FROM fv_action a WHERE " + where, Long.class, args.toArray());
        return n != null && n > 0;
    }

    public record WhoWhatWhereCount(
            UUID organisationId,
            String sector,
            @Nullable String area,
            @Nullable String status,
            int actions) {}

    /** The forum's visible actions counted by owner, sector, area and status (an action counts in each cell). */
    public List<WhoWhatWhereCount> whoWhatWhere(int generation, UUID forumId, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forumId, viewer, args);
        return jdbc.query(
                "SELECT owner_id, sector, area, status, count(*) FROM (SELECT a.owner_id, s.sector, "
                        + "ar.area, COALESCE(a.data->>'status', '') AS status FROM fv_action a "
                        + "CROSS JOIN LATERAL jsonb_array_elements_text(" + array("a.data->'sectors'") + ") s(sector) "
                        + "CROSS JOIN LATERAL (SELECT " + areaName("j") + " AS area FROM jsonb_array_elements("
                        + "CASE WHEN jsonb_array_length(" + array("a.data->'areas'") + ") = 0 THEN '[null]'::jsonb "
                        + "ELSE a.data->'areas' END) j) ar WHERE " + where
                        + ") cell GROUP BY owner_id, sector, area, status "
                        + "ORDER BY owner_id::text, sector COLLATE \"C\", area COLLATE \"C\", status COLLATE \"C\"",
                (rs, i) -> new WhoWhatWhereCount(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        emptyToNull(rs.getString(3)),
                        emptyToNull(rs.getString(4)),
                        rs.getInt(5)),
                args.toArray());
    }

    /** How many of the forum's visible actions an organisation owns. */
    public record OwnerCount(UUID organisationId, long actions) {}

    /** A sector's visible actions not cancelled, and their average latest percent complete (no report counts 0). */
    public record SectorProgress(String sector, long actions, double averagePercentComplete) {}

    /** The tracker's aggregates: the visible actions counted by owner, and the progress of each sector. */
    public record TrackerCounts(List<OwnerCount> owners, List<SectorProgress> sectors) {}

    /**
     * The tracker's visible actions counted by owner and, cancelled ones left out, by sector with their average
     * progress (an action counts in each of its sectors): one statement, so both are read from one snapshot. The
     * average is the sum divided by the count in double precision, as a reader dividing the listing's numbers gets.
     */
    public TrackerCounts trackerCounts(int generation, UUID forumId, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forumId, viewer, args);
        List<OwnerCount> owners = new ArrayList<>();
        List<SectorProgress> sectors = new ArrayList<>();
        jdbc.query(
                "WITH v AS (SELECT a.owner_id, COALESCE(a.data->>'status', '') AS status, "
                        + array("a.data->'sectors'") + " AS sectors, "
                        + "COALESCE((a.data->'latestReport'->>'percentComplete')::int, 0) AS percent "
                        + "FROM fv_action a WHERE " + where + ") "
                        + "SELECT * FROM (SELECT 'owner' AS kind, owner_id::text AS key, count(*) AS n, "
                        + "NULL::float8 AS average FROM v GROUP BY owner_id "
                        + "UNION ALL SELECT 'sector', s.sector, count(*), sum(v.percent)::float8 / count(*) FROM v "
                        + "CROSS JOIN LATERAL jsonb_array_elements_text(v.sectors) s(sector) "
                        + "WHERE v.status <> 'CANCELLED' GROUP BY s.sector) counted "
                        + "ORDER BY kind, key COLLATE \"C\"",
                rs -> {
                    if ("owner".equals(rs.getString("kind"))) {
                        owners.add(new OwnerCount(UUID.fromString(rs.getString("key")), rs.getLong("n")));
                    } else {
                        sectors.add(new SectorProgress(rs.getString("key"), rs.getLong("n"), rs.getDouble("average")));
                    }
                },
                args.toArray());
        return new TrackerCounts(owners, sectors);
    }

    /** The open needs within the forum's area the viewer may see. */
    public List<NeedRow> openNeeds(int generation, @Nullable ForumRow forum, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        args.add(generation);
        String where = "n.generation = ? AND COALESCE(n.data->>'status', '') NOT IN ('RESOLVED', 'DEPRIORITISED') AND "
                + within("n.data->'area'", forum, args) + " AND "
                + visible(
                        viewer,
                        generation,
                        "(n.data->>'ownerId')::uuid",
                        "n.data->>'classification'",
                        uuids("n.data->'sharedWithForums'"),
                        args);
        return jdbc.query(
                "SELECT n.data::text FROM fv_need n WHERE " + where + " ORDER BY n.id::text",
                mapper(NeedRow.class),
                args.toArray());
    }

    /**
     * How many inputs about each of the needs the viewer may see: their own, those they may read by classification
     * and forum, and (as the need's owner) those contributed to their need unless kept to the contributor's
     * organisation; never a RESTRICTED one or one of a hidden organisation for an enforcement body.
     */
    public Map<UUID, Integer> inputsPerNeed(int generation, List<UUID> needIds, Viewer viewer) {
        Map<UUID, Integer> out = new HashMap<>();
        if (needIds.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        args.add(generation);
        args.add(ReadSql.array(needIds));
        String contributor = "(i.data->>'contributorId')::uuid";
        String classification = "i.data->>'classification'";
        StringBuilder where = new StringBuilder(
                "i.generation = ? AND i.subject_id = ANY (?::uuid[]) " + "AND i.data->>'subjectType' = 'NEED' AND (");
        where.append(
                visible(viewer, generation, contributor, classification, uuids("i.data->'sharedWithForums'"), args));
        UUID own = viewer.caller().organisationId();
        if (own != null) {
            where.append(" OR (")
                    .append(classification)
                    .append(
                            " <> 'ORGANISATION' AND EXISTS (SELECT 1 FROM fv_need n "
                                    + "WHERE n.generation = i.generation AND n.id = i.subject_id AND (n.data->>'ownerId')::uuid = ?)");
            args.add(own);
            if (viewer.enforcementBody()) {
                where.append(" AND ")
                        .append(classification)
                        .append(" <> 'RESTRICTED' AND NOT ")
                        .append(hidden(contributor, viewer, args));
            }
            where.append(")");
        }
        where.append(")");
        jdbc.query(
                "SELECT i.subject_id, count(*) FROM fv_input i WHERE " + where + " GROUP BY i.subject_id",
                (rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getInt(2)),
                args.toArray());
        return out;
    }

    /**
     * The published rounds the viewer may see that are shared with the forum or lie within its area, naming (as
     * convenor or respondent) no organisation hidden from the viewer: {@link ForumViews#visibleRounds}.
     */
    public List<RoundScoreRow> publishedRounds(int generation, @Nullable ForumRow forum, UUID forumId, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        args.add(generation);
        String where = "r.generation = ? AND r.data->>'publishedAt' IS NOT NULL AND r.data->>'overallMax' IS NOT NULL "
                + "AND "
                + visible(
                        viewer,
                        generation,
                        "(r.data->>'ownerId')::uuid",
                        "r.data->>'classification'",
                        uuids("r.data->'sharedWithForums'"),
                        args);
        if (!viewer.hiddenOrganisations().isEmpty()) {
            SqlParameterValue hidden = ReadSql.array(List.copyOf(viewer.hiddenOrganisations()));
            where += " AND NOT jsonb_exists_any(" + array("r.data->'respondentIds'") + ", ?::text[]) "
                    + "AND NOT COALESCE(r.data->>'convenorId' = ANY (?::text[]), false)";
            args.add(hidden);
            args.add(hidden);
        }
        args.add(forumId.toString());
        where += " AND (" + array("r.data->'sharedWithForums'") + " @> jsonb_build_array(?::text) OR "
                + within("r.data->'jurisdiction'", forum, args) + ")";
        return jdbc.query(
                "SELECT r.data::text FROM fv_round_score r WHERE " + where,
                mapper(RoundScoreRow.class),
                args.toArray());
    }

    /** The gaps of a round the viewer may see, with the round's forums as theirs. */
    public List<GapRow> gapsOf(int generation, RoundScoreRow round, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        args.add(generation);
        args.add(round.id.toString());
        // the round's forums are UUIDs: safe to write into the statement
        String forums = "'" + ReadSql.arrayLiteral(round.sharedWithForums) + "'::uuid[]";
        String where = "g.generation = ? AND g.data->>'roundId' = ? AND "
                + visible(viewer, generation, "(g.data->>'ownerId')::uuid", "g.data->>'classification'", forums, args);
        return jdbc.query(
                "SELECT g.data::text FROM fv_gap g WHERE " + where
                        + " ORDER BY g.data->>'questionCode' COLLATE \"C\", g.id::text",
                mapper(GapRow.class),
                args.toArray());
    }

    /** One page of the plans members shared with the forum that the viewer may see. */
    public PageResult<PlanRow> plans(int generation, UUID forumId, Viewer viewer, PlanFilter filter, PageQuery page) {
        List<Object> args = new ArrayList<>();
        args.add(generation);
        StringBuilder where = new StringBuilder("p.generation = ? AND ");
        args.add(forumId.toString());
        where.append(array("p.data->'sharedWithForums'"))
                .append(" @> jsonb_build_array(?::text) AND ")
                .append(member(generation, forumId, "(p.data->>'ownerId')::uuid", args))
                .append(" AND ")
                .append(visible(
                        viewer,
                        generation,
                        "(p.data->>'ownerId')::uuid",
                        "p.data->>'classification'",
                        uuids("p.data->'sharedWithForums'"),
                        args));
        if (filter.org() != null) {
            where.append(" AND p.data->>'ownerId' = ?");
            args.add(filter.org().toString());
        }
        if (filter.status() != null) {
            where.append(" AND p.data->>'status' = ?");
            args.add(filter.status());
        }
        if (filter.type() != null) {
            where.append(" AND p.data->>'type' = ?");
            args.add(filter.type());
        }
        return page("fv_plan p", where.toString(), args, sortColumn(PLAN_SORTS, page), page, "p", PlanRow.class);
    }

    /** How many of the forum's actions the viewer sees in each of the plans. */
    public Map<UUID, Integer> actionsPerPlan(int generation, UUID forumId, Viewer viewer, List<UUID> planIds) {
        Map<UUID, Integer> out = new HashMap<>();
        if (planIds.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = forumActions(generation, forumId, viewer, args) + " AND a.data->>'planId' = ANY (?::text[])";
        args.add(ReadSql.array(planIds));
        jdbc.query(
                "SELECT a.data->>'planId', count(*) FROM fv_action a WHERE " + where + " GROUP BY 1",
                (rs, i) -> out.put(UUID.fromString(rs.getString(1)), rs.getInt(2)),
                args.toArray());
        return out;
    }

    /** One page of the population estimates within the forum's area that the viewer may see. */
    public PageResult<PopulationRow> estimates(
            int generation, @Nullable ForumRow forum, Viewer viewer, EstimateFilter filter, PageQuery page) {
        List<Object> args = new ArrayList<>();
        args.add(generation);
        StringBuilder where = new StringBuilder("e.generation = ? AND ")
                .append(within("e.data->'area'", forum, args))
                .append(" AND ")
                .append(visible(
                        viewer,
                        generation,
                        "(e.data->>'ownerId')::uuid",
                        "e.data->>'classification'",
                        uuids("e.data->'sharedWithForums'"),
                        args));
        if (filter.group() != null) {
            where.append(" AND e.data->>'group' = ?");
            args.add(filter.group());
        }
        if (filter.area() != null) {
            where.append(" AND ").append(areaMatches("e.data->'area'", filter.area(), args));
        }
        return page(
                "fv_population e",
                where.toString(),
                args,
                sortColumn(ESTIMATE_SORTS, page),
                page,
                "e",
                PopulationRow.class);
    }

    // ---- the rules as SQL

    /** Actions shared with the forum by organisations holding an active seat in it, that the viewer may see. */
    private static String forumActions(int generation, UUID forumId, Viewer viewer, List<Object> args) {
        args.add(generation);
        args.add(forumId);
        return "a.generation = ? AND a.shared_with @> ARRAY[?::uuid] AND NOT COALESCE((a.data->>'placeholder')::boolean, "
                + "false) AND a.owner_id IS NOT NULL AND " + member(generation, forumId, "a.owner_id", args) + " AND "
                + visible(viewer, generation, "a.owner_id", "a.data->>'classification'", "a.shared_with", args);
    }

    private static String actionFilter(ActionFilter f, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (f.org() != null) {
            sql.append(" AND a.owner_id = ?");
            args.add(f.org());
        }
        contains(sql, "a.data->'sectors'", f.sector(), args);
        contains(sql, "a.data->'targetGroups'", f.group(), args);
        contains(sql, "a.data->'frameworkItems'", f.frameworkItem(), args);
        if (f.status() != null) {
            sql.append(" AND a.data->>'status' = ?");
            args.add(f.status());
        }
        if (f.plan() != null) {
            sql.append(" AND a.data->>'planId' = ?");
            args.add(f.plan().toString());
        }
        if (f.area() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM jsonb_array_elements(")
                    .append(array("a.data->'areas'"))
                    .append(") j WHERE ")
                    .append(areaMatches("j", f.area(), args))
                    .append(")");
        }
        return sql.toString();
    }

    private static void contains(StringBuilder sql, String array, @Nullable String value, List<Object> args) {
        if (value != null) {
            sql.append(" AND ").append(array(array)).append(" @> jsonb_build_array(?::text)");
            args.add(value);
        }
    }

    /** A place named by its area code, area name, subdivision or country, in any case. */
    private static String areaMatches(String place, String name, List<Object> args) {
        args.add(name);
        return "lower(?) IN (lower(" + place + "->>'areaCode'), lower(" + place + "->>'areaName'), lower(" + place
                + "->>'subdivision'), lower(" + place + "->>'country'))";
    }

    private static String member(int generation, UUID forumId, String owner, List<Object> args) {
        args.add(generation);
        args.add(forumId);
        return "EXISTS (SELECT 1 FROM fv_membership m WHERE m.generation = ? AND m.forum_id = ? "
                + "AND m.data->>'status' = 'ACTIVE' AND (m.data->>'stakeholderId')::uuid = " + owner + ")";
    }

    /** {@link ForumViews#visible} as SQL over the record's owner, classification and forums (a uuid[]). */
    static String visible(
            Viewer viewer, int generation, String owner, String classification, String forums, List<Object> args) {
        StringBuilder sql = new StringBuilder("(")
                .append(owner)
                .append(" IS NOT NULL AND ")
                .append(classification)
                .append(" IS NOT NULL AND (");
        UUID own = viewer.caller().organisationId();
        if (own != null) {
            sql.append(owner).append(" = ? OR ");
            args.add(own);
        }
        sql.append("(");
        if (viewer.enforcementBody()) {
            sql.append(classification)
                    .append(" <> 'RESTRICTED' AND NOT ")
                    .append(hidden(owner, viewer, args))
                    .append(" AND ");
        }
        if (viewer.caller().isPlatformAdmin()) {
            sql.append("true");
        } else {
            sql.append("(").append(classification).append(" = 'PUBLIC'");
            if (!viewer.forums().isEmpty()) {
                sql.append(" OR (")
                        .append(classification)
                        .append(" IN ('FORUM', 'RESTRICTED') AND ")
                        .append(forums)
                        .append(" && ?::uuid[])");
                args.add(ReadSql.array(viewer.forums()));
            }
            sql.append(")");
        }
        return sql.append(")))").toString();
    }

    /** One of the organisations hidden from the viewer (the read policy's list: see {@link Viewer}). */
    private static String hidden(String owner, Viewer viewer, List<Object> args) {
        if (viewer.hiddenOrganisations().isEmpty()) {
            return "false";
        }
        args.add(ReadSql.array(List.copyOf(viewer.hiddenOrganisations())));
        return "(" + owner + " = ANY (?::uuid[]))";
    }

    /** {@link ForumViews#within} as SQL: the place lies in the forum's geographic scope. */
    private static String within(String place, @Nullable ForumRow forum, List<Object> args) {
        if (forum == null || forum.geographicScope == null) {
            return "true";
        }
        Jurisdiction scope = forum.geographicScope;
        if (scope.country() == null) {
            return "false";
        }
        StringBuilder sql = new StringBuilder("(jsonb_typeof(")
                .append(place)
                .append(") = 'object' AND ")
                .append(place)
                .append("->>'country' = ?");
        args.add(scope.country());
        if (scope.subdivision() != null) {
            sql.append(" AND ").append(place).append("->>'subdivision' = ?");
            args.add(scope.subdivision());
        }
        if (scope.areaCode() != null) {
            sql.append(" AND ").append(place).append("->>'areaCode' = ?");
            args.add(scope.areaCode());
        }
        return sql.append(")").toString();
    }

    /** The most specific name of a place (jsonb), or '' for none: {@code Places.name}. */
    private static String areaName(String j) {
        return "COALESCE(" + j + "->>'areaName', " + j + "->>'areaCode', " + j + "->>'subdivision', " + j
                + "->>'country', '')";
    }

    /** A JSON array, or an empty one where the value is missing or not an array. */
    private static String array(String json) {
        return "(CASE WHEN jsonb_typeof(" + json + ") = 'array' THEN " + json + " ELSE '[]'::jsonb END)";
    }

    private static String uuids(String json) {
        return "ARRAY(SELECT jsonb_array_elements_text(" + array(json) + "))::uuid[]";
    }

    private <T> PageResult<T> page(
            String table, String where, List<Object> args, String order, PageQuery page, String alias, Class<T> type) {
        Long total =
                jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        String direction = page.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST";
        List<T> items = jdbc.query(
                "SELECT " + alias + ".data::text FROM " + table + " WHERE " + where + " ORDER BY " + order + direction
                        + ", " + alias + ".id::text LIMIT ? OFFSET ?",
                mapper(type),
                pageArgs.toArray());
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    /** The column of the page's sort field: {@link PageQuery#parse} accepts only the fields the sorts name. */
    private static String sortColumn(Map<String, String> sorts, PageQuery page) {
        return Objects.requireNonNull(sorts.get(page.sortField()), "a sort field PageQuery.parse accepted");
    }

    private static <T> RowMapper<T> mapper(Class<T> type) {
        return (rs, i) -> EventJson.mapper().readValue(rs.getString(1), type);
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
