package org.arrival.contracts.actionplans;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Money for an action from one source: required, committed and disbursed, in one currency. */
public record FundingLine(
        UUID fundingId,
        long version,
        UUID actionId,
        @Nullable UUID sourceId,
        String sourceName,
        String currency,
        BigDecimal required,
        BigDecimal committed,
        BigDecimal disbursed) {}
