package org.arrival.contracts.actionplans;

/** An indicator's value in a report against its baseline and target. */
public record IndicatorValue(String name, String unit, Double baseline, Double target, Double actual) {
}
