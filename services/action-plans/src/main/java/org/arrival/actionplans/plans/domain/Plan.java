package org.arrival.actionplans.plans.domain;

import static org.arrival.contracts.actionplans.PlanStatus.ADOPTED;
import static org.arrival.contracts.actionplans.PlanStatus.CLOSED;
import static org.arrival.contracts.actionplans.PlanStatus.DRAFT;
import static org.arrival.contracts.actionplans.PlanStatus.IN_IMPLEMENTATION;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A plan and its lifecycle: DRAFT, ADOPTED, IN_IMPLEMENTATION, CLOSED, one step at a time; a plan may also be
 * CLOSED early (withdrawn or superseded) from any open state, with a reason. A CLOSED plan is not edited.
 */
public record Plan(UUID id, long version, UUID ownerId, PlanDetails details, PlanStatus status) {

    public static final int MAX_REASON = 2000;

    private static final Map<PlanStatus, Set<PlanStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(ADOPTED, CLOSED),
            ADOPTED, EnumSet.of(IN_IMPLEMENTATION, CLOSED),
            IN_IMPLEMENTATION, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(PlanStatus.class));

    public static Plan draft(UUID id, UUID ownerId, PlanDetails details) {
        return new Plan(id, 1, ownerId, details, DRAFT);
    }

    public static boolean allowed(PlanStatus from, PlanStatus to) {
        return next(from).contains(to);
    }

    private static Set<PlanStatus> next(PlanStatus from) {
        return Objects.requireNonNull(NEXT.get(from), "NEXT names every status");
    }

    public boolean open() {
        return status != CLOSED;
    }

    /** The plan moved to {@code target}; closing before implementation needs a reason. Returns the reason kept. */
    public Plan moveTo(PlanStatus target, @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (target == null) {
            throw InvalidInput.field("status", "is required");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw InvalidInput.field("reason", "must be at most " + MAX_REASON + " characters");
        }
        if (!allowed(status, target)) {
            throw new RuleViolation("A plan that is " + status + " cannot become " + target
                    + (next(status).isEmpty() ? "" : "; it can become " + next(status)));
        }
        if (target == CLOSED && status != IN_IMPLEMENTATION && why == null) {
            throw InvalidInput.field("reason", "is required to close a plan that was never implemented");
        }
        return new Plan(id, version + 1, ownerId, details, target);
    }

    public Plan revise(PlanDetails next) {
        if (!open()) {
            throw new RuleViolation("A CLOSED plan cannot be edited");
        }
        return new Plan(id, version + 1, ownerId, next, status);
    }
}
