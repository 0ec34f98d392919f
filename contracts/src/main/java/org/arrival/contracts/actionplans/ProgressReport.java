package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How far an action got in a reporting period. */
public record ProgressReport(
        UUID reportId,
        UUID actionId,
        LocalDate periodStart,
        LocalDate periodEnd,
        ActionStatus actionStatus,
        int percentComplete,
        Rag rag,
        @Nullable String narrative,
        @Nullable List<IndicatorValue> indicators) {}
