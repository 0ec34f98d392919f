package org.arrival.registry.meetings.web;

import java.time.LocalDate;
import java.util.UUID;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.registry.meetings.persistence.AssignmentRepository.StoredAssignment;
import org.jspecify.annotations.Nullable;

/** An assignment as the API shows it, with its forum, decision and meeting. */
public record AssignmentView(
        UUID assignmentId,
        long version,
        UUID forumId,
        String forumName,
        UUID decisionId,
        String decisionText,
        UUID meetingId,
        String meetingTitle,
        LocalDate decidedOn,
        UUID assigneeId,
        String assigneeName,
        String expected,
        LocalDate dueOn,
        AssignmentStatus status,
        @Nullable UUID actionId,
        @Nullable String declineReason) {

    public static AssignmentView of(StoredAssignment s) {
        var a = s.assignment();
        return new AssignmentView(
                a.id(),
                a.version(),
                a.forumId(),
                s.forumName(),
                a.decisionId(),
                s.decisionText(),
                s.meetingId(),
                s.meetingTitle(),
                s.decidedOn(),
                a.assigneeId(),
                s.assigneeName(),
                a.expected(),
                a.dueOn(),
                a.status(),
                a.actionId(),
                a.declineReason());
    }
}
