package org.arrival.registry.meetings.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.registry.meetings.application.Reads.ProposalRead;
import org.jspecify.annotations.Nullable;

/** An item a nested forum proposed for this forum's agenda, and the meeting that took it up. */
public record AgendaProposalView(
        UUID proposalId,
        UUID fromForumId,
        String fromForumName,
        UUID decisionId,
        String title,
        List<RecordReference> records,
        LocalDate proposedOn,
        @Nullable UUID takenUpByMeetingId) {

    public static AgendaProposalView of(ProposalRead read) {
        var p = read.proposal().proposal();
        return new AgendaProposalView(
                p.id(),
                p.fromForumId(),
                read.proposal().fromForumName(),
                p.decisionId(),
                p.title(),
                p.records(),
                p.proposedOn(),
                read.takenUpByMeetingId());
    }
}
