package org.arrival.contracts.registry;

/** An assignment was neither accepted nor declined by its due date; published once, the day after it. */
public record AssignmentOverdue(Assignment assignment, int daysOverdue) {}
