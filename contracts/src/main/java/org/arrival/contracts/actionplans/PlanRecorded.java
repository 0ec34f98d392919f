package org.arrival.contracts.actionplans;

import org.arrival.contracts.common.Actor;

/** A plan was recorded. */
public record PlanRecorded(Plan plan, Actor actor) {}
