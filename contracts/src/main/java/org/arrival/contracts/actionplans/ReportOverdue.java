package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.UUID;

/** A progress report due on {@code dueOn} has not arrived. */
public record ReportOverdue(
        UUID actionId, UUID ownerId, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn, int daysOverdue) {}
