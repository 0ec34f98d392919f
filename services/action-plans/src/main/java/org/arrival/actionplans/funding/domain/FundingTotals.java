package org.arrival.actionplans.funding.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrival.contracts.actionplans.FundingSummary;

/**
 * An action's funding per currency (amounts in different currencies are never added up): required, committed and
 * disbursed summed over its lines, and the gap, required - committed, never below zero (over-commitment is no gap).
 */
public final class FundingTotals {

    private FundingTotals() {}

    public static List<FundingSummary> of(Collection<FundingLine> lines) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (FundingLine l : lines) {
            BigDecimal[] s = sums.computeIfAbsent(l.currency(), c -> new BigDecimal[] {zero(), zero(), zero()});
            s[0] = s[0].add(l.required());
            s[1] = s[1].add(l.committed());
            s[2] = s[2].add(l.disbursed());
        }
        return sums.entrySet().stream()
                .map(e -> {
                    BigDecimal[] s = e.getValue();
                    return new FundingSummary(e.getKey(), s[0], s[1], s[2], gap(s[0], s[1]));
                })
                .toList();
    }

    public static BigDecimal gap(BigDecimal required, BigDecimal committed) {
        return required.subtract(committed).max(zero()).setScale(2);
    }

    /** An amount as events carry it: without trailing zeros (250000, 12500.5), never in exponent notation. */
    public static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The same summary with its amounts written {@link #plain}. */
    public static FundingSummary plain(FundingSummary s) {
        return new FundingSummary(
                s.currency(), plain(s.required()), plain(s.committed()), plain(s.disbursed()), plain(s.gap()));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
