package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A verified or suspended stakeholder became active. */
public record StakeholderActivated(Stakeholder stakeholder, Actor actor, String reason) {
}
