package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A decision assigned work to a member organisation. */
public record AssignmentMade(Assignment assignment, Actor actor) {}
