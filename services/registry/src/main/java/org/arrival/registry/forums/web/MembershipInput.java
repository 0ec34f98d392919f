package org.arrival.registry.forums.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.arrival.contracts.registry.SeatType;
import org.jspecify.annotations.Nullable;

/** A seat to grant: which organisation, which seat, for which term. */
public record MembershipInput(
        @NotNull UUID stakeholderId,
        @NotNull SeatType seat,
        @Nullable LocalDate termStart,
        @Nullable LocalDate termEnd) {}
