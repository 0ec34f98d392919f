package org.arrival.contracts.assessments;

/** Points scored out of the maximum (Y = 2, S = 1, N = 0 per question). */
public record Score(double points, int max) {}
