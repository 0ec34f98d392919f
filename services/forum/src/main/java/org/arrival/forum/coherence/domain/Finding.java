package org.arrival.forum.coherence.domain;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.FlagSeverity;

/**
 * What one check found: its stable {@code key} makes a re-run find the same flag (the check code and, as a rule, the
 * ids of the records; a finding whose records may change while it stays the same finding, such as the open gaps of
 * one checklist action, is keyed by what stays). The {@code summary} is the finding in English; {@code parameters}
 * say the same as values a reader's language words.
 */
public record Finding(
        CoherenceCheckCode check,
        String key,
        List<UUID> recordIds,
        String summary,
        CoherenceFlagParameters parameters,
        FlagSeverity severity) {

    public Finding {
        recordIds = List.copyOf(recordIds);
    }

    public static Finding of(
            CoherenceCheckCode check, List<UUID> recordIds, String summary, CoherenceFlagParameters parameters) {
        StringBuilder key = new StringBuilder(check.name());
        recordIds.forEach(id -> key.append(':').append(id));
        return keyed(key.toString(), check, recordIds, summary, parameters);
    }

    /** A finding keyed by what identifies it beyond its records (the key starts with the check's code). */
    public static Finding keyed(
            String key,
            CoherenceCheckCode check,
            List<UUID> recordIds,
            String summary,
            CoherenceFlagParameters parameters) {
        return new Finding(
                check,
                key.startsWith(check.name() + ":") ? key : check.name() + ":" + key,
                recordIds,
                summary.length() > 2000 ? summary.substring(0, 2000) : summary,
                parameters,
                CheckSettings.defaultSeverity(check));
    }

    /** The same finding, rated otherwise. */
    public Finding rated(FlagSeverity rating) {
        return new Finding(check, key, recordIds, summary, parameters, rating);
    }
}
