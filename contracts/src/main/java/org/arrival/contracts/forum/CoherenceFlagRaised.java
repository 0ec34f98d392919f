package org.arrival.contracts.forum;

import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A coherence check raised a flag; {@code actor} is absent when the forum's checker raised it. */
public record CoherenceFlagRaised(
        CoherenceFlag flag, @Nullable Actor actor) {}
