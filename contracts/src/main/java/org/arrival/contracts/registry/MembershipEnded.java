package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** An organisation left a forum, or its term ended early. */
public record MembershipEnded(
        Membership membership, Actor actor, @Nullable String reason) {}
