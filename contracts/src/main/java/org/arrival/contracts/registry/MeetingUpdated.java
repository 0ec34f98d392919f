package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A scheduled or held meeting's details, agenda, attendance or minutes changed. */
public record MeetingUpdated(Meeting meeting, Actor actor) {}
