package org.arrival.assessments.population.domain;

/** One cell of a breakdown, stored exactly; what others see of it is decided by {@link Suppression}. */
public record Cell(Dimension dimension, String category, int count) {}
