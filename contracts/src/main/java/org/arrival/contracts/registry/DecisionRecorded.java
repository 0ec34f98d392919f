package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A forum recorded a decision at a held meeting. */
public record DecisionRecorded(Decision decision, Actor actor) {}
