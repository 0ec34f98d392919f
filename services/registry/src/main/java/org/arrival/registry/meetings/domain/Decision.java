package org.arrival.registry.meetings.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.DecisionMethod;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.contracts.registry.Dissent;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.contracts.registry.ReferencedRecordKind;
import org.arrival.contracts.registry.VoteCount;
import org.arrival.platform.web.InvalidInput;
import org.arrival.registry.shared.Text;
import org.jspecify.annotations.Nullable;

/** What a forum decided at a held meeting, on the meeting's date. Decisions are not edited. */
public record Decision(
        UUID id,
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
        @Nullable UUID escalatedToForumId) {

    public Decision {
        dissent = List.copyOf(dissent);
        concerns = List.copyOf(concerns);
    }

    /**
     * Records a decision at the meeting. {@code assignments} is how many assignments come with it; an escalation goes
     * to {@code parentForumId}, the forum's parent.
     */
    public static Decision take(
            UUID id,
            Meeting meeting,
            @Nullable String text,
            DecisionType type,
            DecisionMethod method,
            @Nullable VoteCount votes,
            List<Dissent> dissent,
            List<RecordReference> concerns,
            int assignments,
            @Nullable UUID parentForumId) {
        meeting.requireHeld();
        String what = Text.required(text, "text");
        if (method == DecisionMethod.VOTE && votes == null) {
            throw InvalidInput.field("votes", "are required when the forum decided by a vote");
        }
        if (method != DecisionMethod.VOTE && votes != null) {
            throw InvalidInput.field("votes", "are given only when the forum decided by a vote");
        }
        if (votes != null && (votes.inFavour() < 0 || votes.against() < 0 || votes.abstaining() < 0)) {
            throw InvalidInput.field("votes", "counts must be 0 or more");
        }
        if (type == DecisionType.RESOLVE_FLAG
                && concerns.stream().noneMatch(r -> r.kind() == ReferencedRecordKind.FLAG)) {
            throw InvalidInput.field("concerns", "a decision resolving flags names at least one FLAG");
        }
        if (type == DecisionType.ASSIGN_ACTION && assignments == 0) {
            throw InvalidInput.field("assignments", "a decision assigning work makes at least one assignment");
        }
        if (type == DecisionType.ESCALATE && parentForumId == null) {
            throw InvalidInput.field("type", "the forum has no parent forum to escalate to");
        }
        return new Decision(
                id,
                1,
                meeting.forumId(),
                meeting.id(),
                meeting.details().date(),
                what,
                type,
                method,
                votes,
                dissent,
                concerns,
                type == DecisionType.ESCALATE ? parentForumId : null);
    }

    public org.arrival.contracts.registry.Decision toContract() {
        return new org.arrival.contracts.registry.Decision(
                id,
                version,
                forumId,
                meetingId,
                decidedOn,
                text,
                type,
                method,
                votes,
                dissent,
                concerns,
                escalatedToForumId);
    }

    public static Decision of(org.arrival.contracts.registry.Decision d) {
        return new Decision(
                d.decisionId(),
                d.version(),
                d.forumId(),
                d.meetingId(),
                d.decidedOn(),
                d.text(),
                d.type(),
                d.method(),
                d.votes(),
                d.dissent(),
                d.concerns(),
                d.escalatedToForumId());
    }
}
