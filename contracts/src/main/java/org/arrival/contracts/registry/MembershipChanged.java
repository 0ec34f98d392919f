package org.arrival.contracts.registry;

import java.util.List;
import org.arrival.contracts.common.Actor;

/** A membership's seat or term changed. */
public record MembershipChanged(Membership membership, Actor actor, List<String> changedFields) {}
