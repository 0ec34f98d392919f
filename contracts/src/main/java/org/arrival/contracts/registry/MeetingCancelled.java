package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A scheduled meeting was cancelled. */
public record MeetingCancelled(Meeting meeting, Actor actor) {}
