package org.arrival.forum.coherence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.Action;
import org.arrival.forum.coherence.domain.ActionLinks;
import org.arrival.platform.directory.ReadSql;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/** The cascade and gap links of actions, from the latest action event of each in the event log. */
class EventLogLinks implements ActionLinks {

    private static final String LATEST = "SELECT DISTINCT ON (message_key) payload->'action' AS action FROM event_log "
            + "WHERE event_type IN ('org.arrival.actionplans.ActionProposed.v1', "
            + "'org.arrival.actionplans.ActionUpdated.v1') AND ";
    private static final String ORDER =
            " ORDER BY message_key, (payload->'action'->>'version')::bigint DESC, " + "occurred_at DESC";
    /** The latest action event of each of the actions given as a text array (indexed: event_log_key). */
    static final String LATEST_OF = LATEST + "message_key = ANY (?::text[])" + ORDER;
    /** The actions that named the commitment in some version (indexed: event_log_implements). */
    static final String NAMING = "SELECT DISTINCT message_key FROM event_log WHERE event_type IN "
            + "('org.arrival.actionplans.ActionProposed.v1', 'org.arrival.actionplans.ActionUpdated.v1') "
            + "AND payload->'action'->>'implementsActionId' = ?";

    private final JdbcTemplate jdbc;
    private final Map<UUID, Links> links = new HashMap<>();

    EventLogLinks(JdbcTemplate jdbc, List<UUID> actionIds) {
        this.jdbc = jdbc;
        if (!actionIds.isEmpty()) {
            for (Action a : actions(ReadSql.array(actionIds))) {
                links.put(
                        a.actionId(),
                        new Links(
                                a.implementsActionId(),
                                a.requiresLocalImplementation(),
                                orEmpty(a.expectedImplementers()),
                                orEmpty(a.gapIds())));
            }
        }
    }

    private static List<UUID> orEmpty(@Nullable List<UUID> ids) {
        return ids == null ? List.of() : ids;
    }

    private List<Action> actions(SqlParameterValue keys) {
        return jdbc.query(LATEST_OF, (rs, i) -> EventJson.mapper().readValue(rs.getString(1), Action.class), keys);
    }

    @Override
    public Links of(UUID actionId) {
        return links.getOrDefault(actionId, Links.NONE);
    }

    @Override
    public List<Implementation> implementationsOf(UUID commitmentId) {
        // candidates named the commitment in some version; only those whose latest version still does count
        List<UUID> candidates = jdbc.queryForList(NAMING, String.class, commitmentId.toString()).stream()
                .map(UUID::fromString)
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        return actions(ReadSql.array(candidates)).stream()
                .filter(a -> commitmentId.equals(a.implementsActionId()))
                .map(a -> new Implementation(
                        a.actionId(),
                        a.ownerId(),
                        a.status() == null ? null : a.status().name()))
                .toList();
    }
}
