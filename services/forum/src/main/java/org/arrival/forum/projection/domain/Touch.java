package org.arrival.forum.projection.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.CoherenceFlagUpdated;
import org.arrival.contracts.registry.MembershipChanged;
import org.arrival.contracts.registry.MembershipEnded;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.jspecify.annotations.Nullable;

/**
 * What an event changed in the forum view, described so that each viewer of each forum can be told about it only
 * if the record is one they may see: the views it changes, the record's owner, classification and shared forums, and
 * how it relates to a forum (the forum itself, shared with it, lying in its area, or an organisation seated in it),
 * and for derived records (flags) the records it comes from ({@code sources}).
 *
 * <p>Taken from the state of the projection, before and after the event is applied: a record that was visible
 * before and is not after (or the reverse) changes the view too.
 */
public record Touch(
        Set<String> views,
        UUID owner,
        String classification,
        List<UUID> sharedWithForums,
        @Nullable UUID forum,
        boolean byPlace,
        @Nullable Jurisdiction place,
        @Nullable UUID seatedOrganisation,
        List<UUID> sources) {

    public static final String FORUM = "forum";
    public static final String TRACKER = "tracker";
    public static final String WHO_WHAT_WHERE = "who-what-where";
    public static final String NEEDS_COVERAGE = "needs-coverage";
    public static final String READINESS = "readiness";
    public static final String FLAGS = "flags";

    /** Every view: what a change of the forum, its seats or an organisation's name may alter. */
    public static final Set<String> ALL = Set.of(FORUM, TRACKER, WHO_WHAT_WHERE, NEEDS_COVERAGE, READINESS, FLAGS);

    private static final Set<String> ACTION_VIEWS = Set.of(TRACKER, WHO_WHAT_WHERE, NEEDS_COVERAGE);

    public Touch {
        views = Set.copyOf(views);
        sharedWithForums = sharedWithForums == null ? List.of() : List.copyOf(sharedWithForums);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public Touch(
            Set<String> views,
            UUID owner,
            String classification,
            List<UUID> sharedWithForums,
            @Nullable UUID forum,
            boolean byPlace,
            @Nullable Jurisdiction place,
            @Nullable UUID seatedOrganisation) {
        this(views, owner, classification, sharedWithForums, forum, byPlace, place, seatedOrganisation, List.of());
    }

    /** Whether the forum's views may change: the forum itself, a record shared with it or in its area, or a member. */
    public boolean concerns(UUID forumId, ProjectionStore store) {
        return concerns(forumId, store::forum, store::membershipsOf);
    }

    /** {@link #concerns(UUID, ProjectionStore)} with the forum's row and seats read through the functions given. */
    public boolean concerns(
            UUID forumId, Function<UUID, Optional<ForumRow>> forums, Function<UUID, List<MembershipRow>> seats) {
        if (forumId.equals(forum) || sharedWithForums.contains(forumId)) {
            return true;
        }
        if (byPlace) {
            ForumRow row = forums.apply(forumId).orElse(null);
            if (row == null || row.geographicScope == null || Places.covers(List.of(row.geographicScope), place)) {
                return true;
            }
        }
        return seatedOrganisation != null
                && seats.apply(forumId).stream()
                        .anyMatch(m -> m.active() && seatedOrganisation.equals(m.stakeholderId));
    }

    /** What decides which forums the touch concerns: touches alike in it concern the same forums. */
    public List<Object> reach() {
        return java.util.Arrays.asList(forum, sharedWithForums, byPlace, place, seatedOrganisation);
    }

    /** What the event is about, as the store holds it now; nothing for events the view does not use. */
    public static List<Touch> of(ProjectionStore store, ProjectedEvent event) {
        List<Touch> out = new ArrayList<>();
        String classification = event.classification().name();
        switch (event.name()) {
            case "StakeholderRegistered",
                    "StakeholderUpdated",
                    "StakeholderVerified",
                    "StakeholderActivated",
                    "StakeholderSuspended",
                    "StakeholderArchived" -> {
                UUID id = uuid(event.key());
                if (id != null) {
                    out.add(new Touch(ALL, id, classification, List.of(), null, false, null, id));
                }
            }
            case "ForumEstablished", "ForumUpdated" ->
                out.add(new Touch(
                        ALL, event.ownerOrg(), classification, List.of(), uuid(event.key()), false, null, null));
            case "MembershipGranted" ->
                out.add(seat(event, event.payloadAs(MembershipGranted.class).membership()));
            case "MembershipChanged" ->
                out.add(seat(event, event.payloadAs(MembershipChanged.class).membership()));
            case "MembershipEnded" ->
                out.add(seat(event, event.payloadAs(MembershipEnded.class).membership()));
            case "ActionProposed",
                    "ActionUpdated",
                    "MilestoneRecorded",
                    "ProgressReported",
                    "FundingRecorded",
                    "ReportDue",
                    "ReportOverdue" -> {
                UUID id = uuid(event.key());
                ActionRow a = id == null ? null : store.action(id).orElse(null);
                if (a != null && !a.placeholder) {
                    out.add(new Touch(
                            ACTION_VIEWS, a.ownerId, a.classification, a.sharedWithForums, null, false, null, null));
                }
            }
            case "NeedIdentified", "NeedUpdated" -> {
                UUID id = uuid(event.key());
                NeedRow n = id == null ? null : store.need(id).orElse(null);
                if (n != null) {
                    out.add(new Touch(
                            Set.of(NEEDS_COVERAGE),
                            n.ownerId,
                            n.classification,
                            n.sharedWithForums,
                            null,
                            true,
                            n.area,
                            null));
                }
            }
            // no view of a stream shows plans or estimates; the coherence checks of the forums they concern read them
            case "PlanRecorded", "PlanUpdated" -> {
                UUID id = uuid(event.key());
                PlanRow p = id == null ? null : store.plan(id).orElse(null);
                if (p != null) {
                    out.add(new Touch(
                            Set.of(),
                            p.ownerId,
                            p.classification,
                            p.sharedWithForums,
                            null,
                            true,
                            p.jurisdiction,
                            null));
                }
            }
            case "PopulationEstimateRecorded", "PopulationEstimateRevised" -> {
                UUID id = uuid(event.key());
                PopulationRow e = id == null ? null : store.estimate(id).orElse(null);
                if (e != null) {
                    out.add(new Touch(
                            Set.of(), e.ownerId, e.classification, e.sharedWithForums, null, true, e.area, null));
                }
            }
            case "AssessmentRoundOpened", "AssessmentRoundClosed", "ChecklistScoresPublished" -> {
                UUID id = uuid(event.key());
                RoundScoreRow r = id == null ? null : store.round(id).orElse(null);
                if (r != null) {
                    out.add(readiness(r, r.ownerId, r.classification, r.id));
                }
            }
            case "ChecklistGapIdentified" -> {
                UUID id = uuid(event.key());
                store.gap(id == null ? new UUID(0, 0) : id)
                        .ifPresent(g -> store.round(g.roundId)
                                .ifPresent(r -> out.add(readiness(r, g.ownerId, g.classification, g.id))));
            }
            // no view of a stream shows meetings or decisions yet; the checks of their forum read the assignments
            case "MeetingScheduled",
                    "MeetingUpdated",
                    "MeetingHeld",
                    "MinutesApproved",
                    "MeetingCancelled",
                    "DecisionRecorded",
                    "AssignmentMade",
                    "AssignmentAccepted",
                    "AssignmentDeclined",
                    "AssignmentOverdue" -> {
                UUID forum = uuid(event.key());
                if (forum != null) {
                    out.add(new Touch(
                            Set.of(), event.ownerOrg(), classification, List.of(forum), forum, false, null, null));
                }
            }
            case "CoherenceFlagRaised" ->
                out.add(flag(event, event.payloadAs(CoherenceFlagRaised.class).flag()));
            case "CoherenceFlagUpdated" ->
                out.add(flag(event, event.payloadAs(CoherenceFlagUpdated.class).flag()));
            default -> {
                // plans, population estimates, inputs, contributions, reminders: not shown in the forum view
            }
        }
        return out;
    }

    private static Touch seat(ProjectedEvent event, org.arrival.contracts.registry.Membership m) {
        // the seated organisation is the record's subject: a hidden one stays hidden from enforcement bodies
        return new Touch(
                ALL,
                m.stakeholderId(),
                event.classification().name(),
                List.of(m.forumId()),
                m.forumId(),
                false,
                null,
                null);
    }

    /** A round and its gaps are made of the answers of the organisations it names: they are its sources. */
    private static Touch readiness(RoundScoreRow round, UUID owner, String classification, UUID record) {
        return new Touch(
                Set.of(READINESS),
                owner,
                classification,
                round.sharedWithForums,
                null,
                true,
                round.jurisdiction,
                null,
                List.of(record));
    }

    /** A flag is derived from the records it names: a viewer is told of it only if they may read them all. */
    private static Touch flag(ProjectedEvent event, CoherenceFlag flag) {
        return new Touch(
                Set.of(FLAGS),
                event.ownerOrg(),
                event.classification().name(),
                List.of(flag.forumId()),
                flag.forumId(),
                false,
                null,
                null,
                flag.recordIds());
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
