package org.arrival.contracts.forum;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A record a coherence flag names: its kind and its title (an action's title, a need's statement, a name). */
public record FlaggedRecord(
        UUID recordId, FlaggedRecordKind kind, @Nullable String title) {}
