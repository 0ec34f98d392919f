package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A platform administrator verified a proposed stakeholder. */
public record StakeholderVerified(
        Stakeholder stakeholder, Actor actor, @Nullable String reason) {}
