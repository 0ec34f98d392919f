package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** An organisation left a forum, or its term ended early. */
public record MembershipEnded(Membership membership, Actor actor, String reason) {
}
