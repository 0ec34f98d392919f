package org.arrival.contracts.actionplans;

import org.arrival.contracts.common.Actor;

/** An organisation commented on, endorsed or objected to an action it does not own. */
public record ContributionMade(Contribution contribution, Actor actor) {}
