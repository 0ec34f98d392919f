package org.arrival.registry.meetings.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.DecisionMethod;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.contracts.registry.VoteCount;
import org.arrival.registry.meetings.application.Drafts.AssignmentDraft;
import org.arrival.registry.meetings.application.Drafts.DecisionDraft;
import org.arrival.registry.meetings.application.Drafts.DissentDraft;
import org.arrival.registry.meetings.web.MeetingInput.RecordInput;
import org.jspecify.annotations.Nullable;

/** A decision taken at a held meeting, with its dissent, the records it concerns and the work it assigns. */
public record DecisionInput(
        @NotNull @Size(max = 4000) String text,
        @NotNull DecisionType type,
        @NotNull DecisionMethod method,
        @Valid @Nullable Votes votes,
        @Size(max = 200) @Valid @Nullable List<@NotNull DissentRow> dissent,
        @Size(max = 100) @Valid @Nullable List<@NotNull RecordInput> concerns,
        @Size(max = 100) @Valid @Nullable List<@NotNull AssignmentRow> assignments) {

    public record Votes(
            @NotNull @PositiveOrZero Integer inFavour,
            @NotNull @PositiveOrZero Integer against,
            @NotNull @PositiveOrZero Integer abstaining) {}

    public record DissentRow(
            @NotNull UUID stakeholderId,
            @NotNull @Size(max = 2000) String reason) {}

    public record AssignmentRow(
            @NotNull UUID assigneeId,
            @NotNull @Size(max = 2000) String expected,
            @NotNull LocalDate dueOn) {}

    DecisionDraft draft() {
        return new DecisionDraft(
                text,
                type,
                method,
                votes == null ? null : new VoteCount(votes.inFavour(), votes.against(), votes.abstaining()),
                dissent == null
                        ? List.of()
                        : dissent.stream()
                                .map(d -> new DissentDraft(d.stakeholderId(), d.reason()))
                                .toList(),
                MeetingInput.references(concerns),
                assignments == null
                        ? List.of()
                        : assignments.stream()
                                .map(a -> new AssignmentDraft(a.assigneeId(), a.expected(), a.dueOn()))
                                .toList());
    }
}
