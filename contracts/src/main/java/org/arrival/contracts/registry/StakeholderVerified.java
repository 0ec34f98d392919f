package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A platform administrator verified a proposed stakeholder. */
public record StakeholderVerified(Stakeholder stakeholder, Actor actor, String reason) {
}
