package org.arrival.registry.shared;

import java.time.Instant;
import org.arrival.contracts.common.Actor;

/** Who made a change and when; stored on the record and in its history. */
public record Audit(Actor actor, Instant at) {}
