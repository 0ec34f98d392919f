package org.arrival.registry.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.contracts.registry.DecisionMethod;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.contracts.registry.ReferencedRecordKind;
import org.arrival.contracts.registry.VoteCount;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final UUID PARENT = UUID.randomUUID();

    private static Meeting held() {
        return Meeting.schedule(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        MeetingDetails.of("Meeting", DAY, null, null, null),
                        List.of())
                .moveTo(MeetingStatus.HELD, null);
    }

    private static Decision take(
            Meeting m,
            DecisionType type,
            DecisionMethod method,
            VoteCount votes,
            List<RecordReference> concerns,
            int assignments,
            UUID parent) {
        return Decision.take(
                UUID.randomUUID(), m, "Escorts", type, method, votes, List.of(), concerns, assignments, parent);
    }

    @Test
    void aDecisionIsTakenAtAHeldMeetingOnItsDate() {
        Meeting scheduled = held().moveTo(MeetingStatus.MINUTES_APPROVED, null);
        assertThatThrownBy(() -> take(
                        scheduled, DecisionType.ADOPT_POSITION, DecisionMethod.CONSENSUS, null, List.of(), 0, null))
                .isInstanceOf(RuleViolation.class);
        Decision d = take(held(), DecisionType.ADOPT_POSITION, DecisionMethod.CONSENSUS, null, List.of(), 0, PARENT);
        assertThat(d.decidedOn()).isEqualTo(DAY);
        assertThat(d.escalatedToForumId()).isNull();
    }

    @Test
    void theRulesOfEachTypeAndMethodNameTheirField() {
        Meeting m = held();
        assertThatThrownBy(() -> take(m, DecisionType.ADOPT_POSITION, DecisionMethod.VOTE, null, List.of(), 0, null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("votes");
        assertThatThrownBy(() -> take(
                        m,
                        DecisionType.ADOPT_POSITION,
                        DecisionMethod.CONSENSUS,
                        new VoteCount(1, 0, 0),
                        List.of(),
                        0,
                        null))
                .hasMessageStartingWith("votes");
        assertThatThrownBy(() -> take(
                        m,
                        DecisionType.RESOLVE_FLAG,
                        DecisionMethod.CONSENSUS,
                        null,
                        List.of(new RecordReference(ReferencedRecordKind.NEED, UUID.randomUUID())),
                        0,
                        null))
                .hasMessageStartingWith("concerns");
        assertThatThrownBy(
                        () -> take(m, DecisionType.ASSIGN_ACTION, DecisionMethod.CONSENSUS, null, List.of(), 0, null))
                .hasMessageStartingWith("assignments");
        assertThatThrownBy(() -> take(m, DecisionType.ESCALATE, DecisionMethod.CONSENSUS, null, List.of(), 0, null))
                .hasMessageStartingWith("type");
        Decision escalation = take(m, DecisionType.ESCALATE, DecisionMethod.CHAIR_DECISION, null, List.of(), 0, PARENT);
        assertThat(escalation.escalatedToForumId()).isEqualTo(PARENT);
        AgendaProposal proposal = AgendaProposal.escalating(UUID.randomUUID(), escalation);
        assertThat(proposal.forumId()).isEqualTo(PARENT);
        assertThat(proposal.fromForumId()).isEqualTo(m.forumId());
    }

    @Test
    void anAssignmentIsDueNoEarlierThanTheMeetingAndAnsweredOnce() {
        Decision d = take(held(), DecisionType.ASSIGN_ACTION, DecisionMethod.CONSENSUS, null, List.of(), 1, null);
        assertThatThrownBy(
                        () -> Assignment.make(UUID.randomUUID(), d, 0, UUID.randomUUID(), "Escorts", DAY.minusDays(1)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("assignments[0].dueOn");
        Assignment a = Assignment.make(UUID.randomUUID(), d, 0, UUID.randomUUID(), "Escorts", DAY);
        assertThat(a.overdueOn(DAY)).isFalse();
        assertThat(a.overdueOn(DAY.plusDays(2))).isTrue();
        assertThat(a.daysOverdue(DAY.plusDays(2))).isEqualTo(2);
        assertThatThrownBy(() -> a.decline(" ")).hasMessageStartingWith("reason");
        Assignment accepted = a.accept(UUID.randomUUID());
        assertThat(accepted.status()).isEqualTo(AssignmentStatus.ACCEPTED);
        assertThat(accepted.overdueOn(DAY.plusDays(2))).isFalse();
        assertThatThrownBy(() -> accepted.decline("no")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> a.decline("no").accept(UUID.randomUUID())).isInstanceOf(RuleViolation.class);
    }
}
