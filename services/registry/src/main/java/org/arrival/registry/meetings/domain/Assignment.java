package org.arrival.registry.meetings.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.arrival.registry.shared.Text;
import org.jspecify.annotations.Nullable;

/**
 * Work a decision gave a member organisation, to accept (linking one of its own actions) or decline (with a reason)
 * by its due date.
 */
public record Assignment(
        UUID id,
        long version,
        UUID forumId,
        UUID decisionId,
        UUID assigneeId,
        String expected,
        LocalDate dueOn,
        AssignmentStatus status,
        @Nullable UUID actionId,
        @Nullable String declineReason) {

    /** The assignment at {@code index} of the decision's list; due no earlier than the meeting. */
    public static Assignment make(
            UUID id, Decision decision, int index, UUID assigneeId, @Nullable String expected, LocalDate dueOn) {
        String field = "assignments[" + index + "]";
        String what = Text.required(expected, field + ".expected");
        if (dueOn.isBefore(decision.decidedOn())) {
            throw InvalidInput.field(field + ".dueOn", "must not be before the meeting's date " + decision.decidedOn());
        }
        return new Assignment(
                id, 1, decision.forumId(), decision.id(), assigneeId, what, dueOn, AssignmentStatus.OPEN, null, null);
    }

    public Assignment accept(UUID action) {
        requireOpen("accepted");
        return new Assignment(
                id,
                version + 1,
                forumId,
                decisionId,
                assigneeId,
                expected,
                dueOn,
                AssignmentStatus.ACCEPTED,
                action,
                null);
    }

    public Assignment decline(@Nullable String reason) {
        String why = Text.required(reason, "reason");
        requireOpen("declined");
        return new Assignment(
                id,
                version + 1,
                forumId,
                decisionId,
                assigneeId,
                expected,
                dueOn,
                AssignmentStatus.DECLINED,
                null,
                why);
    }

    /** Still open after its due date, as of {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status == AssignmentStatus.OPEN && dueOn.isBefore(today);
    }

    public int daysOverdue(LocalDate today) {
        return (int) ChronoUnit.DAYS.between(dueOn, today);
    }

    private void requireOpen(String verb) {
        if (status != AssignmentStatus.OPEN) {
            throw new RuleViolation("An assignment that is " + status + " cannot be " + verb);
        }
    }

    public org.arrival.contracts.registry.Assignment toContract() {
        return new org.arrival.contracts.registry.Assignment(
                id, version, forumId, decisionId, assigneeId, expected, dueOn, status, actionId, declineReason);
    }

    public static Assignment of(org.arrival.contracts.registry.Assignment a) {
        return new Assignment(
                a.assignmentId(),
                a.version(),
                a.forumId(),
                a.decisionId(),
                a.assigneeId(),
                a.expected(),
                a.dueOn(),
                a.status(),
                a.actionId(),
                a.declineReason());
    }
}
