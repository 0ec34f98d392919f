package org.arrival.actionplans.actions.domain;

import static org.arrival.contracts.actionplans.ActionStatus.CANCELLED;
import static org.arrival.contracts.actionplans.ActionStatus.COMMITTED;
import static org.arrival.contracts.actionplans.ActionStatus.COMPLETED;
import static org.arrival.contracts.actionplans.ActionStatus.EVALUATED;
import static org.arrival.contracts.actionplans.ActionStatus.IN_PROGRESS;
import static org.arrival.contracts.actionplans.ActionStatus.ON_HOLD;
import static org.arrival.contracts.actionplans.ActionStatus.PROPOSED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * An action or commitment and its lifecycle: PROPOSED, COMMITTED, IN_PROGRESS (and back and forth to ON_HOLD),
 * COMPLETED, EVALUATED. It can be CANCELLED, with a reason, while it is not yet completed. CANCELLED and EVALUATED
 * actions are closed and not edited.
 */
public record Action(UUID id, long version, UUID ownerId, ActionDetails details, ActionStatus status) {

    public static final int MAX_REASON = 2000;

    private static final Map<ActionStatus, Set<ActionStatus>> NEXT = Map.of(
            PROPOSED, EnumSet.of(COMMITTED, CANCELLED),
            COMMITTED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, CANCELLED),
            ON_HOLD, EnumSet.of(IN_PROGRESS, CANCELLED),
            COMPLETED, EnumSet.of(EVALUATED),
            EVALUATED, EnumSet.noneOf(ActionStatus.class),
            CANCELLED, EnumSet.noneOf(ActionStatus.class));

    public static Action propose(UUID id, UUID ownerId, ActionDetails details) {
        return new Action(id, 1, ownerId, details, PROPOSED);
    }

    public static boolean allowed(ActionStatus from, ActionStatus to) {
        return next(from).contains(to);
    }

    private static Set<ActionStatus> next(ActionStatus from) {
        return Objects.requireNonNull(NEXT.get(from), "NEXT names every status");
    }

    public boolean open() {
        return status != CANCELLED && status != EVALUATED;
    }

    /** The action moved to {@code target}; cancelling needs a reason, other steps take one optionally. */
    public Action moveTo(ActionStatus target, @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (target == null) {
            throw InvalidInput.field("status", "is required");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw InvalidInput.field("reason", "must be at most " + MAX_REASON + " characters");
        }
        if (target == CANCELLED && why == null) {
            throw InvalidInput.field("reason", "is required to cancel an action");
        }
        if (!allowed(status, target)) {
            throw new RuleViolation("An action that is " + status + " cannot become " + target
                    + (next(status).isEmpty() ? "" : "; it can become " + next(status)));
        }
        return new Action(id, version + 1, ownerId, details, target);
    }

    public Action revise(ActionDetails next) {
        if (!open()) {
            throw new RuleViolation("A " + status + " action is closed and cannot be edited");
        }
        return new Action(id, version + 1, ownerId, next, status);
    }
}
