package org.arrival.registry.forums.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.arrival.contracts.registry.SeatType;

/** A membership's seat and term, replacing the current ones. */
public record SeatInput(@NotNull SeatType seat, LocalDate termStart, LocalDate termEnd) {
}
