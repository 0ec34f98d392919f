package org.arrival.contracts.actionplans;

import java.util.List;
import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** An action was edited, linked or moved along its lifecycle; {@code changedFields} names what differs. */
public record ActionUpdated(
        Action action,
        Actor actor,
        List<String> changedFields,
        @Nullable String reason) {}
