package org.arrival.actionplans.actions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.actions.domain.Cascade.Child;
import org.arrival.contracts.actionplans.ActionStatus;
import org.junit.jupiter.api.Test;

class CascadeTest {

    private static Child child(UUID owner, ActionStatus status, int weight, Integer percent) {
        return new Child(UUID.randomUUID(), owner, "local action", status, weight, percent);
    }

    @Test
    void rollsUpLatestPercentsByWeightCountingNoReportAsZeroAndLeavingOutCancelledChildren() {
        UUID kampala = UUID.randomUUID();
        UUID arua = UUID.randomUUID();
        UUID gulu = UUID.randomUUID();
        UUID mbale = UUID.randomUUID();
        // (3 x 80 + 1 x 20 + 2 x 0) / (3 + 1 + 2) = 260 / 6 = 43.3; the cancelled child's 100 % does not count
        Cascade c = Cascade.of(
                List.of(
                        child(kampala, ActionStatus.IN_PROGRESS, 3, 80),
                        child(arua, ActionStatus.COMMITTED, 1, 20),
                        child(gulu, ActionStatus.PROPOSED, 2, null),
                        child(mbale, ActionStatus.CANCELLED, 50, 100)),
                List.of(kampala, arua, gulu, mbale));
        assertThat(c.percentComplete()).isEqualTo(43.3);
        assertThat(c.missingImplementers()).containsExactly(mbale);
    }

    @Test
    void noCountingChildMeansNoRollUpAndEveryExpectedImplementerIsMissing() {
        UUID a = UUID.randomUUID();
        Cascade none = Cascade.of(List.of(), List.of(a));
        assertThat(none.percentComplete()).isNull();
        assertThat(none.missingImplementers()).containsExactly(a);
        Cascade cancelled = Cascade.of(List.of(child(a, ActionStatus.CANCELLED, 1, 50)), List.of(a));
        assertThat(cancelled.percentComplete()).isNull();
        assertThat(cancelled.missingImplementers()).containsExactly(a);
    }

    @Test
    void equalWeightsGiveTheMeanAndAnyNonCancelledActionOfAnImplementerCounts() {
        UUID a = UUID.randomUUID();
        Cascade c = Cascade.of(
                List.of(
                        child(a, ActionStatus.CANCELLED, 1, 0),
                        child(a, ActionStatus.COMPLETED, 1, 100),
                        child(UUID.randomUUID(), ActionStatus.ON_HOLD, 1, 50)),
                List.of(a));
        assertThat(c.percentComplete()).isEqualTo(75.0);
        assertThat(c.missingImplementers()).isEmpty();
    }
}
