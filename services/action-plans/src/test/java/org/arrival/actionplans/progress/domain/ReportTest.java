package org.arrival.actionplans.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

    private static ActionState action(ActionStatus status) {
        return new ActionState(
                UUID.randomUUID(),
                4,
                UUID.randomUUID(),
                status,
                null,
                null,
                null,
                TODAY,
                DataClassification.PUBLIC,
                List.of());
    }

    private static Report.Draft draft(String start, String end, Integer percent, List<IndicatorValue> indicators) {
        return new Report.Draft(
                LocalDate.parse(start), LocalDate.parse(end), percent, Rag.GREEN, "  on track  ", indicators);
    }

    @Test
    void aReportRecordsTheActionsStatusAndTidiesItsText() {
        Report r = Report.publish(
                UUID.randomUUID(),
                action(ActionStatus.ON_HOLD),
                draft(
                        "2026-01-01",
                        "2026-03-31",
                        40,
                        List.of(new IndicatorValue(" Children enrolled ", " ", 1200.0, 3000.0, 1850.0))),
                TODAY);
        assertThat(r.actionStatus()).isEqualTo(ActionStatus.ON_HOLD);
        assertThat(r.narrative()).isEqualTo("on track");
        assertThat(r.indicators().get(0).name()).isEqualTo("Children enrolled");
        assertThat(r.indicators().get(0).unit()).isNull();
        assertThat(Report.publish(
                                UUID.randomUUID(),
                                action(ActionStatus.COMPLETED),
                                draft("2026-05-10", "2026-05-10", 100, null),
                                TODAY)
                        .percentComplete())
                .isEqualTo(100);
    }

    @Test
    void noProgressIsReportedOnACancelledOrProposedAction() {
        assertThatThrownBy(() -> Report.publish(
                        UUID.randomUUID(),
                        action(ActionStatus.CANCELLED),
                        draft("2026-01-01", "2026-03-31", 10, null),
                        TODAY))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("cancelled");
        assertThatThrownBy(() -> Report.publish(
                        UUID.randomUUID(),
                        action(ActionStatus.PROPOSED),
                        draft("2026-01-01", "2026-03-31", 10, null),
                        TODAY))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void percentagesLieBetween0And100AndPeriodsAreInOrderAndPassed() {
        ActionState a = action(ActionStatus.IN_PROGRESS);
        assertThatThrownBy(
                        () -> Report.publish(UUID.randomUUID(), a, draft("2026-01-01", "2026-03-31", 101, null), TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("percentComplete");
        assertThatThrownBy(
                        () -> Report.publish(UUID.randomUUID(), a, draft("2026-01-01", "2026-03-31", -1, null), TODAY))
                .hasMessageContaining("percentComplete");
        assertThatThrownBy(
                        () -> Report.publish(UUID.randomUUID(), a, draft("2026-03-31", "2026-01-01", 1, null), TODAY))
                .hasMessageContaining("periodEnd");
        assertThatThrownBy(
                        () -> Report.publish(UUID.randomUUID(), a, draft("2026-04-01", "2026-05-11", 1, null), TODAY))
                .hasMessageContaining("future");
        assertThat(Report.publish(UUID.randomUUID(), a, draft("2026-01-01", "2026-03-31", 0, null), TODAY)
                        .percentComplete())
                .isZero();
    }

    @Test
    void indicatorsAreNamedOnceHaveAValueAndAreAtMost30() {
        ActionState a = action(ActionStatus.IN_PROGRESS);
        IndicatorValue v = new IndicatorValue("Schools", null, null, null, 3.0);
        assertThatThrownBy(() -> Report.publish(
                        UUID.randomUUID(),
                        a,
                        draft(
                                "2026-01-01",
                                "2026-03-31",
                                1,
                                List.of(v, new IndicatorValue("schools ", null, null, null, 4.0))),
                        TODAY))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Report.publish(
                        UUID.randomUUID(),
                        a,
                        draft(
                                "2026-01-01",
                                "2026-03-31",
                                1,
                                List.of(new IndicatorValue("Schools", null, null, null, null))),
                        TODAY))
                .hasMessageContaining("actual");
        assertThatThrownBy(() -> Report.publish(
                        UUID.randomUUID(), a, draft("2026-01-01", "2026-03-31", 1, Collections.nCopies(31, v)), TODAY))
                .hasMessageContaining("at most 30");
    }
}
