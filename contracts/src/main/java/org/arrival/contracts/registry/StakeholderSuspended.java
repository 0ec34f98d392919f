package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A platform administrator suspended a stakeholder. */
public record StakeholderSuspended(
        Stakeholder stakeholder, Actor actor, @Nullable String reason) {}
