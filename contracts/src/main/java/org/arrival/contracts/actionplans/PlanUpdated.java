package org.arrival.contracts.actionplans;

import java.util.List;
import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A plan was edited or moved along its lifecycle. */
public record PlanUpdated(
        Plan plan,
        Actor actor,
        List<String> changedFields,
        @Nullable String reason) {}
