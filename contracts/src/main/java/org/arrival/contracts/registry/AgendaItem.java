package org.arrival.contracts.registry;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One item of a meeting's agenda, in the order of the agenda.
 *
 * @param records the records the item is about
 * @param proposalId the agenda proposal (an escalation from a nested forum) the item takes up, if any
 */
public record AgendaItem(
        UUID itemId,
        String title,
        @Nullable String note,
        List<RecordReference> records,
        @Nullable UUID proposalId) {}
