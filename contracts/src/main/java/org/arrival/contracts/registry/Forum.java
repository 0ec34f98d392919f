package org.arrival.contracts.registry;

import java.util.UUID;

import org.arrival.contracts.common.Jurisdiction;

/** The full state of a forum after a change, as carried by every forum event. */
public record Forum(
        UUID forumId,
        long version,
        String name,
        ForumType type,
        Jurisdiction geographicScope,
        ThematicScope thematicScope,
        UUID convenorId,
        UUID chairId,
        UUID secretariatId,
        UUID parentForumId,
        ForumStatus status) {
}
