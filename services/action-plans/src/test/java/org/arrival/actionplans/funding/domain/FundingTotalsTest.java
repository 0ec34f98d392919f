package org.arrival.actionplans.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.actionplans.FundingSummary;
import org.arrival.platform.web.InvalidInput;
import org.junit.jupiter.api.Test;

class FundingTotalsTest {

    private static final UUID ACTION = UUID.randomUUID();

    private static FundingLine line(String currency, String required, String committed, String disbursed) {
        return FundingLine.record(
                UUID.randomUUID(),
                ACTION,
                new FundingLine.Terms(
                        null,
                        "Source",
                        currency,
                        new BigDecimal(required),
                        new BigDecimal(committed),
                        new BigDecimal(disbursed)));
    }

    @Test
    void totalsArePerCurrencyAndTheGapIsRequiredMinusCommitted() {
        List<FundingSummary> totals = FundingTotals.of(List.of(
                line("UGX", "900000000", "300000000", "100000000"),
                line("EUR", "250000", "100000.50", "40000"),
                line("UGX", "100000000", "0", "0"),
                line("EUR", "0.01", "0", "0")));
        assertThat(totals).extracting(FundingSummary::currency).containsExactly("EUR", "UGX");
        FundingSummary eur = totals.get(0);
        assertThat(eur.required()).isEqualByComparingTo("250000.01");
        assertThat(eur.committed()).isEqualByComparingTo("100000.50");
        assertThat(eur.disbursed()).isEqualByComparingTo("40000");
        assertThat(eur.gap()).isEqualByComparingTo("149999.51");
        FundingSummary ugx = totals.get(1);
        assertThat(ugx.required()).isEqualByComparingTo("1000000000");
        assertThat(ugx.gap()).isEqualByComparingTo("700000000");
    }

    @Test
    void overCommitmentIsNoGapAndNoActionHasNoTotals() {
        List<FundingSummary> totals =
                FundingTotals.of(List.of(line("USD", "1000", "600", "0"), line("USD", "0", "900", "900")));
        assertThat(totals.get(0).gap()).isEqualByComparingTo("0");
        assertThat(totals.get(0).gap().signum()).isZero();
        assertThat(FundingTotals.of(List.of())).isEmpty();
        assertThat(FundingTotals.gap(new BigDecimal("10.00"), new BigDecimal("10.01")))
                .isEqualByComparingTo("0");
    }

    @Test
    void amountsAreWrittenPlainForEvents() {
        assertThat(FundingTotals.plain(new BigDecimal("250000.00")).toString()).isEqualTo("250000");
        assertThat(FundingTotals.plain(new BigDecimal("12500.50")).toString()).isEqualTo("12500.5");
        assertThat(FundingTotals.plain(new BigDecimal("0.00")).toString()).isEqualTo("0");
    }

    @Test
    void linesRefuseNegativeOrOverPreciseAmountsUnknownCurrenciesAndDisbursingBeyondTheCommitment() {
        assertThatThrownBy(() -> line("EUR", "1", "10", "10.01"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("disbursed");
        assertThatThrownBy(() -> line("EUR", "-1", "0", "0")).hasMessageContaining("required");
        assertThatThrownBy(() -> line("EUR", "1.001", "0", "0")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> line("eur", "1", "0", "0")).hasMessageContaining("currency");
        assertThatThrownBy(() -> line("QQQ", "1", "0", "0")).hasMessageContaining("currency");
        assertThat(line("EUR", "1.10", "1", "1").required()).isEqualByComparingTo("1.1");
        FundingLine l = line("EUR", "5", "5", "0");
        assertThat(l.revise(new FundingLine.Terms(
                                null, "Source", "EUR", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO))
                        .version())
                .isEqualTo(2);
    }
}
