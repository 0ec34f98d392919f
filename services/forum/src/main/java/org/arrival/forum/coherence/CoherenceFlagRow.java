package org.arrival.forum.coherence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * A coherence flag as the API shows it: {@code summary} is the finding in English, {@code parameters} what it says
 * (the records named with their kind and title, sectors, groups, areas, dates), for wording it in the reader's
 * language from the {@code checkCode}; null for a flag raised before parameters were kept and not checked since.
 * {@code severity} is how much the flag matters, as its check or the forum rates it.
 */
public record CoherenceFlagRow(
        UUID flagId,
        long version,
        UUID forumId,
        CoherenceCheckCode checkCode,
        String key,
        List<UUID> recordIds,
        String summary,
        FlagStatus status,
        @Nullable String reason,
        boolean conditionHolds,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String updatedBy,
        @Nullable UUID updatedByOrganisation,
        @Nullable CoherenceFlagParameters parameters,
        @Nullable FlagSeverity severity) {

    /**
     * The flag as the viewer may see it: who last decided on it, and their reason (their own words), only if the
     * viewer may know of their organisation.
     */
    public CoherenceFlagRow seenBy(Viewer viewer) {
        if (updatedByOrganisation == null || viewer.maySeeOrganisation(updatedByOrganisation)) {
            return this;
        }
        return new CoherenceFlagRow(
                flagId,
                version,
                forumId,
                checkCode,
                key,
                recordIds,
                summary,
                status,
                null,
                conditionHolds,
                createdAt,
                updatedAt,
                null,
                null,
                parameters,
                severity);
    }

    /**
     * The flag with the hidden organisations' names taken out of its summary, the titles of its records and its reason
     * (a flag on an assignment quotes the work expected; one resolved by a decision quotes the decision's text).
     */
    public CoherenceFlagRow shownWith(HiddenNames hidden) {
        if (hidden.isEmpty()) {
            return this;
        }
        CoherenceFlagParameters p = parameters;
        return new CoherenceFlagRow(
                flagId,
                version,
                forumId,
                checkCode,
                key,
                recordIds,
                hidden.redactText(summary),
                status,
                hidden.redact(reason),
                conditionHolds,
                createdAt,
                updatedAt,
                updatedBy,
                updatedByOrganisation,
                p == null ? null : shownWith(hidden, p),
                severity);
    }

    /** The parameters with the hidden organisations' names taken out of the titles of the records they name. */
    public static CoherenceFlagParameters shownWith(HiddenNames hidden, CoherenceFlagParameters p) {
        List<FlaggedRecord> records = p.records();
        return new CoherenceFlagParameters(
                records == null
                        ? null
                        : records.stream()
                                .map(r -> new FlaggedRecord(r.recordId(), r.kind(), hidden.redact(r.title())))
                                .toList(),
                p.sectors(),
                p.groups(),
                p.areas(),
                p.questionCode(),
                p.periodStart(),
                p.periodEnd(),
                p.dueOn(),
                p.daysOverdue(),
                p.checklistAction(),
                p.questionCodes(),
                p.frameworkItem(),
                p.registered(),
                p.estimated(),
                p.asOf(),
                p.limitDays(),
                p.missing(),
                p.recommendationCode(),
                p.percentBefore(),
                p.percentAfter());
    }

    public CoherenceFlag toContract() {
        return new CoherenceFlag(
                flagId, version, forumId, checkCode, recordIds, summary, status, reason, parameters, severity);
    }
}
