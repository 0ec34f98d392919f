package org.arrival.contracts.forum;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/**
 * A coherence check raised a flag; {@code actor} is absent when the forum's checker raised it.
 *
 * @param coordinators the organisations that run the forum's follow-up of flags (its convenor, chair and secretariat),
 *        to be told of the new flag as far as they may read it; absent from flags raised before it was added
 */
public record CoherenceFlagRaised(
        CoherenceFlag flag, @Nullable Actor actor, @Nullable List<UUID> coordinators) {

    /** A flag raised without naming the forum's coordinators, as producers wrote it before they were added. */
    public CoherenceFlagRaised(CoherenceFlag flag, @Nullable Actor actor) {
        this(flag, actor, null);
    }
}
