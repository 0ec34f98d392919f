package org.arrival.registry.forums.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;

/**
 * A coordination mechanism. Lifecycle: established, active, dormant (and active again), dissolved (final).
 */
public record Forum(UUID id, long version, ForumProfile profile, ForumStatus status) {

    private static final Map<ForumStatus, Set<ForumStatus>> NEXT = Map.of(
            ForumStatus.ESTABLISHED, Set.of(ForumStatus.ACTIVE, ForumStatus.DISSOLVED),
            ForumStatus.ACTIVE, Set.of(ForumStatus.DORMANT, ForumStatus.DISSOLVED),
            ForumStatus.DORMANT, Set.of(ForumStatus.ACTIVE, ForumStatus.DISSOLVED),
            ForumStatus.DISSOLVED, Set.of());

    public static Forum establish(UUID id, ForumProfile profile) {
        if (id.equals(profile.parentForumId())) {
            throw InvalidInput.field("parentForumId", "a forum cannot be its own parent");
        }
        return new Forum(id, 1, profile, ForumStatus.ESTABLISHED);
    }

    public Forum revise(ForumProfile next) {
        if (status == ForumStatus.DISSOLVED) {
            throw new RuleViolation("A dissolved forum cannot be edited");
        }
        if (id.equals(next.parentForumId())) {
            throw InvalidInput.field("parentForumId", "a forum cannot be its own parent");
        }
        return new Forum(id, version + 1, next, status);
    }

    public Forum moveTo(ForumStatus next) {
        if (!Objects.requireNonNull(NEXT.get(status), "every status has its next ones")
                .contains(next)) {
            throw new RuleViolation("A forum that is " + status + " cannot become " + next);
        }
        return new Forum(id, version + 1, profile, next);
    }

    public boolean acceptsMembers() {
        return status != ForumStatus.DISSOLVED;
    }
}
