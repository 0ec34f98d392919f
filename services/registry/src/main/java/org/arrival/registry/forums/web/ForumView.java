package org.arrival.registry.forums.web;

import java.time.Instant;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.ThematicScope;
import org.arrival.registry.forums.persistence.ForumRepository.StoredForum;
import org.jspecify.annotations.Nullable;

/** A forum as the API shows it. */
public record ForumView(
        UUID id,
        long version,
        String name,
        ForumType type,
        @Nullable Jurisdiction geographicScope,
        @Nullable ThematicScope thematicScope,
        UUID convenorId,
        @Nullable UUID chairId,
        @Nullable UUID secretariatId,
        @Nullable UUID parentForumId,
        ForumStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public static ForumView of(StoredForum stored) {
        var f = stored.forum();
        var p = f.profile();
        return new ForumView(
                f.id(),
                f.version(),
                p.name(),
                p.type(),
                p.geographicScope(),
                p.thematicScope(),
                p.convenorId(),
                p.chairId(),
                p.secretariatId(),
                p.parentForumId(),
                f.status(),
                stored.createdAt(),
                stored.updatedAt());
    }
}
