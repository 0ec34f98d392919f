package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A forum was established. */
public record ForumEstablished(Forum forum, Actor actor) {}
