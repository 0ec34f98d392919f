package org.arrival.assessments.rounds.persistence;

import java.util.UUID;

import org.arrival.contracts.assessments.RoundStatus;

/** What a round listing is narrowed to; every part is optional. */
public record RoundFilter(String country, String subdivision, RoundStatus status, UUID convenor) {
}
