package org.arrival.forum.exports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.platform.directory.ReadSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the exports need beyond the projection's rows, read from the forum's event log: an action's description and
 * participants, the indicators of its latest progress report, and an organisation's type and external identifiers.
 * Only ever asked about records the viewer may already see.
 */
@Component
public class ActionDetails {

    record ActionEnvelope(Action action) {}

    record ReportEnvelope(ProgressReport report) {}

    record StakeholderEnvelope(Stakeholder stakeholder) {}

    private final JdbcTemplate jdbc;

    public ActionDetails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of each action as its own events carried it, in one query. */
    public Map<UUID, Action> actions(Collection<UUID> actionIds) {
        Map<UUID, Action> newest = new HashMap<>();
        if (actionIds.isEmpty()) {
            return newest;
        }
        jdbc.query(
                """
                SELECT e.event_type, e.payload::text AS payload
                FROM unnest(?::text[]) AS k(message_key) JOIN event_log e ON e.message_key = k.message_key
                WHERE e.event_type LIKE '%.ActionProposed.v%' OR e.event_type LIKE '%.ActionUpdated.v%'
                ORDER BY e.occurred_at, e.topic, e.kafka_partition, e.kafka_offset""",
                rs -> {
                    String name = name(rs.getString("event_type"));
                    if (!name.equals("ActionProposed") && !name.equals("ActionUpdated")) {
                        return;
                    }
                    Action a = EventJson.read(
                                    rs.getString("payload").getBytes(StandardCharsets.UTF_8), ActionEnvelope.class)
                            .action();
                    if (a != null && actionIds.contains(a.actionId())) {
                        newest.merge(a.actionId(), a, (x, y) -> y.version() >= x.version() ? y : x);
                    }
                },
                ReadSql.array(List.copyOf(actionIds)));
        return newest;
    }

    /** The progress reports of these ids about these actions, in one query. */
    public Map<UUID, ProgressReport> reports(Collection<UUID> actionIds, Collection<UUID> reportIds) {
        Map<UUID, ProgressReport> found = new HashMap<>();
        if (actionIds.isEmpty() || reportIds.isEmpty()) {
            return found;
        }
        // joined with the ids rather than filtered by "= ANY": a filter compares each row of the log with every id
        // once the statement's plan is generic (seconds per chunk of a city's actions)
        jdbc.query(
                """
                SELECT e.event_type, e.payload::text AS payload
                FROM unnest(?::text[]) AS k(message_key) JOIN event_log e ON e.message_key = k.message_key
                JOIN unnest(?::text[]) AS r(subject) ON e.subject = r.subject
                ORDER BY e.occurred_at, e.topic, e.kafka_partition, e.kafka_offset""",
                rs -> {
                    if (!name(rs.getString("event_type")).equals("ProgressReported")) {
                        return;
                    }
                    ProgressReport r = EventJson.read(
                                    rs.getString("payload").getBytes(StandardCharsets.UTF_8), ReportEnvelope.class)
                            .report();
                    if (r != null && reportIds.contains(r.reportId()) && actionIds.contains(r.actionId())) {
                        found.put(r.reportId(), r);
                    }
                },
                ReadSql.array(List.copyOf(actionIds)),
                ReadSql.array(List.copyOf(reportIds)));
        return found;
    }

    /** The newest state of the organisation as the registry's events carried it. */
    public Optional<Stakeholder> organisation(UUID id) {
        return payloads(
                        id,
                        List.of(
                                "StakeholderRegistered",
                                "StakeholderUpdated",
                                "StakeholderVerified",
                                "StakeholderActivated",
                                "StakeholderSuspended",
                                "StakeholderArchived"))
                .stream()
                .map(p -> EventJson.read(p, StakeholderEnvelope.class).stakeholder())
                .filter(s -> s != null && id.equals(s.stakeholderId()))
                .reduce((a, b) -> b.version() >= a.version() ? b : a);
    }

    /** Payloads of the events of the named types keyed by the id, oldest first. */
    private List<byte[]> payloads(UUID key, List<String> names) {
        List<byte[]> out = new ArrayList<>();
        jdbc.query(
                "SELECT event_type, payload::text AS payload FROM event_log WHERE message_key = ? "
                        + "ORDER BY occurred_at, topic, kafka_partition, kafka_offset",
                rs -> {
                    if (names.contains(name(rs.getString("event_type")))) {
                        out.add(rs.getString("payload").getBytes(StandardCharsets.UTF_8));
                    }
                },
                key.toString());
        return out;
    }

    /** The event's name without namespace and version, e.g. {@code ProgressReported}. */
    static String name(String type) {
        int v = type.lastIndexOf(".v");
        String withoutVersion = v < 0 ? type : type.substring(0, v);
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }
}
