package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A meeting took place; decisions may now be recorded at it. */
public record MeetingHeld(Meeting meeting, Actor actor) {}
