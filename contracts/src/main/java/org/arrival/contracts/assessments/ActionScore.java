package org.arrival.contracts.assessments;

/** The consolidated score of one checklist action. */
public record ActionScore(String code, Score score) {}
