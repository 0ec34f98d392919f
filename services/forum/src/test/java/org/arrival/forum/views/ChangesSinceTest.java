package org.arrival.forum.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.views.ChangesSince.Change;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.junit.jupiter.api.Test;

class ChangesSinceTest {

    static final Instant T = Instant.parse("2025-07-01T10:00:00Z");
    static final String ACTIONS = "arrival.action-plans.actions.v1";
    static final String FLAGS = "arrival.forum.flags.v1";
    static final String FORUMS = "arrival.registry.forums.v1";
    final UUID forum = UUID.randomUUID();
    final UUID convenor = UUID.randomUUID();
    final UUID city = UUID.randomUUID();
    final UUID association = UUID.randomUUID();
    final UUID action = UUID.randomUUID();
    final UUID need = UUID.randomUUID();
    final UUID input = UUID.randomUUID();
    final UUID plan = UUID.randomUUID();
    final UUID associationAction = UUID.randomUUID();
    final UUID restrictedNeed = UUID.randomUUID();

    final Map<String, Set<UUID>> visible = Map.of(
            RecordTypes.ACTION,
            Set.of(action, associationAction),
            RecordTypes.NEED,
            Set.of(need, restrictedNeed),
            RecordTypes.INPUT,
            Set.of(input),
            RecordTypes.PLAN,
            Set.of(plan));
    final Viewer member = new Viewer(new Caller("u", "u", city, Set.of("member")), false, Set.of(forum), Set.of());
    /** An enforcement body seated in the forum, from which the association is hidden. */
    final Viewer police = new Viewer(
            new Caller("p", "p", UUID.randomUUID(), Set.of("member")), true, Set.of(forum), Set.of(association));

    /** The records the flags name, as the projection knows them now. */
    List<RecordScope> scope(UUID id) {
        if (id.equals(action)) {
            return List.of(RecordScope.of(city, DataClassification.FORUM, List.of(forum)));
        }
        if (id.equals(associationAction)) {
            return List.of(RecordScope.of(association, DataClassification.FORUM, List.of(forum)));
        }
        if (id.equals(restrictedNeed)) {
            return List.of(RecordScope.of(city, DataClassification.RESTRICTED, List.of(forum)));
        }
        return List.of();
    }

    ProjectedEvent event(String topic, String type, UUID subject, UUID key, int second) {
        return event(topic, type, subject, key, second, city, DataClassification.FORUM, new byte[0]);
    }

    ProjectedEvent event(
            String topic,
            String type,
            UUID subject,
            UUID key,
            int second,
            UUID owner,
            DataClassification classification,
            byte[] payload) {
        return new ProjectedEvent(
                UUID.randomUUID().toString(),
                type,
                subject.toString(),
                key.toString(),
                owner,
                classification,
                T.plusSeconds(second),
                topic,
                0,
                second,
                payload);
    }

    ProjectedEvent flagRaised(UUID flag, int second, DataClassification classification, UUID... records) {
        CoherenceFlag f = new CoherenceFlag(
                flag,
                1,
                forum,
                CoherenceCheckCode.ACTION_WITHOUT_FUNDING,
                List.of(records),
                "Action 'x' has no committed funding.",
                FlagStatus.OPEN,
                null);
        return event(
                FLAGS,
                "org.arrival.forum.CoherenceFlagRaised.v1",
                flag,
                forum,
                second,
                convenor,
                classification,
                EventJson.write(new CoherenceFlagRaised(f, null)));
    }

    ProjectedEvent seated(UUID membership, UUID organisation, int second) {
        Membership m = new Membership(
                membership,
                1,
                forum,
                organisation,
                SeatType.MEMBER,
                LocalDate.of(2025, 1, 1),
                null,
                MembershipStatus.ACTIVE);
        return event(
                FORUMS,
                "org.arrival.registry.MembershipGranted.v1",
                membership,
                forum,
                second,
                convenor,
                DataClassification.PUBLIC,
                EventJson.write(new MembershipGranted(m, new Actor("a", convenor))));
    }

    @Test
    void eventsAboutRecordsTheViewerSeesInTheForumAreChangesInTimeOrder() {
        UUID milestone = UUID.randomUUID();
        UUID flag = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        List<Change> changes = ChangesSince.of(
                List.of(
                        event("arrival.action-plans.plans.v1", "org.arrival.actionplans.PlanUpdated.v1", plan, plan, 5),
                        event(ACTIONS, "org.arrival.actionplans.MilestoneRecorded.v1", milestone, action, 1),
                        event(
                                "arrival.assessments.inputs.v1",
                                "org.arrival.assessments.InputContributed.v1",
                                input,
                                need,
                                3),
                        event("arrival.assessments.needs.v1", "org.arrival.assessments.NeedUpdated.v1", need, need, 2),
                        flagRaised(flag, 4, DataClassification.FORUM, action),
                        seated(membership, city, 6)),
                forum,
                visible,
                member,
                this::scope);
        assertThat(changes)
                .extracting(Change::recordType)
                .containsExactly("ACTION", "NEED", "INPUT", "FLAG", "PLAN", "MEMBERSHIP");
        assertThat(changes).extracting(Change::recordId).containsExactly(action, need, input, flag, plan, membership);
        assertThat(changes.get(0).actionId()).isEqualTo(action);
        assertThat(changes.get(1).actionId()).isNull();
    }

    @Test
    void eventsAboutOtherRecordsOrOtherForumsAreLeftOut() {
        UUID other = UUID.randomUUID();
        List<Change> changes = ChangesSince.of(
                List.of(
                        event(ACTIONS, "org.arrival.actionplans.ProgressReported.v1", UUID.randomUUID(), other, 1),
                        event(
                                "arrival.assessments.needs.v1",
                                "org.arrival.assessments.NeedIdentified.v1",
                                other,
                                other,
                                2),
                        // an input about a visible need is not visible for that alone
                        event(
                                "arrival.assessments.inputs.v1",
                                "org.arrival.assessments.InputContributed.v1",
                                other,
                                need,
                                3),
                        event(FLAGS, "org.arrival.forum.CoherenceFlagRaised.v1", other, other, 4),
                        event(FORUMS, "org.arrival.registry.ForumUpdated.v1", other, other, 5),
                        event(
                                "arrival.registry.stakeholders.v1",
                                "org.arrival.registry.StakeholderUpdated.v1",
                                action,
                                action,
                                6)),
                forum,
                visible,
                member,
                this::scope);
        assertThat(changes).isEmpty();
    }

    @Test
    void anEnforcementBodyIsToldOfNoFlagNamingAHiddenOrganisationsOrARestrictedRecord() {
        UUID plain = UUID.randomUUID();
        UUID hiddens = UUID.randomUUID();
        UUID restricted = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID classified = UUID.randomUUID();
        List<ProjectedEvent> events = List.of(
                flagRaised(plain, 1, DataClassification.FORUM, action),
                // the overlap of a visible action with the association's
                flagRaised(hiddens, 2, DataClassification.FORUM, action, associationAction),
                flagRaised(restricted, 3, DataClassification.FORUM, restrictedNeed),
                flagRaised(unknown, 4, DataClassification.FORUM, UUID.randomUUID()),
                // the event itself says it is restricted
                flagRaised(classified, 5, DataClassification.RESTRICTED, action));
        assertThat(ChangesSince.of(events, forum, visible, police, this::scope))
                .extracting(Change::recordId)
                .containsExactly(plain);
        assertThat(ChangesSince.of(events, forum, visible, member, this::scope))
                .extracting(Change::recordId)
                .containsExactly(plain, hiddens, restricted, classified);
        assertThat(ChangesSince.flaggedRecords(events, forum)).contains(action, associationAction, restrictedNeed);
    }

    @Test
    void anEnforcementBodyIsToldOfNoChangeMadeWhileTheRecordWasRestrictedOrOfAHiddenOrganisation() {
        UUID whileRestricted = UUID.randomUUID();
        UUID afterwards = UUID.randomUUID();
        UUID associations = UUID.randomUUID();
        UUID hiddenSeat = UUID.randomUUID();
        UUID citySeat = UUID.randomUUID();
        List<ProjectedEvent> events = List.of(
                event(
                        ACTIONS,
                        "org.arrival.actionplans.ActionUpdated.v1",
                        whileRestricted,
                        action,
                        1,
                        city,
                        DataClassification.RESTRICTED,
                        new byte[0]),
                event(
                        ACTIONS,
                        "org.arrival.actionplans.ActionUpdated.v1",
                        afterwards,
                        action,
                        2,
                        city,
                        DataClassification.FORUM,
                        new byte[0]),
                event(
                        ACTIONS,
                        "org.arrival.actionplans.MilestoneRecorded.v1",
                        associations,
                        associationAction,
                        3,
                        association,
                        DataClassification.FORUM,
                        new byte[0]),
                seated(hiddenSeat, association, 4),
                seated(citySeat, city, 5));
        assertThat(ChangesSince.of(events, forum, visible, police, this::scope))
                .extracting(Change::eventId)
                .containsExactly(events.get(1).id(), events.get(4).id());
        assertThat(ChangesSince.of(events, forum, visible, member, this::scope)).hasSize(5);
    }
}
