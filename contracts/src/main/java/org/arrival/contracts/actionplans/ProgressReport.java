package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** How far an action got in a reporting period. */
public record ProgressReport(
        UUID reportId,
        UUID actionId,
        LocalDate periodStart,
        LocalDate periodEnd,
        ActionStatus actionStatus,
        int percentComplete,
        Rag rag,
        String narrative,
        List<IndicatorValue> indicators) {
}
