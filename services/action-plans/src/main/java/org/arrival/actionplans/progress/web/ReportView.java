package org.arrival.actionplans.progress.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.arrival.actionplans.progress.persistence.ReportRepository.StoredReport;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.Rag;

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
        String narrative,
        List<IndicatorValue> indicators,
        Instant reportedAt) {

    public static ReportView of(StoredReport s) {
        var r = s.report();
        return new ReportView(r.id(), r.actionId(), r.periodStart(), r.periodEnd(), r.actionStatus(),
                r.percentComplete(), r.rag(), r.narrative(), r.indicators(), s.reportedAt());
    }
}
