package org.arrival.contracts.registry;

import java.util.List;
import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A forum's profile or status changed; {@code changedFields} names what differs. */
public record ForumUpdated(
        Forum forum,
        Actor actor,
        List<String> changedFields,
        @Nullable String reason) {}
