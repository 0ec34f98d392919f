package org.arrival.actionplans.funding.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;
import java.util.regex.Pattern;
import org.arrival.platform.web.InvalidInput;

/**
 * Money for an action from one source, in one currency: what is required, what the source committed and what it
 * disbursed so far. Amounts are never negative and have at most two decimals; nothing is disbursed beyond what was
 * committed. The gap is not part of a line: it is derived from the action's totals ({@link FundingTotals}).
 */
public record FundingLine(
        UUID id,
        long version,
        UUID actionId,
        UUID sourceId,
        String sourceName,
        String currency,
        BigDecimal required,
        BigDecimal committed,
        BigDecimal disbursed) {

    public static final int MAX_SOURCE_NAME = 200;
    private static final Pattern CODE = Pattern.compile("^[A-Z]{3}$");
    private static final BigDecimal MAX = new BigDecimal("9999999999999999.99");

    /** What is sent to record or change a line. */
    public record Terms(
            UUID sourceId,
            String sourceName,
            String currency,
            BigDecimal required,
            BigDecimal committed,
            BigDecimal disbursed) {}

    public static FundingLine record(UUID id, UUID actionId, Terms t) {
        return valid(id, 1, actionId, t);
    }

    public FundingLine revise(Terms t) {
        return valid(id, version + 1, actionId, t);
    }

    private static FundingLine valid(UUID id, long version, UUID actionId, Terms t) {
        String name = t.sourceName() == null ? "" : t.sourceName().strip();
        if (name.isEmpty()) {
            throw InvalidInput.field("sourceName", "must not be blank");
        }
        if (name.length() > MAX_SOURCE_NAME) {
            throw InvalidInput.field("sourceName", "must be at most " + MAX_SOURCE_NAME + " characters");
        }
        if (t.currency() == null || !CODE.matcher(t.currency()).matches() || !known(t.currency())) {
            throw InvalidInput.field("currency", "must be an ISO 4217 currency code such as UGX, EUR or USD");
        }
        BigDecimal required = amount("required", t.required());
        BigDecimal committed = amount("committed", t.committed());
        BigDecimal disbursed = amount("disbursed", t.disbursed());
        if (disbursed.compareTo(committed) > 0) {
            throw InvalidInput.field("disbursed", "must not exceed committed (" + committed.toPlainString() + ")");
        }
        return new FundingLine(id, version, actionId, t.sourceId(), name, t.currency(), required, committed, disbursed);
    }

    private static boolean known(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw InvalidInput.field(field, "is required");
        }
        if (value.signum() < 0) {
            throw InvalidInput.field(field, "must not be negative");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw InvalidInput.field(field, "must have at most two decimals");
        }
        if (value.compareTo(MAX) > 0) {
            throw InvalidInput.field(field, "is too large");
        }
        return value.setScale(2);
    }
}
