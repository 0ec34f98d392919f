package org.arrival.forum.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arrival.contracts.DataClassification;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.views.ChangesSince.Change;
import org.junit.jupiter.api.Test;

class ChangesSinceTest {

    static final Instant T = Instant.parse("2025-07-01T10:00:00Z");
    final UUID forum = UUID.randomUUID();
    final UUID action = UUID.randomUUID();
    final UUID need = UUID.randomUUID();
    final UUID input = UUID.randomUUID();
    final UUID plan = UUID.randomUUID();

    final Map<String, Set<UUID>> visible = Map.of(RecordTypes.ACTION, Set.of(action), RecordTypes.NEED, Set.of(need),
            RecordTypes.INPUT, Set.of(input), RecordTypes.PLAN, Set.of(plan));

    static ProjectedEvent event(String topic, String type, UUID subject, UUID key, int second) {
        return new ProjectedEvent(UUID.randomUUID().toString(), type, subject.toString(), key.toString(),
                UUID.randomUUID(), DataClassification.FORUM, T.plusSeconds(second), topic, 0, second, new byte[0]);
    }

    @Test
    void eventsAboutRecordsTheViewerSeesInTheForumAreChangesInTimeOrder() {
        UUID milestone = UUID.randomUUID();
        UUID flag = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        List<Change> changes = ChangesSince.of(List.of(
                event("arrival.action-plans.plans.v1", "org.arrival.actionplans.PlanUpdated.v1", plan, plan, 5),
                event("arrival.action-plans.actions.v1", "org.arrival.actionplans.MilestoneRecorded.v1", milestone,
                        action, 1),
                event("arrival.assessments.inputs.v1", "org.arrival.assessments.InputContributed.v1", input, need, 3),
                event("arrival.assessments.needs.v1", "org.arrival.assessments.NeedUpdated.v1", need, need, 2),
                event("arrival.forum.flags.v1", "org.arrival.forum.CoherenceFlagRaised.v1", flag, forum, 4),
                event("arrival.registry.forums.v1", "org.arrival.registry.MembershipGranted.v1", membership, forum,
                        6)),
                forum, visible);
        assertThat(changes).extracting(Change::recordType).containsExactly("ACTION", "NEED", "INPUT", "FLAG", "PLAN",
                "MEMBERSHIP");
        assertThat(changes).extracting(Change::recordId).containsExactly(action, need, input, flag, plan,
                membership);
        assertThat(changes.get(0).actionId()).isEqualTo(action);
        assertThat(changes.get(1).actionId()).isNull();
    }

    @Test
    void eventsAboutOtherRecordsOrOtherForumsAreLeftOut() {
        UUID other = UUID.randomUUID();
        List<Change> changes = ChangesSince.of(List.of(
                event("arrival.action-plans.actions.v1", "org.arrival.actionplans.ProgressReported.v1",
                        UUID.randomUUID(), other, 1),
                event("arrival.assessments.needs.v1", "org.arrival.assessments.NeedIdentified.v1", other, other, 2),
                // an input about a visible need is not visible for that alone
                event("arrival.assessments.inputs.v1", "org.arrival.assessments.InputContributed.v1", other, need, 3),
                event("arrival.forum.flags.v1", "org.arrival.forum.CoherenceFlagRaised.v1", other, other, 4),
                event("arrival.registry.forums.v1", "org.arrival.registry.ForumUpdated.v1", other, other, 5),
                event("arrival.registry.stakeholders.v1", "org.arrival.registry.StakeholderUpdated.v1", action, action,
                        6)),
                forum, visible);
        assertThat(changes).isEmpty();
    }
}
