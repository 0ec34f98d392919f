package org.arrival.registry.meetings.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.registry.meetings.application.Drafts.AgendaDraft;
import org.arrival.registry.meetings.domain.MeetingDetails;
import org.jspecify.annotations.Nullable;

/** A meeting's details and agenda, as scheduled or edited. */
public record MeetingInput(
        @NotNull @Size(max = 300) String title,
        @NotNull LocalDate date,
        @Size(max = 5) @Nullable String startTime,
        @Size(max = 500) @Nullable String place,
        @Size(max = 2000) @Nullable String onlineLink,
        @Size(max = 100) @Valid @Nullable List<@NotNull AgendaItemInput> agenda) {

    /** One agenda item: what is discussed, an optional note, the records it is about, and the proposal it takes up. */
    public record AgendaItemInput(
            @NotNull @Size(max = 300) String title,
            @Size(max = 4000) @Nullable String note,
            @Size(max = 100) @Valid @Nullable List<@NotNull RecordInput> records,
            @Nullable UUID proposalId) {}

    /** A record referred to by kind and id. */
    public record RecordInput(
            @NotNull org.arrival.contracts.registry.ReferencedRecordKind kind,
            @NotNull UUID recordId) {

        RecordReference toReference() {
            return new RecordReference(kind, recordId);
        }
    }

    MeetingDetails details() {
        return MeetingDetails.of(title, date, startTime, place, onlineLink);
    }

    List<AgendaDraft> agendaDrafts() {
        return agenda == null
                ? List.of()
                : agenda.stream()
                        .map(i -> new AgendaDraft(i.title(), i.note(), references(i.records()), i.proposalId()))
                        .toList();
    }

    static List<RecordReference> references(@Nullable List<RecordInput> records) {
        return records == null
                ? List.of()
                : records.stream().map(RecordInput::toReference).toList();
    }
}
