package org.arrival.contracts.forum;

import java.util.List;
import java.util.UUID;

/**
 * A coherence flag of a forum: a check found an inconsistency among the records it names.
 *
 * @param recordIds the records the finding is about (needs, gaps, actions, organisations), in a stable order
 * @param reason why the flag was last resolved or dismissed (absent while open)
 */
public record CoherenceFlag(
        UUID flagId,
        long version,
        UUID forumId,
        CoherenceCheckCode checkCode,
        List<UUID> recordIds,
        String summary,
        FlagStatus status,
        String reason) {
}
