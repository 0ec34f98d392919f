package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** An organisation was given a seat in a forum. */
public record MembershipGranted(Membership membership, Actor actor) {}
