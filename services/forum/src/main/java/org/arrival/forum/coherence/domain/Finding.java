package org.arrival.forum.coherence.domain;

import java.util.List;
import java.util.UUID;

import org.arrival.contracts.forum.CoherenceCheckCode;

/**
 * What one check found: its stable {@code key} (check code and record ids) makes a re-run find the same flag.
 */
public record Finding(CoherenceCheckCode check, String key, List<UUID> recordIds, String summary) {

    public Finding {
        recordIds = List.copyOf(recordIds);
    }

    public static Finding of(CoherenceCheckCode check, List<UUID> recordIds, String summary) {
        StringBuilder key = new StringBuilder(check.name());
        recordIds.forEach(id -> key.append(':').append(id));
        return new Finding(check, key.toString(), recordIds, summary.length() > 2000 ? summary.substring(0, 2000)
                : summary);
    }
}
