package org.arrival.forum.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arrival.forum.projection.domain.ProjectedEvent;

/**
 * What changed in a forum after a time, as a member sees it: the events about records they see in the forum then
 * or now (actions with everything that travels with them, needs, checklist gaps, rounds, plans, population
 * estimates, inputs), about the forum's coherence flags, and about the forum itself and its memberships.
 */
public final class ChangesSince {

    /**
     * One event about a record of the forum.
     *
     * @param actionId the action, for events on the actions topic (milestones, reports and funding included)
     */
    public record Change(String eventId, String type, Instant time, String recordType, UUID recordId,
            UUID actionId) {
    }

    private ChangesSince() {
    }

    /** The changes among the events, given the record ids the viewer sees in the forum by record type. */
    public static List<Change> of(List<ProjectedEvent> events, UUID forumId, Map<String, Set<UUID>> visible) {
        List<Change> out = new ArrayList<>();
        for (ProjectedEvent e : events) {
            Change c = change(e, forumId, visible);
            if (c != null) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(Change::time));
        return out;
    }

    private static Change change(ProjectedEvent e, UUID forumId, Map<String, Set<UUID>> visible) {
        return switch (e.topic()) {
            case "arrival.action-plans.actions.v1" -> {
                UUID action = uuid(e.key());
                yield seen(visible, RecordTypes.ACTION, action)
                        ? new Change(e.id(), e.type(), e.time(), RecordTypes.ACTION, action, action) : null;
            }
            case "arrival.assessments.needs.v1" -> record(e, e.key(), RecordTypes.NEED, visible);
            case "arrival.assessments.gaps.v1" -> record(e, e.key(), RecordTypes.GAP, visible);
            case "arrival.assessments.rounds.v1" -> record(e, e.key(), RecordTypes.ROUND, visible);
            case "arrival.action-plans.plans.v1" -> record(e, e.key(), RecordTypes.PLAN, visible);
            case "arrival.assessments.population.v1" ->
                record(e, e.key(), RecordTypes.POPULATION_ESTIMATE, visible);
            // an input's key is the need or round it is about; its subject is the input
            case "arrival.assessments.inputs.v1" -> record(e, e.subject(), RecordTypes.INPUT, visible);
            case "arrival.forum.flags.v1" -> forumId.toString().equals(e.key())
                    ? new Change(e.id(), e.type(), e.time(), RecordTypes.FLAG, uuid(e.subject()), null) : null;
            case "arrival.registry.forums.v1" -> forumId.toString().equals(e.key())
                    ? new Change(e.id(), e.type(), e.time(), e.name().startsWith("Membership")
                            ? RecordTypes.MEMBERSHIP : RecordTypes.FORUM, uuid(e.subject()), null) : null;
            default -> null;
        };
    }

    private static Change record(ProjectedEvent e, String record, String type, Map<String, Set<UUID>> visible) {
        UUID id = uuid(record);
        return seen(visible, type, id) ? new Change(e.id(), e.type(), e.time(), type, id, null) : null;
    }

    private static boolean seen(Map<String, Set<UUID>> visible, String type, UUID id) {
        return id != null && visible.getOrDefault(type, Set.of()).contains(id);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
