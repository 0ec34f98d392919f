package org.arrival.contracts.actionplans;

import java.math.BigDecimal;

/** An action's funding in one currency; the gap is derived (required - committed, never below zero). */
public record FundingSummary(
        String currency, BigDecimal required, BigDecimal committed, BigDecimal disbursed, BigDecimal gap) {}
