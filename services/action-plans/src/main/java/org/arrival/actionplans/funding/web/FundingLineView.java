package org.arrival.actionplans.funding.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.arrival.actionplans.funding.persistence.FundingRepository.StoredLine;

/** A funding line as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FundingLineView(
        UUID id,
        long version,
        UUID actionId,
        UUID sourceId,
        String sourceName,
        String currency,
        BigDecimal required,
        BigDecimal committed,
        BigDecimal disbursed,
        Instant createdAt,
        Instant updatedAt) {

    public static FundingLineView of(StoredLine s) {
        var l = s.line();
        return new FundingLineView(
                l.id(),
                l.version(),
                l.actionId(),
                l.sourceId(),
                l.sourceName(),
                l.currency(),
                l.required(),
                l.committed(),
                l.disbursed(),
                s.createdAt(),
                s.updatedAt());
    }
}
