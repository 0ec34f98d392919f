package org.arrival.actionplans.milestones.domain;

import static org.arrival.contracts.actionplans.MilestoneStatus.CANCELLED;
import static org.arrival.contracts.actionplans.MilestoneStatus.MISSED;
import static org.arrival.contracts.actionplans.MilestoneStatus.PLANNED;
import static org.arrival.contracts.actionplans.MilestoneStatus.REACHED;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A dated step of an action. It is scheduled PLANNED, due within the action's dates; it is REACHED (on a date not
 * in the future), MISSED or CANCELLED. A missed milestone may still be reached or cancelled; reached and cancelled
 * are final. Only a PLANNED milestone is rescheduled, and nothing is scheduled or moved on a closed action.
 * <p>
 * A PLANNED milestone whose due date has passed is <em>late</em>: derived from the date it is read on, never stored,
 * so it is late from the first minute of the day after its due date, wherever it is read.
 */
public record Milestone(
        UUID id,
        long version,
        UUID actionId,
        String title,
        LocalDate dueOn,
        @Nullable LocalDate reachedOn,
        MilestoneStatus status) {

    public static final int MAX_TITLE = 300;

    /** PLANNED and due before {@code today}: not reached although its day has passed. */
    public boolean late(LocalDate today) {
        return status == PLANNED && dueOn.isBefore(today);
    }

    /** How many days past its due date a late milestone is (0 when it is not late). */
    public long daysLate(LocalDate today) {
        return late(today) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }

    public static Milestone schedule(UUID id, ActionState action, String title, LocalDate dueOn) {
        requireOpen(action);
        return new Milestone(id, 1, action.id(), validTitle(title), validDue(action, dueOn), null, PLANNED);
    }

    public Milestone reschedule(ActionState action, String title, LocalDate dueOn) {
        requireOpen(action);
        if (status != PLANNED) {
            throw new RuleViolation("A " + status + " milestone is no longer rescheduled");
        }
        return new Milestone(id, version + 1, actionId, validTitle(title), validDue(action, dueOn), null, status);
    }

    public Milestone reach(ActionState action, @Nullable LocalDate on, LocalDate today) {
        requireOpen(action);
        if (on == null) {
            throw InvalidInput.field("reachedOn", "is required");
        }
        if (on.isAfter(today)) {
            throw InvalidInput.field("reachedOn", "must not be in the future");
        }
        requireFrom(REACHED, PLANNED, MISSED);
        return new Milestone(id, version + 1, actionId, title, dueOn, on, REACHED);
    }

    public Milestone miss(ActionState action) {
        requireOpen(action);
        requireFrom(MISSED, PLANNED);
        return new Milestone(id, version + 1, actionId, title, dueOn, null, MISSED);
    }

    public Milestone cancel(ActionState action) {
        requireOpen(action);
        requireFrom(CANCELLED, PLANNED, MISSED);
        return new Milestone(id, version + 1, actionId, title, dueOn, null, CANCELLED);
    }

    private void requireFrom(MilestoneStatus target, MilestoneStatus... from) {
        for (MilestoneStatus s : from) {
            if (s == status) {
                return;
            }
        }
        throw new RuleViolation("A " + status + " milestone cannot become " + target);
    }

    private static void requireOpen(ActionState action) {
        if (action.closed()) {
            throw new RuleViolation("The action is " + action.status() + "; its milestones are no longer changed");
        }
    }

    private static String validTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw InvalidInput.field("title", "must not be blank");
        }
        if (t.length() > MAX_TITLE) {
            throw InvalidInput.field("title", "must be at most " + MAX_TITLE + " characters");
        }
        return t;
    }

    private static LocalDate validDue(ActionState action, LocalDate dueOn) {
        if (dueOn == null) {
            throw InvalidInput.field("dueOn", "is required");
        }
        action.requireWithinDates("dueOn", dueOn);
        return dueOn;
    }
}
