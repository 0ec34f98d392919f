package org.arrival.forum.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The append-only history of every event received, with what links each event's record to forums; the as-of view and
 * a meeting's pack replay one forum's part of it.
 */
@Component
public class EventLog {

    private static final RowMapper<ProjectedEvent> MAPPER = (rs, i) -> new ProjectedEvent(
            rs.getString("event_id"),
            rs.getString("event_type"),
            rs.getString("subject"),
            rs.getString("message_key"),
            rs.getObject("owner_org", UUID.class),
            DataClassification.valueOf(rs.getString("classification")),
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("topic"),
            rs.getInt("kafka_partition"),
            rs.getLong("kafka_offset"),
            rs.getString("payload").getBytes(StandardCharsets.UTF_8));

    private final JdbcTemplate jdbc;

    public EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static ProjectedEvent of(InboundEvent e) {
        return new ProjectedEvent(
                e.id(),
                e.type(),
                e.subject(),
                e.key(),
                e.ownerOrg(),
                e.classification(),
                e.time(),
                e.topic(),
                e.partition(),
                e.offset(),
                e.payload());
    }

    private static final String APPEND = """
            INSERT INTO event_log (event_id, event_type, subject, message_key, owner_org, classification,
                occurred_at, topic, kafka_partition, kafka_offset, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING""";

    /** Appends the event unless it is already logged, with what links it to forums. */
    public void append(ProjectedEvent e) {
        appendAll(List.of(e));
    }

    /** Appends those of the events not already logged, in one JDBC batch, and what links them to forums. */
    public void appendAll(List<ProjectedEvent> events) {
        jdbc.batchUpdate(APPEND, events.stream().map(EventLog::columns).toList());
        link(events);
    }

    /**
     * Appends those of the events not already logged, writing only the missing ones. A rebuild reads events the
     * live listener has logged already, and looking them up costs far less than parsing their payloads again. An
     * event's links are written with it, so a logged event has its links already.
     */
    public void appendMissing(List<ProjectedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> logged = new HashSet<>(jdbc.queryForList(
                "SELECT event_id FROM event_log WHERE event_id = ANY(?::text[])", String.class, (Object)
                        events.stream().map(ProjectedEvent::id).toArray(String[]::new)));
        List<ProjectedEvent> missing =
                events.stream().filter(e -> !logged.contains(e.id())).toList();
        if (!missing.isEmpty()) {
            appendAll(missing);
        }
    }

    /** Writes what links the events' records to forums, places and wholes (see {@link LogLinks}); kept once made. */
    private void link(List<ProjectedEvent> events) {
        List<Object[]> forums = new ArrayList<>();
        List<Object[]> places = new ArrayList<>();
        List<Object[]> parts = new ArrayList<>();
        for (ProjectedEvent e : events) {
            LogLinks links = LogLinks.of(e);
            links.forums().forEach(f -> forums.add(new Object[] {f.forumId(), f.messageKey()}));
            links.places().forEach(p -> places.add(new Object[] {p.country(), p.subdivision(), p.areaCode(), e.key()}));
            if (links.wholeKey() != null) {
                parts.add(new Object[] {links.wholeKey(), e.key()});
            }
        }
        if (!forums.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO event_log_forum (forum_id, message_key) VALUES (?, ?) ON CONFLICT DO NOTHING", forums);
        }
        if (!places.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO event_log_place (country, subdivision, area_code, message_key) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT DO NOTHING",
                    places);
        }
        if (!parts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO event_log_part (whole_key, message_key) VALUES (?, ?) ON CONFLICT DO NOTHING", parts);
        }
    }

    private static Object[] columns(ProjectedEvent e) {
        return new Object[] {
            e.id(),
            e.type(),
            e.subject(),
            e.key(),
            e.ownerOrg(),
            e.classification().name(),
            Timestamp.from(e.time()),
            e.topic(),
            e.partition(),
            e.offset(),
            new String(e.payload(), StandardCharsets.UTF_8)
        };
    }

    /**
     * The forum's history up to and including the instant, in time order (and topic order for equal times): every
     * event of the records that can matter to the forum (see {@link LogLinks}) and of those lying in its area, as a
     * replay of the whole log would give them to the forum's views.
     */
    public List<ProjectedEvent> upTo(UUID forumId, Instant at) {
        return forumLog(forumId, at, "<=");
    }

    /** The forum's history after the instant, in time order: the events {@link #upTo(UUID, Instant)} leaves out. */
    public List<ProjectedEvent> after(UUID forumId, Instant at) {
        return forumLog(forumId, at, ">");
    }

    private static final String FORUM_KEYS = """
            WITH direct AS (
                SELECT message_key FROM event_log_forum WHERE forum_id IN (?, ?)
                UNION
                SELECT pl.message_key FROM event_log_place pl
                  JOIN unnest(?::text[], ?::text[], ?::text[]) AS s (country, subdivision, area_code)
                    ON pl.country = s.country
                   AND (s.subdivision IS NULL OR pl.subdivision = s.subdivision)
                   AND (s.area_code IS NULL OR pl.area_code = s.area_code)
                %s
            ), keys AS (
                SELECT message_key FROM direct
                UNION
                SELECT p.message_key FROM event_log_part p JOIN direct d ON p.whole_key = d.message_key
                UNION
                SELECT p.whole_key FROM event_log_part p JOIN direct d ON p.message_key = d.message_key
            )
            """;

    /** Everywhere: a forum without an area (or not yet established) shows the records of every place. */
    private static final String EVERY_PLACE = "UNION SELECT message_key FROM event_log_place";

    static String forumLogQuery(boolean everywhere, String comparison) {
        return FORUM_KEYS.formatted(everywhere ? EVERY_PLACE : "")
                // key by key through the log's index by key, whatever the planner guesses (OFFSET 0 keeps the lateral
                // from being flattened into a join over the log's whole time range)
                + "SELECT e.* FROM keys k CROSS JOIN LATERAL (SELECT * FROM event_log l "
                + "WHERE l.message_key = k.message_key AND l.occurred_at " + comparison + " ? OFFSET 0) e "
                + "UNION ALL SELECT e.* FROM event_log e WHERE e.message_key IS NULL AND e.occurred_at "
                + comparison + " ? "
                + "ORDER BY occurred_at, topic, kafka_partition, kafka_offset";
    }

    /**
     * Hands the forum's history up to the instant to {@code apply} one event at a time, as it is read: a forum with
     * years of reports replays without holding its history in memory. Runs in the caller's transaction (the rows
     * are fetched a thousand at a time through a cursor).
     */
    public void replayUpTo(UUID forumId, Instant at, Consumer<ProjectedEvent> apply) {
        stream(forumId, at, "<=", apply);
    }

    /** Hands the forum's history after the instant to {@code take}, oldest first, as {@link #replayUpTo} does. */
    public void eachAfter(UUID forumId, Instant at, Consumer<ProjectedEvent> take) {
        stream(forumId, at, ">", take);
    }

    private void stream(UUID forumId, Instant at, String comparison, Consumer<ProjectedEvent> take) {
        JdbcTemplate streaming = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        streaming.setFetchSize(1_000);
        List<LogLinks.Place> places = places(forumId, at);
        List<LogLinks.Place> covered = places == null ? List.of() : places;
        Timestamp time = Timestamp.from(at);
        streaming.query(
                forumLogQuery(places == null, comparison),
                (RowCallbackHandler) rs -> take.accept(Objects.requireNonNull(MAPPER.mapRow(rs, 0))),
                forumId,
                LogLinks.EVERY_FORUM,
                covered.stream().map(LogLinks.Place::country).toArray(String[]::new),
                covered.stream().map(LogLinks.Place::subdivision).toArray(String[]::new),
                covered.stream().map(LogLinks.Place::areaCode).toArray(String[]::new),
                time,
                time);
    }

    private List<ProjectedEvent> forumLog(UUID forumId, Instant at, String comparison) {
        List<LogLinks.Place> places = places(forumId, at);
        List<LogLinks.Place> covered = places == null ? List.of() : places;
        Timestamp time = Timestamp.from(at);
        return jdbc.query(
                forumLogQuery(places == null, comparison),
                MAPPER,
                forumId,
                LogLinks.EVERY_FORUM,
                covered.stream().map(LogLinks.Place::country).toArray(String[]::new),
                covered.stream().map(LogLinks.Place::subdivision).toArray(String[]::new),
                covered.stream().map(LogLinks.Place::areaCode).toArray(String[]::new),
                time,
                time);
    }

    /** A version of a forum as its event gave it: when, and its area (the JSON, absent when the event had none). */
    private record ForumVersion(
            Instant time, String type, @Nullable String scope) {}

    /**
     * Every area the forum has had, the views showing the records that lie in the area it has then and the one it
     * has now; {@code null} for everywhere: a forum that was not established by then, or had no area at some time,
     * shows the records of every place (as {@code ForumViews.within} reads a forum unknown or without an area).
     */
    private @Nullable List<LogLinks.Place> places(UUID forumId, Instant at) {
        List<ForumVersion> versions = jdbc.query(
                "SELECT occurred_at, event_type, payload->'forum'->'geographicScope' AS scope FROM event_log "
                        + "WHERE message_key = ? AND event_type LIKE 'org.arrival.registry.Forum%'",
                (rs, i) -> new ForumVersion(
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("event_type"), rs.getString("scope")),
                forumId.toString());
        boolean established = false;
        List<LogLinks.Place> out = new ArrayList<>();
        for (ForumVersion v : versions) {
            if (!v.type().contains(".ForumEstablished.") && !v.type().contains(".ForumUpdated.")) {
                continue;
            }
            if (!v.time().isAfter(at)) {
                established = true;
            }
            String scope = v.scope();
            JsonNode area = scope == null ? null : EventJson.mapper().readTree(scope);
            if (area == null || !area.isObject()) {
                return null;
            }
            JsonNode country = area.path("country");
            if (country.isString()) {
                out.add(new LogLinks.Place(
                        country.stringValue(), text(area.path("subdivision")), text(area.path("areaCode"))));
            }
        }
        return established ? out : null;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }
}
