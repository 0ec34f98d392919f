package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** The assignee declined the work, with its reason. */
public record AssignmentDeclined(Assignment assignment, Actor actor) {}
