package org.arrival.actionplans.progress.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.arrival.actionplans.progress.domain.Report;
import org.arrival.contracts.actionplans.Rag;

/** A progress report as its owner sends it; it records the action's status itself. */
public record ReportInput(
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotNull @Min(0) @Max(100) Integer percentComplete,
        @NotNull Rag rag,
        @Size(max = Report.MAX_NARRATIVE) String narrative,
        @Size(max = Report.MAX_INDICATORS) List<@NotNull @Valid IndicatorInput> indicators) {

    public Report.Draft toDraft() {
        return new Report.Draft(
                periodStart,
                periodEnd,
                percentComplete,
                rag,
                narrative,
                indicators == null
                        ? List.of()
                        : indicators.stream().map(IndicatorInput::toValue).toList());
    }
}
