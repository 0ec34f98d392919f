package org.arrival.contracts.registry;

import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.jspecify.annotations.Nullable;

/** The full state of a forum after a change, as carried by every forum event. */
public record Forum(
        UUID forumId,
        long version,
        String name,
        ForumType type,
        @Nullable Jurisdiction geographicScope,
        @Nullable ThematicScope thematicScope,
        @Nullable UUID convenorId,
        @Nullable UUID chairId,
        @Nullable UUID secretariatId,
        @Nullable UUID parentForumId,
        ForumStatus status) {}
