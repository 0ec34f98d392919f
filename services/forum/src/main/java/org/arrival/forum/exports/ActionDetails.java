package org.arrival.forum.exports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.registry.Stakeholder;
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

    /** The newest version of the action as its own events carried it. */
    public Optional<Action> action(UUID actionId) {
        return payloads(actionId, List.of("ActionProposed", "ActionUpdated")).stream()
                .map(p -> EventJson.read(p, ActionEnvelope.class).action())
                .filter(a -> a != null && actionId.equals(a.actionId()))
                .reduce((a, b) -> b.version() >= a.version() ? b : a);
    }

    /** The progress report of the given id about the action. */
    public Optional<ProgressReport> report(UUID actionId, UUID reportId) {
        if (reportId == null) {
            return Optional.empty();
        }
        return payloads(actionId, List.of("ProgressReported")).stream()
                .map(p -> EventJson.read(p, ReportEnvelope.class).report())
                .filter(r -> r != null && reportId.equals(r.reportId()))
                .reduce((a, b) -> b);
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
