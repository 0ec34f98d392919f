package org.arrival.forum.views;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
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
        Newest newest = new Newest(forumId, visible, viewer, Integer.MAX_VALUE);
        events.forEach(newest);
        return newest.finish(scopes).changes();
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

    /**
     * The newest changes, at most {@code limit}, in time order, and how many the viewer sees in all.
     */
    public record Counted(List<Change> changes, long total) {}

    /**
     * Takes the events one at a time, oldest first, as the log is read, and keeps only the newest changes the viewer
     * may see: a forum's years of history are counted, not held. A flag's events, fewer than the rest, wait aside as
     * changes with the records they name (a flag is readable only when every record it names is, which is looked up
     * for all of them at once when the events are all in). Changes of the same time keep the log's order.
     */
    public static final class Newest implements Consumer<ProjectedEvent> {

        /** A change and its place in the log, which orders changes of the same time. */
        private record Kept(long seq, Change change) {}

        private record Flagged(Kept kept, List<UUID> recordIds) {}

        private static final Comparator<Kept> ORDER =
                Comparator.comparing((Kept k) -> k.change().time()).thenComparingLong(Kept::seq);

        private final UUID forumId;
        private final Map<String, Set<UUID>> visible;
        private final Viewer viewer;
        private final int limit;
        private final ArrayDeque<Kept> newest = new ArrayDeque<>();
        private final List<Flagged> flags = new ArrayList<>();
        private long seq;
        private long count;

        public Newest(UUID forumId, Map<String, Set<UUID>> visible, Viewer viewer, int limit) {
            this.forumId = forumId;
            this.visible = visible;
            this.viewer = viewer;
            this.limit = limit;
        }

        @Override
        public void accept(ProjectedEvent e) {
            long at = seq++;
            boolean isFlag = FLAGS.equals(e.topic());
            Change c = isFlag && forumId.toString().equals(e.key())
                    ? new Change(e.id(), e.type(), e.time(), RecordTypes.FLAG, uuid(e.subject()), null)
                    : change(e, forumId, visible);
            if (c == null || !viewer.mayRead(RecordScope.of(e.ownerOrg(), e.classification(), List.of(forumId)))) {
                return;
            }
            if (isFlag) {
                CoherenceFlag flag = flag(e);
                if (flag != null && flag.recordIds() != null) {
                    flags.add(new Flagged(new Kept(at, c), List.copyOf(flag.recordIds())));
                }
                return;
            }
            if (RecordTypes.MEMBERSHIP.equals(c.recordType())) {
                Membership m = membership(e);
                if (m == null || !viewer.maySeeOrganisation(m.stakeholderId())) {
                    return;
                }
            }
            keep(newest, new Kept(at, c));
            count++;
        }

        /** The records the flag events taken so far name. */
        public Set<UUID> flaggedRecords() {
            Set<UUID> ids = new LinkedHashSet<>();
            flags.forEach(f -> ids.addAll(f.recordIds()));
            return ids;
        }

        /** The newest changes and their count, with the flags whose records the viewer may all read. */
        public Counted finish(Function<UUID, List<RecordScope>> scopes) {
            ArrayDeque<Kept> flagged = new ArrayDeque<>();
            long total = count;
            for (Flagged f : flags) {
                if (viewer.mayReadAll(Scopes.all(f.recordIds(), scopes))) {
                    keep(flagged, f.kept());
                    total++;
                }
            }
            List<Kept> out = new ArrayList<>(newest);
            out.addAll(flagged);
            out.sort(ORDER);
            return new Counted(
                    out.subList(Math.max(0, out.size() - limit), out.size()).stream()
                            .map(Kept::change)
                            .toList(),
                    total);
        }

        private void keep(ArrayDeque<Kept> kept, Kept k) {
            kept.addLast(k);
            if (kept.size() > limit) {
                kept.removeFirst();
            }
        }
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
