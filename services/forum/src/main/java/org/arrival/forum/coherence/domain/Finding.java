package org.arrival.forum.coherence.domain;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlagParameters;

/**
 * What one check found: its stable {@code key} (check code and record ids) makes a re-run find the same flag. The
 * {@code summary} is the finding in English; {@code parameters} say the same as values a reader's language words.
 */
public record Finding(
        CoherenceCheckCode check,
        String key,
        List<UUID> recordIds,
        String summary,
        CoherenceFlagParameters parameters) {

    public Finding {
        recordIds = List.copyOf(recordIds);
    }

    public static Finding of(
            CoherenceCheckCode check, List<UUID> recordIds, String summary, CoherenceFlagParameters parameters) {
        StringBuilder key = new StringBuilder(check.name());
        recordIds.forEach(id -> key.append(':').append(id));
        return new Finding(
                check,
                key.toString(),
                recordIds,
                summary.length() > 2000 ? summary.substring(0, 2000) : summary,
                parameters);
    }
}
