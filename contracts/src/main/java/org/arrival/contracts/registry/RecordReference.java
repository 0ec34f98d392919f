package org.arrival.contracts.registry;

import java.util.UUID;

/**
 * A record an agenda item or a decision points at, by kind and id only: its title is read from its owner by each
 * reader, so a record hidden from the reader is not named to them.
 */
public record RecordReference(ReferencedRecordKind kind, UUID recordId) {}
