package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A stakeholder was proposed for the registry. */
public record StakeholderRegistered(
        Stakeholder stakeholder, Actor actor, @Nullable String reason) {}
