package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A stakeholder was proposed for the registry. */
public record StakeholderRegistered(Stakeholder stakeholder, Actor actor, String reason) {
}
