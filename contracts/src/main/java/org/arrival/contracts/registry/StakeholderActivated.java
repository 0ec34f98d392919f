package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A verified or suspended stakeholder became active. */
public record StakeholderActivated(
        Stakeholder stakeholder, Actor actor, @Nullable String reason) {}
