package org.arrival.forum.coherence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.FlagStatus;

/** A coherence flag as the API shows it. */
public record CoherenceFlagRow(UUID flagId, long version, UUID forumId, CoherenceCheckCode checkCode, String key,
        List<UUID> recordIds, String summary, FlagStatus status, String reason, boolean conditionHolds,
        Instant createdAt, Instant updatedAt, String updatedBy, UUID updatedByOrganisation) {

    CoherenceFlag toContract() {
        return new CoherenceFlag(flagId, version, forumId, checkCode, recordIds, summary, status, reason);
    }
}
