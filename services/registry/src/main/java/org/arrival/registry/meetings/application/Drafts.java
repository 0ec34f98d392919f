package org.arrival.registry.meetings.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.DecisionMethod;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.contracts.registry.VoteCount;
import org.jspecify.annotations.Nullable;

/** What a request asks to be written, before the rules have checked it. */
public final class Drafts {

    private Drafts() {}

    public record AgendaDraft(
            @Nullable String title,
            @Nullable String note,
            List<RecordReference> records,
            @Nullable UUID proposalId) {}

    public record DissentDraft(UUID stakeholderId, @Nullable String reason) {}

    public record AssignmentDraft(UUID assigneeId, @Nullable String expected, LocalDate dueOn) {}

    public record DecisionDraft(
            @Nullable String text,
            DecisionType type,
            DecisionMethod method,
            @Nullable VoteCount votes,
            List<DissentDraft> dissent,
            List<RecordReference> concerns,
            List<AssignmentDraft> assignments) {}
}
