package org.arrival.forum.coherence;

import java.util.UUID;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.jspecify.annotations.Nullable;

/** Who runs a forum's follow-up: members with the forum-coordinator role acting for its convenor, chair or secretariat. */
final class Coordinators {

    private Coordinators() {}

    static boolean mayCoordinate(Caller caller, @Nullable ForumRow forum) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        return caller.hasRole(Roles.FORUM_COORDINATOR)
                && forum != null
                && (actsFor(caller, forum.convenorId)
                        || actsFor(caller, forum.chairId)
                        || actsFor(caller, forum.secretariatId));
    }

    /** Whether the caller acts for the organisation in that role; nobody does for a role the forum leaves open. */
    private static boolean actsFor(Caller caller, @Nullable UUID organisation) {
        return organisation != null && caller.actsFor(organisation);
    }
}
