package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** The assignee took the work on by linking one of its own actions. */
public record AssignmentAccepted(Assignment assignment, Actor actor) {}
