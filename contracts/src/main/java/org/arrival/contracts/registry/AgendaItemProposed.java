package org.arrival.contracts.registry;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Actor;

/**
 * A nested forum escalated a decision: the parent forum gets an agenda item proposal to take up at a meeting.
 *
 * @param forumId the parent forum the proposal is for
 * @param fromForumId the forum that escalated
 * @param decisionId the escalation decision
 */
public record AgendaItemProposed(
        UUID proposalId,
        UUID forumId,
        UUID fromForumId,
        UUID decisionId,
        String title,
        List<RecordReference> records,
        Actor actor) {}
