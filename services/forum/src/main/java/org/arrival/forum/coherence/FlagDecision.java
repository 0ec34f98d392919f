package org.arrival.forum.coherence;

import java.time.Instant;
import java.util.UUID;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.platform.security.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * One decision on a coherence flag: the flag's version it made, the status it left and the one it set, when, by whom
 * (their user name and organisation) and why.
 */
public record FlagDecision(
        long version,
        FlagStatus from,
        FlagStatus to,
        @Nullable String reason,
        Instant at,
        @Nullable String by,
        @Nullable UUID byOrganisation) {

    /** The decision as the viewer may see it: who took it and why only if they may know of the organisation. */
    public FlagDecision seenBy(Viewer viewer) {
        if (byOrganisation == null || viewer.maySeeOrganisation(byOrganisation)) {
            return this;
        }
        return new FlagDecision(version, from, to, null, at, null, null);
    }

    /** The decision with another reason: the same words with hidden names taken out. */
    public FlagDecision withReason(@Nullable String shown) {
        return new FlagDecision(version, from, to, shown, at, by, byOrganisation);
    }
}
