package org.arrival.contracts.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A decision a forum recorded at a held meeting. Decisions are not edited: a later decision may point at an earlier one.
 *
 * @param decidedOn the meeting's date
 * @param votes the counts, when the decision was taken by a vote
 * @param concerns the records the decision is about; for {@link DecisionType#RESOLVE_FLAG} the flags it resolves
 * @param escalatedToForumId the parent forum an escalation was sent to
 */
public record Decision(
        UUID decisionId,
        long version,
        UUID forumId,
        UUID meetingId,
        LocalDate decidedOn,
        String text,
        DecisionType type,
        DecisionMethod method,
        @Nullable VoteCount votes,
        List<Dissent> dissent,
        List<RecordReference> concerns,
        @Nullable UUID escalatedToForumId) {}
