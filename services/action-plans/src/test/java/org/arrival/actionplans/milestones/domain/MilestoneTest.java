package org.arrival.actionplans.milestones.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class MilestoneTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static ActionState action(ActionStatus status, LocalDate start, LocalDate end) {
        return new ActionState(
                UUID.randomUUID(),
                1,
                UUID.randomUUID(),
                status,
                ReportingCadence.QUARTERLY,
                start,
                end,
                TODAY,
                DataClassification.FORUM,
                List.of());
    }

    private static final ActionState OPEN =
            action(ActionStatus.IN_PROGRESS, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    @Test
    void dueDatesLieWithinTheActionsDatesWhenItHasThem() {
        assertThat(Milestone.schedule(UUID.randomUUID(), OPEN, " Waivers agreed ", LocalDate.of(2026, 1, 1))
                        .title())
                .isEqualTo("Waivers agreed");
        Milestone.schedule(UUID.randomUUID(), OPEN, "Last day", LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> Milestone.schedule(UUID.randomUUID(), OPEN, "Early", LocalDate.of(2025, 12, 31)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("start date");
        assertThatThrownBy(() -> Milestone.schedule(UUID.randomUUID(), OPEN, "Late", LocalDate.of(2027, 1, 1)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("end date");
        ActionState openEnded = action(ActionStatus.COMMITTED, LocalDate.of(2026, 1, 1), null);
        Milestone.schedule(UUID.randomUUID(), openEnded, "Far", LocalDate.of(2040, 1, 1));
        assertThatThrownBy(() -> Milestone.schedule(UUID.randomUUID(), OPEN, "t".repeat(301), LocalDate.of(2026, 2, 1)))
                .hasMessageContaining("title");
    }

    @Test
    void aMilestoneIsReachedMissedOrCancelledAndReachedAndCancelledAreFinal() {
        Milestone m = Milestone.schedule(UUID.randomUUID(), OPEN, "Waivers agreed", LocalDate.of(2026, 3, 1));
        Milestone missed = m.miss(OPEN);
        assertThat(missed.status()).isEqualTo(MilestoneStatus.MISSED);
        Milestone reached = missed.reach(OPEN, LocalDate.of(2026, 4, 2), TODAY);
        assertThat(reached.status()).isEqualTo(MilestoneStatus.REACHED);
        assertThat(reached.version()).isEqualTo(3);
        assertThatThrownBy(() -> reached.cancel(OPEN)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> reached.reschedule(OPEN, "Again", LocalDate.of(2026, 5, 1)))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> m.reach(OPEN, TODAY.plusDays(1), TODAY)).isInstanceOf(InvalidInput.class);
        Milestone cancelled = m.cancel(OPEN);
        assertThatThrownBy(() -> cancelled.reach(OPEN, TODAY, TODAY)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void milestonesOfCancelledOrEvaluatedActionsAreNotChanged() {
        Milestone m = Milestone.schedule(UUID.randomUUID(), OPEN, "Waivers agreed", LocalDate.of(2026, 3, 1));
        for (ActionStatus closed : List.of(ActionStatus.CANCELLED, ActionStatus.EVALUATED)) {
            ActionState a = action(closed, null, null);
            assertThatThrownBy(() -> m.miss(a)).isInstanceOf(RuleViolation.class);
            assertThatThrownBy(() -> Milestone.schedule(UUID.randomUUID(), a, "x", TODAY))
                    .isInstanceOf(RuleViolation.class);
        }
    }
}
