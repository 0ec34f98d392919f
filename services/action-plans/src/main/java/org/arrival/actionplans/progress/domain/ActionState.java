package org.arrival.actionplans.progress.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What milestones, reports, funding, contributions and reminders need to know of an action, read from the
 * action's row (never written through this): who owns it, where it stands, its dates and cadence, who may see it.
 * {@code cadence} is null when the action's row names no cadence this service knows.
 */
public record ActionState(
        UUID id,
        long version,
        UUID ownerId,
        ActionStatus status,
        @Nullable ReportingCadence cadence,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        LocalDate createdOn,
        DataClassification classification,
        List<UUID> sharedWithForums) {

    public ActionState {
        sharedWithForums = sharedWithForums == null ? List.of() : List.copyOf(sharedWithForums);
    }

    /** What decides who may read the action and what is recorded about it. */
    public RecordScope scope() {
        return RecordScope.of(ownerId, classification, sharedWithForums);
    }

    /** Cancelled and evaluated actions are closed: their milestones are no longer scheduled or moved. */
    public boolean closed() {
        return status == ActionStatus.CANCELLED || status == ActionStatus.EVALUATED;
    }

    /** Cancelled, completed and evaluated actions have ended: nothing about them is late any more. */
    public boolean ended() {
        return status == ActionStatus.CANCELLED || status == ActionStatus.COMPLETED || status == ActionStatus.EVALUATED;
    }

    /** Progress is reported on actions that were committed to and not cancelled. */
    public boolean acceptsReports() {
        return status != ActionStatus.CANCELLED && status != ActionStatus.PROPOSED;
    }

    /** The freshness check expects reports from actions under way (COMMITTED or IN_PROGRESS) that have a cadence. */
    public boolean expectsReports() {
        return cadence != null && (status == ActionStatus.COMMITTED || status == ActionStatus.IN_PROGRESS);
    }

    /** Where reporting periods start: the action's start date, or the day it was recorded. */
    public LocalDate reportingStart() {
        return startDate != null ? startDate : createdOn;
    }

    /** Refuses a date outside the action's start and end dates (either may be open). */
    public void requireWithinDates(String field, LocalDate date) {
        if (date == null) {
            return;
        }
        if (startDate != null && date.isBefore(startDate)) {
            throw InvalidInput.field(field, "must not be before the action's start date " + startDate);
        }
        if (endDate != null && date.isAfter(endDate)) {
            throw InvalidInput.field(field, "must not be after the action's end date " + endDate);
        }
    }
}
