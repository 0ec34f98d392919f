package org.arrival.registry.meetings.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.DecisionMethod;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.contracts.registry.VoteCount;
import org.arrival.registry.meetings.application.Reads.DecisionRead;
import org.jspecify.annotations.Nullable;

/** A decision as the API shows it, with its assignments. */
public record DecisionView(
        UUID decisionId,
        long version,
        UUID forumId,
        UUID meetingId,
        LocalDate decidedOn,
        String text,
        DecisionType type,
        DecisionMethod method,
        @Nullable VoteCount votes,
        List<DissentView> dissent,
        List<RecordReference> concerns,
        @Nullable UUID escalatedToForumId,
        List<AssignmentView> assignments) {

    public record DissentView(UUID stakeholderId, @Nullable String name, String reason) {}

    public static DecisionView of(DecisionRead read) {
        var d = read.decision();
        return new DecisionView(
                d.id(),
                d.version(),
                d.forumId(),
                d.meetingId(),
                d.decidedOn(),
                d.text(),
                d.type(),
                d.method(),
                d.votes(),
                d.dissent().stream()
                        .map(x ->
                                new DissentView(x.stakeholderId(), read.names().get(x.stakeholderId()), x.reason()))
                        .toList(),
                d.concerns(),
                d.escalatedToForumId(),
                read.assignments().stream().map(AssignmentView::of).toList());
    }
}
