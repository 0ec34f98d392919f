package org.arrival.assessments.rounds.persistence;

import java.util.UUID;
import org.arrival.contracts.assessments.RoundStatus;
import org.jspecify.annotations.Nullable;

/** What a round listing is narrowed to; every part is optional. */
public record RoundFilter(
        @Nullable String country,
        @Nullable String subdivision,
        @Nullable RoundStatus status,
        @Nullable UUID convenor) {}
