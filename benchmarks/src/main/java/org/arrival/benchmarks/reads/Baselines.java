package org.arrival.benchmarks.reads;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the database alone does for each read: plain SQL over the same rows in the forum view's database (the
 * active generation of its projection tables, its event log, its flags), with no read policy, no JSON mapping and
 * no HTTP. Each is a list of statements run one after the other on one connection, every column of every row read.
 */
final class Baselines {

    private static final String ACTIVE = "(SELECT generation FROM fv_active_generation)";

    /** The forum's actions, found through the GIN index on the forums they are shared with. */
    private static final String FORUM_ACTIONS =
            "FROM fv_action a WHERE a.generation = " + ACTIVE + " AND a.shared_with @> ARRAY[?::uuid]";

    private static final String TITLE = "COALESCE(a.data->>'title', '') COLLATE \"C\"";

    private static final String EVENT_ORDER = " ORDER BY occurred_at, topic, kafka_partition, kafka_offset";

    private Baselines() {}

    /** A page of the forum's actions by title. */
    static List<Query> trackerPage(UUID forum, int page) {
        return List.of(Query.of(
                "SELECT a.data::text " + FORUM_ACTIONS + " ORDER BY " + TITLE + ", a.id::text LIMIT ? OFFSET ?",
                forum,
                ReadTargets.PAGE_SIZE,
                (long) page * ReadTargets.PAGE_SIZE));
    }

    /** The first page of the forum's actions in a sector and status, latest end date first. */
    static List<Query> trackerFiltered(UUID forum, String sector, String status) {
        return List.of(Query.of(
                "SELECT a.data::text " + FORUM_ACTIONS
                        + " AND a.data->'sectors' @> jsonb_build_array(?::text) AND a.data->>'status' = ?"
                        + " ORDER BY (a.data->>'endDate')::date DESC NULLS LAST, a.id::text LIMIT ?",
                forum,
                sector,
                status,
                ReadTargets.PAGE_SIZE));
    }

    /** The forum's actions counted by owner, sector, area and status. */
    static List<Query> whoWhatWhere(UUID forum) {
        return List.of(Query.of(
                "SELECT a.owner_id, s.sector, COALESCE(j->>'areaName', j->>'areaCode', j->>'subdivision', "
                        + "j->>'country', '') AS area, COALESCE(a.data->>'status', '') AS status, count(*) "
                        + "FROM fv_action a CROSS JOIN LATERAL jsonb_array_elements_text(" + array("a.data->'sectors'")
                        + ") s(sector) LEFT JOIN LATERAL jsonb_array_elements(" + array("a.data->'areas'")
                        + ") j ON true WHERE a.generation = " + ACTIVE + " AND a.shared_with @> ARRAY[?::uuid] "
                        + "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
                forum));
    }

    /** The forum's actions counted by owner, and by sector with their average progress (cancelled ones left out). */
    static List<Query> trackerSummary(UUID forum) {
        return List.of(
                Query.of("SELECT a.owner_id, count(*) " + FORUM_ACTIONS + " GROUP BY a.owner_id", forum),
                Query.of(
                        "SELECT s.sector, count(*), avg(COALESCE((a.data->'latestReport'->>'percentComplete')::numeric, 0))"
                                + " FROM fv_action a CROSS JOIN LATERAL jsonb_array_elements_text(a.data->'sectors') s(sector)"
                                + " WHERE a.generation = " + ACTIVE + " AND a.shared_with @> ARRAY[?::uuid]"
                                + " AND COALESCE(a.data->>'status', '') <> 'CANCELLED' GROUP BY s.sector",
                        forum));
    }

    /** The open needs, the forum's actions and the inputs counted per need. */
    static List<Query> needsCoverage(UUID forum) {
        return List.of(
                Query.of("SELECT n.data::text FROM fv_need n WHERE n.generation = " + ACTIVE
                        + " AND COALESCE(n.data->>'status', '') NOT IN ('RESOLVED', 'DEPRIORITISED')"),
                Query.of("SELECT a.data::text " + FORUM_ACTIONS + " ORDER BY " + TITLE + ", a.id::text", forum),
                Query.of("SELECT i.subject_id, count(*) FROM fv_input i WHERE i.generation = " + ACTIVE
                        + " AND i.data->>'subjectType' = 'NEED' GROUP BY i.subject_id"));
    }

    /** The published rounds and their gaps. */
    static List<Query> readiness() {
        String published =
                "FROM fv_round_score r WHERE r.generation = " + ACTIVE + " AND r.data->>'publishedAt' IS " + "NOT NULL";
        return List.of(
                Query.of("SELECT r.data::text " + published),
                Query.of("SELECT g.data::text FROM fv_gap g WHERE g.generation = " + ACTIVE
                        + " AND g.data->>'roundId' IN (SELECT r.id::text " + published + ")"
                        + " ORDER BY g.data->>'questionCode' COLLATE \"C\", g.id::text"));
    }

    /**
     * The forum's own history up to the instant (the state then), then after it (the changes since), in order: the
     * events of the records linked to the forum or to every forum, as the service reads them.
     */
    static List<Query> asOf(UUID forum, Instant at) {
        Timestamp t = Timestamp.from(at);
        String linked = "SELECT * FROM event_log WHERE message_key IN (SELECT message_key FROM event_log_forum "
                + "WHERE forum_id IN (?, '00000000-0000-0000-0000-000000000000'::uuid)) AND occurred_at ";
        return List.of(
                Query.of(linked + "<= ?" + EVENT_ORDER, forum, t), Query.of(linked + "> ?" + EVENT_ORDER, forum, t));
    }

    /** The forum's actions and the events keyed by them (their versions and progress reports). */
    static List<Query> export(UUID forum) {
        return List.of(
                Query.of("SELECT a.data::text " + FORUM_ACTIONS + " ORDER BY " + TITLE + ", a.id::text", forum),
                Query.of(
                        "SELECT e.message_key, e.event_type, e.payload::text FROM event_log e WHERE e.message_key IN "
                                + "(SELECT a.id::text " + FORUM_ACTIONS + ") ORDER BY e.message_key, e.occurred_at, "
                                + "e.topic, e.kafka_partition, e.kafka_offset",
                        forum));
    }

    /** The first page of the forum's flags, newest first, as the service answers it by default. */
    static List<Query> flags(UUID forum) {
        return List.of(Query.of(
                "SELECT * FROM coherence_flag WHERE forum_id = ? ORDER BY created_at DESC, flag_key DESC LIMIT ?",
                forum,
                ReadTargets.PAGE_SIZE));
    }

    static List<Query> flagHistory(UUID flag) {
        return List.of(Query.of("SELECT * FROM coherence_flag_decision WHERE flag_id = ? ORDER BY version", flag));
    }

    private static String array(String json) {
        return "(CASE WHEN jsonb_typeof(" + json + ") = 'array' THEN " + json + " ELSE '[]'::jsonb END)";
    }
}
