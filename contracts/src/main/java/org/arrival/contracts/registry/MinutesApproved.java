package org.arrival.contracts.registry;

import org.arrival.contracts.common.Actor;

/** A held meeting's minutes were approved; the meeting's record is final. */
public record MinutesApproved(Meeting meeting, Actor actor) {}
