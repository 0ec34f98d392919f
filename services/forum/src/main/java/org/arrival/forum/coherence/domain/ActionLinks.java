package org.arrival.forum.coherence.domain;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the projection's action rows do not carry: the vertical cascade (national commitments and the local actions
 * implementing them) and the checklist gaps an action answers.
 */
public interface ActionLinks {

    Links of(UUID actionId);

    /** The actions (of any owner, shared with the forum or not) that implement the commitment. */
    List<Implementation> implementationsOf(UUID commitmentId);

    record Links(
            @Nullable UUID implementsActionId,
            boolean requiresLocalImplementation,
            List<UUID> expectedImplementers,
            List<UUID> gapIds) {
        public static final Links NONE = new Links(null, false, List.of(), List.of());

        public Links {
            expectedImplementers = expectedImplementers == null ? List.of() : List.copyOf(expectedImplementers);
            gapIds = gapIds == null ? List.of() : List.copyOf(gapIds);
        }
    }

    record Implementation(
            UUID actionId, UUID ownerId, @Nullable String status) {}

    ActionLinks NONE = new ActionLinks() {
        @Override
        public Links of(UUID actionId) {
            return Links.NONE;
        }

        @Override
        public List<Implementation> implementationsOf(UUID commitmentId) {
            return List.of();
        }
    };
}
