package org.arrival.actionplans.freshness.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.freshness.domain.ReportingSchedule.Period;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.junit.jupiter.api.Test;

class ReportingScheduleTest {

    private static ActionState action(ReportingCadence cadence, LocalDate start, LocalDate end) {
        return new ActionState(
                UUID.randomUUID(),
                1,
                UUID.randomUUID(),
                ActionStatus.IN_PROGRESS,
                cadence,
                start,
                end,
                LocalDate.of(2023, 11, 5),
                DataClassification.FORUM,
                List.of());
    }

    private static ReportingSchedule schedule(ReportingCadence cadence, LocalDate start, LocalDate end) {
        return ReportingSchedule.of(action(cadence, start, end), 15).orElseThrow();
    }

    @Test
    void periodsStepByTheCadenceFromTheStartAndReportsAreDueAfterTheGraceDays() {
        ReportingSchedule q = schedule(ReportingCadence.QUARTERLY, LocalDate.of(2024, 1, 31), null);
        assertThat(q.period(0))
                .contains(new Period(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 4, 29), LocalDate.of(2024, 5, 14)));
        assertThat(q.period(1).orElseThrow().start()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(q.period(3).orElseThrow().start()).isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(ReportingSchedule.months(ReportingCadence.MONTHLY)).isEqualTo(1);
        assertThat(ReportingSchedule.months(ReportingCadence.SEMI_ANNUAL)).isEqualTo(6);
        assertThat(ReportingSchedule.months(ReportingCadence.ANNUAL)).isEqualTo(12);
    }

    @Test
    void theLatestEndedPeriodIsTheOneWhoseLastDayIsTodayOrEarlier() {
        ReportingSchedule m = schedule(ReportingCadence.MONTHLY, LocalDate.of(2024, 1, 1), null);
        assertThat(m.latestEnded(LocalDate.of(2024, 1, 30))).isEmpty();
        assertThat(m.latestEnded(LocalDate.of(2024, 1, 31)).orElseThrow().end()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(m.latestEnded(LocalDate.of(2024, 3, 15)).orElseThrow().end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(m.current(LocalDate.of(2024, 3, 15)).orElseThrow().end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(m.current(LocalDate.of(2023, 6, 1)).orElseThrow().start()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void theLastPeriodIsCutAtTheEndDateAndNothingFollowsIt() {
        ReportingSchedule s =
                schedule(ReportingCadence.SEMI_ANNUAL, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 9, 30));
        assertThat(s.period(1))
                .contains(new Period(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 15)));
        assertThat(s.period(2)).isEmpty();
        assertThat(s.latestEnded(LocalDate.of(2030, 1, 1)).orElseThrow().end()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(s.current(LocalDate.of(2030, 1, 1))).isEmpty();
    }

    @Test
    void withoutAStartDatePeriodsStartTheDayTheActionWasRecordedAndWithoutACadenceThereAreNone() {
        ReportingSchedule s = ReportingSchedule.of(action(ReportingCadence.ANNUAL, null, null), 15)
                .orElseThrow();
        assertThat(s.period(0).orElseThrow().start()).isEqualTo(LocalDate.of(2023, 11, 5));
        assertThat(ReportingSchedule.of(action(null, LocalDate.of(2024, 1, 1), null), 15))
                .isEmpty();
    }

    @Test
    void daysOverdueCountWholeDaysAfterTheDueDate() {
        Period p = new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 15));
        assertThat(p.daysOverdue(LocalDate.of(2024, 4, 15))).isZero();
        assertThat(p.daysOverdue(LocalDate.of(2024, 4, 16))).isEqualTo(1);
        assertThat(p.daysOverdue(LocalDate.of(2024, 5, 15))).isEqualTo(30);
    }
}
