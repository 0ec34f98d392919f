package org.arrival.contracts.registry;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Work a forum's decision assigned to a member organisation. The forum owns the assignment; the action that takes it on
 * stays the assignee's own record.
 *
 * @param expected what the forum expects the assignee to do
 * @param dueOn the date by which the assignee is to accept or decline
 * @param actionId the assignee's action linked when it accepted
 * @param declineReason why the assignee declined
 */
public record Assignment(
        UUID assignmentId,
        long version,
        UUID forumId,
        UUID decisionId,
        UUID assigneeId,
        String expected,
        LocalDate dueOn,
        AssignmentStatus status,
        @Nullable UUID actionId,
        @Nullable String declineReason) {}
