package org.arrival.assessments.needs.domain;

import static org.arrival.contracts.assessments.NeedStatus.ADDRESSED;
import static org.arrival.contracts.assessments.NeedStatus.DEPRIORITISED;
import static org.arrival.contracts.assessments.NeedStatus.IDENTIFIED;
import static org.arrival.contracts.assessments.NeedStatus.PRIORITISED;
import static org.arrival.contracts.assessments.NeedStatus.RESOLVED;
import static org.arrival.contracts.assessments.NeedStatus.VALIDATED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A need and its lifecycle: IDENTIFIED, VALIDATED, PRIORITISED, ADDRESSED (only once an action is linked to it),
 * RESOLVED (from ADDRESSED, or straight from VALIDATED or PRIORITISED); DEPRIORITISED from any open state, and only
 * with a reason. RESOLVED and DEPRIORITISED are closed: a closed need is not edited.
 */
public record Need(
        UUID id,
        long version,
        UUID ownerId,
        NeedDetails details,
        NeedStatus status,
        @Nullable String statusReason) {

    public static final int MAX_REASON = 2000;

    private static final Map<NeedStatus, Set<NeedStatus>> NEXT = Map.of(
            IDENTIFIED, EnumSet.of(VALIDATED, DEPRIORITISED),
            VALIDATED, EnumSet.of(PRIORITISED, RESOLVED, DEPRIORITISED),
            PRIORITISED, EnumSet.of(ADDRESSED, RESOLVED, DEPRIORITISED),
            ADDRESSED, EnumSet.of(RESOLVED, DEPRIORITISED),
            RESOLVED, EnumSet.noneOf(NeedStatus.class),
            DEPRIORITISED, EnumSet.noneOf(NeedStatus.class));

    public static Need identify(UUID id, UUID ownerId, NeedDetails details) {
        return new Need(id, 1, ownerId, details, IDENTIFIED, null);
    }

    public static boolean allowed(NeedStatus from, NeedStatus to) {
        return next(from).contains(to);
    }

    private static Set<NeedStatus> next(NeedStatus from) {
        return Objects.requireNonNull(NEXT.get(from), "NEXT names every status");
    }

    public boolean open() {
        return status != RESOLVED && status != DEPRIORITISED;
    }

    /**
     * The need moved to {@code target}. {@code linkedActions} is how many actions address it; a reason is required
     * to deprioritise and optional otherwise.
     */
    public Need moveTo(NeedStatus target, @Nullable String reason, int linkedActions) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (target == null) {
            throw InvalidInput.field("status", "is required");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw InvalidInput.field("reason", "must be at most " + MAX_REASON + " characters");
        }
        if (target == DEPRIORITISED && why == null) {
            throw InvalidInput.field("reason", "is required to deprioritise a need");
        }
        if (!allowed(status, target)) {
            throw new RuleViolation("A need that is " + status + " cannot become " + target
                    + (next(status).isEmpty() ? "" : "; it can become " + next(status)));
        }
        if (target == ADDRESSED && linkedActions < 1) {
            throw new RuleViolation("A need is ADDRESSED only by an action: link at least one action first");
        }
        return new Need(id, version + 1, ownerId, details, target, why);
    }

    public Need revise(NeedDetails next) {
        if (!open()) {
            throw new RuleViolation("A " + status + " need is closed and cannot be edited");
        }
        return new Need(id, version + 1, ownerId, next, status, statusReason);
    }

    /** A new version recording that an action now addresses the need. */
    public Need linked() {
        if (!open()) {
            throw new RuleViolation("A " + status + " need is closed; actions are no longer linked to it");
        }
        return new Need(id, version + 1, ownerId, details, status, statusReason);
    }
}
