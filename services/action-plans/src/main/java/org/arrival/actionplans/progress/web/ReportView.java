package org.arrival.actionplans.progress.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.progress.persistence.ReportRepository.StoredReport;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.Rag;
import org.jspecify.annotations.Nullable;

/** A published progress report as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(
        UUID id,
        UUID actionId,
        LocalDate periodStart,
        LocalDate periodEnd,
        ActionStatus actionStatus,
        int percentComplete,
        Rag rag,
        @Nullable String narrative,
        List<IndicatorView> indicators,
        Instant reportedAt) {

    /**
     * An indicator's values; for one that counts people, as the caller may see them: exact for the action's owner,
     * otherwise rounded to a multiple of 5 with values from 0 to 4 left out and named in {@code suppressed}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorView(
            String name,
            @Nullable String unit,
            @Nullable Double baseline,
            @Nullable Double target,
            @Nullable Double actual,
            @Nullable List<String> suppressed) {

        static IndicatorView of(IndicatorValue v) {
            return new IndicatorView(v.name(), v.unit(), v.baseline(), v.target(), v.actual(), v.suppressed());
        }
    }

    public static ReportView of(StoredReport s) {
        var r = s.report();
        return new ReportView(
                r.id(),
                r.actionId(),
                r.periodStart(),
                r.periodEnd(),
                r.actionStatus(),
                r.percentComplete(),
                r.rag(),
                r.narrative(),
                r.indicators().stream().map(IndicatorView::of).toList(),
                s.reportedAt());
    }
}
