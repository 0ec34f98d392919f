package org.arrival.registry.forums.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.arrival.contracts.registry.SeatType;
import org.jspecify.annotations.Nullable;

/** A membership's seat and term, replacing the current ones. */
public record SeatInput(
        @NotNull SeatType seat,
        @Nullable LocalDate termStart,
        @Nullable LocalDate termEnd) {}
