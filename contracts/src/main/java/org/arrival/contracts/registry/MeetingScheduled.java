package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A forum meeting was scheduled. */
public record MeetingScheduled(Meeting meeting, Actor actor) {}
