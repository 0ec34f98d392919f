package org.arrival.contracts.assessments;

/**
 * One cell of a breakdown of an estimate.
 *
 * @param dimension {@code SEX}, {@code AGE_BAND} or {@code DISABILITY}
 * @param category e.g. {@code FEMALE}, {@code 18-59}, {@code WITH_DISABILITY}
 */
public record Disaggregation(String dimension, String category, Count count) {}
