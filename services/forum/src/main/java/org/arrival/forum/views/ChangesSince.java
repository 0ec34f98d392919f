package org.arrival.forum.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.CoherenceFlagUpdated;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipChanged;
import org.arrival.contracts.registry.MembershipEnded;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.Scopes;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * What changed in a forum after a time, as a member sees it: the events about records they see in the forum then
 * or now (actions with everything that travels with them, needs, checklist gaps, rounds, plans, population
 * estimates, inputs), about the forum's coherence flags, and about the forum itself and its memberships.
 *
 * <p>Each event is itself read through the platform's read policy: as its owner and classification were when it was
 * published (a change made while a record was RESTRICTED or owned by a hidden organisation is never shown to an
 * enforcement body, even if the record is visible now), a flag's events only when the viewer may read every record
 * the flag names, and a membership's only when the viewer may know of the seated organisation.
 */
public final class ChangesSince {

    static final String FLAGS = "arrival.forum.flags.v1";

    /**
     * One event about a record of the forum.
     *
     * @param actionId the action, for events on the actions topic (milestones, reports and funding included)
     * @param title the record's title as the viewer sees it (an action's or plan's title, a need's statement, a
     *        round's title, a gap's checklist question, the forum's name), when the view knows one
     */
    public record Change(
            String eventId,
            String type,
            Instant time,
            String recordType,
            @Nullable UUID recordId,
            @Nullable UUID actionId,
            @Nullable String title) {

        public Change(
                String eventId,
                String type,
                Instant time,
                String recordType,
                @Nullable UUID recordId,
                @Nullable UUID actionId) {
            this(eventId, type, time, recordType, recordId, actionId, null);
        }

        public Change titled(@Nullable String title) {
            return new Change(eventId, type, time, recordType, recordId, actionId, title);
        }
    }

    private ChangesSince() {}

    /**
     * The changes among the events, given the record ids the viewer sees in the forum by record type and where the
     * scope of a record named by a flag is found.
     */
    public static List<Change> of(
            List<ProjectedEvent> events,
            UUID forumId,
            Map<String, Set<UUID>> visible,
            Viewer viewer,
            Function<UUID, List<RecordScope>> scopes) {
        List<Change> out = new ArrayList<>();
        for (ProjectedEvent e : events) {
            Change c = change(e, forumId, visible);
            if (c != null && readable(e, forumId, viewer, scopes)) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(Change::time));
        return out;
    }

    /** The records the forum's flag events among these name (to look their scopes up at once). */
    public static Set<UUID> flaggedRecords(List<ProjectedEvent> events, UUID forumId) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (ProjectedEvent e : events) {
            if (FLAGS.equals(e.topic()) && forumId.toString().equals(e.key())) {
                CoherenceFlag flag = flag(e);
                if (flag != null && flag.recordIds() != null) {
                    ids.addAll(flag.recordIds());
                }
            }
        }
        return ids;
    }

    private static boolean readable(
            ProjectedEvent e, UUID forumId, Viewer viewer, Function<UUID, List<RecordScope>> scopes) {
        // the record as the event published it; that it concerns this forum was settled by the record's visibility
        if (!viewer.mayRead(RecordScope.of(e.ownerOrg(), e.classification(), List.of(forumId)))) {
            return false;
        }
        if (FLAGS.equals(e.topic())) {
            CoherenceFlag flag = flag(e);
            return flag != null && flag.recordIds() != null && viewer.mayReadAll(Scopes.all(flag.recordIds(), scopes));
        }
        if (RecordTypes.MEMBERSHIP.equals(recordType(e))) {
            Membership m = membership(e);
            return m != null && viewer.maySeeOrganisation(m.stakeholderId());
        }
        return true;
    }

    private static @Nullable Change change(ProjectedEvent e, UUID forumId, Map<String, Set<UUID>> visible) {
        return switch (e.topic()) {
            case "arrival.action-plans.actions.v1" -> {
                UUID action = uuid(e.key());
                yield seen(visible, RecordTypes.ACTION, action)
                        ? new Change(e.id(), e.type(), e.time(), RecordTypes.ACTION, action, action)
                        : null;
            }
            case "arrival.assessments.needs.v1" -> record(e, e.key(), RecordTypes.NEED, visible);
            case "arrival.assessments.gaps.v1" -> record(e, e.key(), RecordTypes.GAP, visible);
            case "arrival.assessments.rounds.v1" -> record(e, e.key(), RecordTypes.ROUND, visible);
            case "arrival.action-plans.plans.v1" -> record(e, e.key(), RecordTypes.PLAN, visible);
            case "arrival.assessments.population.v1" -> record(e, e.key(), RecordTypes.POPULATION_ESTIMATE, visible);
            // an input's key is the need or round it is about; its subject is the input
            case "arrival.assessments.inputs.v1" -> record(e, e.subject(), RecordTypes.INPUT, visible);
            case FLAGS ->
                forumId.toString().equals(e.key())
                        ? new Change(e.id(), e.type(), e.time(), RecordTypes.FLAG, uuid(e.subject()), null)
                        : null;
            case "arrival.registry.forums.v1" ->
                forumId.toString().equals(e.key())
                        ? new Change(e.id(), e.type(), e.time(), recordType(e), uuid(e.subject()), null)
                        : null;
            default -> null;
        };
    }

    private static String recordType(ProjectedEvent e) {
        return e.name().startsWith("Membership") ? RecordTypes.MEMBERSHIP : RecordTypes.FORUM;
    }

    private static @Nullable CoherenceFlag flag(ProjectedEvent e) {
        try {
            return switch (e.name()) {
                case "CoherenceFlagRaised" ->
                    e.payloadAs(CoherenceFlagRaised.class).flag();
                case "CoherenceFlagUpdated" ->
                    e.payloadAs(CoherenceFlagUpdated.class).flag();
                default -> null;
            };
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static @Nullable Membership membership(ProjectedEvent e) {
        try {
            return switch (e.name()) {
                case "MembershipGranted" -> e.payloadAs(MembershipGranted.class).membership();
                case "MembershipChanged" -> e.payloadAs(MembershipChanged.class).membership();
                case "MembershipEnded" -> e.payloadAs(MembershipEnded.class).membership();
                default -> null;
            };
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static @Nullable Change record(
            ProjectedEvent e, @Nullable String record, String type, Map<String, Set<UUID>> visible) {
        UUID id = uuid(record);
        return seen(visible, type, id) ? new Change(e.id(), e.type(), e.time(), type, id, null) : null;
    }

    private static boolean seen(Map<String, Set<UUID>> visible, String type, @Nullable UUID id) {
        return id != null && visible.getOrDefault(type, Set.of()).contains(id);
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
