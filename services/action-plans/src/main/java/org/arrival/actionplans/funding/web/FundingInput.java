package org.arrival.actionplans.funding.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.arrival.actionplans.funding.domain.FundingLine;
import org.arrival.platform.web.NotFreeText;

/**
 * A funding line as sent. There is no gap field: the gap is derived from the totals, and a request that sends one
 * is refused as having an unknown field. The source's name is free text and passes the personal-data screen; the
 * currency is a code.
 */
public record FundingInput(
        UUID sourceId,
        @Size(max = FundingLine.MAX_SOURCE_NAME) String sourceName,

        @NotFreeText
        @NotNull
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as UGX, EUR or USD")
        String currency,

        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2)
        BigDecimal required,

        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2)
        BigDecimal committed,

        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2)
        BigDecimal disbursed) {

    public FundingLine.Terms toTerms() {
        return new FundingLine.Terms(sourceId, sourceName, currency, required, committed, disbursed);
    }
}
