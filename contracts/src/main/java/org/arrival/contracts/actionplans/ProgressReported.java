package org.arrival.contracts.actionplans;

import org.arrival.contracts.common.Actor;

/** The owner published a progress report: the event forum members wait for. */
public record ProgressReported(ProgressReport report, Actor actor) {}
