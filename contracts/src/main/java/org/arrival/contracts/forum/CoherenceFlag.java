package org.arrival.contracts.forum;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A coherence flag of a forum: a check found an inconsistency among the records it names.
 *
 * @param recordIds the records the finding is about (needs, gaps, actions, organisations), in a stable order
 * @param summary the finding in English
 * @param reason why the flag was last resolved or dismissed (absent while open)
 * @param parameters what the summary says, for wording it in the reader's language (absent from flags raised
 *        before it was added)
 * @param severity how much the flag matters, as its check or the forum rates it (absent from flags raised before it
 *        was added)
 */
public record CoherenceFlag(
        UUID flagId,
        long version,
        UUID forumId,
        CoherenceCheckCode checkCode,
        List<UUID> recordIds,
        String summary,
        FlagStatus status,
        @Nullable String reason,
        @Nullable CoherenceFlagParameters parameters,
        @Nullable FlagSeverity severity) {

    /** A flag without parameters, as producers wrote it before they were added. */
    public CoherenceFlag(
            UUID flagId,
            long version,
            UUID forumId,
            CoherenceCheckCode checkCode,
            List<UUID> recordIds,
            String summary,
            FlagStatus status,
            @Nullable String reason) {
        this(flagId, version, forumId, checkCode, recordIds, summary, status, reason, null, null);
    }

    /** A flag without a severity, as producers wrote it before it was added. */
    public CoherenceFlag(
            UUID flagId,
            long version,
            UUID forumId,
            CoherenceCheckCode checkCode,
            List<UUID> recordIds,
            String summary,
            FlagStatus status,
            @Nullable String reason,
            @Nullable CoherenceFlagParameters parameters) {
        this(flagId, version, forumId, checkCode, recordIds, summary, status, reason, parameters, null);
    }
}
