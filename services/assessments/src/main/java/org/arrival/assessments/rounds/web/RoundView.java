package org.arrival.assessments.rounds.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.rounds.persistence.RoundRepository.StoredRound;
import org.arrival.contracts.assessments.RoundStatus;
import org.arrival.contracts.common.Jurisdiction;

/** A round as the API shows it. */
public record RoundView(
        UUID id,
        long version,
        String title,
        Jurisdiction jurisdiction,
        UUID convenorId,
        List<UUID> respondentIds,
        String instrumentId,
        int instrumentVersion,
        LocalDate closesOn,
        List<UUID> sharedWithForums,
        RoundStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public static RoundView of(StoredRound stored) {
        var r = stored.round();
        var p = r.profile();
        return new RoundView(
                r.id(),
                r.version(),
                p.title(),
                p.jurisdiction(),
                p.convenorId(),
                p.respondentIds(),
                r.instrumentId(),
                r.instrumentVersion(),
                p.closesOn(),
                p.sharedWithForums(),
                r.status(),
                stored.createdAt(),
                stored.updatedAt());
    }
}
