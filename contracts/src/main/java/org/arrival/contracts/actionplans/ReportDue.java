package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.UUID;

/** A progress report for the period ending {@code periodEnd} is due on {@code dueOn}. */
public record ReportDue(UUID actionId, UUID ownerId, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn) {}
