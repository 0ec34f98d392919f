package org.arrival.actionplans.actions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class ActionTest {

    static ActionDetails details(
            LocalDate start, LocalDate end, UUID parent, Integer weight, boolean local, List<UUID> expected) {
        return new ActionDetails(
                null,
                " Fee waiver ",
                null,
                ActionKind.PROGRAMME,
                null,
                List.of(Sector.EDUCATION),
                null,
                null,
                start,
                end,
                ReportingCadence.QUARTERLY,
                null,
                parent,
                local,
                expected,
                weight,
                null,
                null,
                null,
                null,
                null);
    }

    static Action proposed() {
        return Action.propose(UUID.randomUUID(), UUID.randomUUID(), details(null, null, null, null, false, null));
    }

    @Test
    void walksTheLifecycleOneStepAtATimeWithOnHoldBackAndForth() {
        Action a = proposed()
                .moveTo(ActionStatus.COMMITTED, null)
                .moveTo(ActionStatus.IN_PROGRESS, null)
                .moveTo(ActionStatus.ON_HOLD, "rains")
                .moveTo(ActionStatus.IN_PROGRESS, null)
                .moveTo(ActionStatus.COMPLETED, null)
                .moveTo(ActionStatus.EVALUATED, null);
        assertThat(a.status()).isEqualTo(ActionStatus.EVALUATED);
        assertThat(a.version()).isEqualTo(7);
        assertThat(a.open()).isFalse();
        assertThatThrownBy(() -> a.revise(a.details())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void refusesStepsOutOfOrder() {
        assertThatThrownBy(() -> proposed().moveTo(ActionStatus.IN_PROGRESS, null))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> proposed().moveTo(ActionStatus.COMPLETED, null))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> proposed().moveTo(ActionStatus.PROPOSED, null)).isInstanceOf(RuleViolation.class);
        Action done = proposed()
                .moveTo(ActionStatus.COMMITTED, null)
                .moveTo(ActionStatus.IN_PROGRESS, null)
                .moveTo(ActionStatus.COMPLETED, null);
        assertThatThrownBy(() -> done.moveTo(ActionStatus.CANCELLED, "too late"))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> done.moveTo(ActionStatus.ON_HOLD, null)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void cancellingNeedsAReasonAndIsFinal() {
        assertThatThrownBy(() -> proposed().moveTo(ActionStatus.CANCELLED, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> proposed().moveTo(ActionStatus.CANCELLED, "  "))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> proposed().moveTo(ActionStatus.COMMITTED, "r".repeat(2001)))
                .isInstanceOf(InvalidInput.class);
        for (ActionStatus from : List.of(
                ActionStatus.PROPOSED, ActionStatus.COMMITTED, ActionStatus.IN_PROGRESS, ActionStatus.ON_HOLD)) {
            assertThat(Action.allowed(from, ActionStatus.CANCELLED))
                    .as(from.name())
                    .isTrue();
        }
        Action cancelled = proposed().moveTo(ActionStatus.CANCELLED, "funding withdrawn");
        assertThatThrownBy(() -> cancelled.moveTo(ActionStatus.COMMITTED, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> cancelled.revise(cancelled.details())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void datesMustBeInOrderAndCascadeFieldsMustFit() {
        LocalDate d = LocalDate.of(2026, 6, 1);
        assertThat(details(d, d, null, null, false, null).validated().title()).isEqualTo("Fee waiver");
        assertThatThrownBy(() ->
                        details(d, d.minusDays(1), null, null, false, null).validated())
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("endDate");
        assertThat(details(null, null, UUID.randomUUID(), null, false, null).weight())
                .isEqualTo(1);
        assertThatThrownBy(() -> details(null, null, null, 5, false, null).validated())
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("weight");
        assertThatThrownBy(() ->
                        details(null, null, UUID.randomUUID(), 101, false, null).validated())
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("weight");
        assertThatThrownBy(() -> details(null, null, null, null, false, List.of(UUID.randomUUID()))
                        .validated())
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("expectedImplementers");
    }

    @Test
    void changedFieldsNameWhatDiffersIgnoringOrderOfLists() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        ActionDetails one = details(null, null, null, null, true, List.of(a, b));
        ActionDetails two = details(null, null, null, null, true, List.of(b, a));
        assertThat(one.changesTo(two)).isEmpty();
        ActionDetails three = details(LocalDate.of(2026, 1, 1), null, null, null, true, List.of(a));
        assertThat(one.changesTo(three)).containsExactly("startDate", "expectedImplementers");
        assertThat(ActionDetails.added(List.of(a), List.of(a, b))).containsExactly(b);
    }
}
