package org.arrival.registry.meetings.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.RecordReference;

/** An item a nested forum escalated to its parent forum's agenda, for a meeting of the parent to take up. */
public record AgendaProposal(
        UUID id,
        UUID forumId,
        UUID fromForumId,
        UUID decisionId,
        String title,
        List<RecordReference> records,
        LocalDate proposedOn) {

    public AgendaProposal {
        records = List.copyOf(records);
    }

    public static AgendaProposal escalating(UUID id, Decision decision) {
        if (decision.escalatedToForumId() == null) {
            throw new IllegalArgumentException("not an escalation: " + decision.id());
        }
        return new AgendaProposal(
                id,
                decision.escalatedToForumId(),
                decision.forumId(),
                decision.id(),
                decision.text(),
                decision.concerns(),
                decision.decidedOn());
    }
}
