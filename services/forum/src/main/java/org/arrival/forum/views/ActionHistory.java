package org.arrival.forum.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The events the forum view has received about an action (its own, its reports, milestones, funding and
 * contributions: everything keyed by the action on the actions topic), newest first, from the event log. The log is
 * written in the transaction that applies the events, so an event listed here is applied to the view too.
 *
 * <p>Each event is read through the platform's read policy as it was published, as the as-of changes are
 * ({@link ChangesSince}): its owner and classification then, the forum asked about as its forum.
 */
@Component
public class ActionHistory {

    static final String ACTIONS = "arrival.action-plans.actions.v1";

    /** One event of an action's history; no payload: what happened, about which record, when. */
    public record Event(String eventId, String eventType, String subjectId, Instant occurredAt) {}

    private static final RowMapper<Event> MAPPER = (rs, i) -> new Event(
            rs.getString("event_id"),
            rs.getString("event_type"),
            rs.getString("subject"),
            rs.getTimestamp("occurred_at").toInstant());

    private final JdbcTemplate jdbc;

    public ActionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the events about the action the viewer may read, newest first. Whether the viewer sees the action
     * in the forum at all is the caller's to settle first ({@link ForumListings#showsAction}).
     */
    public PageResult<Event> of(UUID forumId, UUID actionId, Viewer viewer, PageQuery page) {
        List<Object> args = new ArrayList<>(List.of(actionId.toString(), ACTIONS));
        // the forum's id is a UUID, safe to write into the statement as a literal
        String where = "e.message_key = ? AND e.topic = ? AND "
                + ForumListings.visible(
                        viewer, 0, "e.owner_org", "e.classification", "ARRAY['" + forumId + "']::uuid[]", args);
        Long total = jdbc.queryForObject("SELECT count(*) FROM event_log e WHERE " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<Event> items = jdbc.query(
                "SELECT e.event_id, e.event_type, e.subject, e.occurred_at FROM event_log e WHERE " + where
                        + " ORDER BY e.occurred_at DESC, e.kafka_partition DESC, e.kafka_offset DESC, e.event_id"
                        + " LIMIT ? OFFSET ?",
                MAPPER,
                pageArgs.toArray());
        return PageResult.of(items, page, total == null ? 0 : total);
    }
}
