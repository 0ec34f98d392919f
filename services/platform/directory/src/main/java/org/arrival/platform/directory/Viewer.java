package org.arrival.platform.directory;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.arrival.contracts.DataClassification;
import org.arrival.platform.security.Caller;

/**
 * Who is looking, and what that lets them see: their organisation's own records in full; others' records by
 * classification (PUBLIC to all, FORUM to members of a forum the record is shared with, never ORGANISATION);
 * RESTRICTED records and unsuppressed small counts never to enforcement bodies.
 */
public record Viewer(Caller caller, boolean enforcementBody, Set<UUID> forums) {

    public boolean owns(UUID owner) {
        return caller.actsFor(owner);
    }

    public boolean mayRead(UUID owner, DataClassification classification, Collection<UUID> sharedWithForums) {
        if (owns(owner)) {
            return true;
        }
        if (classification == DataClassification.RESTRICTED && enforcementBody) {
            return false;
        }
        if (caller.isPlatformAdmin()) {
            return true;
        }
        return switch (classification) {
            case PUBLIC -> true;
            case FORUM, RESTRICTED -> sharedWithForums.stream().anyMatch(forums::contains);
            case ORGANISATION -> false;
        };
    }

    /** Small counts are shown only to the owner, and never to an enforcement body. */
    public boolean seesSmallCounts(UUID owner) {
        return owns(owner) && !enforcementBody;
    }
}
