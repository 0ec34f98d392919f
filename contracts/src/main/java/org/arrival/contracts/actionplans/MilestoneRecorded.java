package org.arrival.contracts.actionplans;

import org.arrival.contracts.common.Actor;

/** A milestone was scheduled, rescheduled, reached, missed or cancelled; it carries the milestone's state. */
public record MilestoneRecorded(Milestone milestone, Actor actor) {}
