package org.arrival.contracts.forum;

import java.util.List;
import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A coherence flag was acknowledged, resolved, dismissed or reopened; {@code changedFields} names what differs. */
public record CoherenceFlagUpdated(
        CoherenceFlag flag,
        Actor actor,
        List<String> changedFields,
        @Nullable String reason) {}
