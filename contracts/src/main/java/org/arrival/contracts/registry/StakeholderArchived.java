package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A stakeholder was archived; it no longer takes part. */
public record StakeholderArchived(
        Stakeholder stakeholder, Actor actor, @Nullable String reason) {}
