package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A platform administrator suspended a stakeholder. */
public record StakeholderSuspended(Stakeholder stakeholder, Actor actor, String reason) {
}
