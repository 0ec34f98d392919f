package org.arrival.contracts.assessments;

import java.util.List;
import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A need was edited or moved along its lifecycle; {@code changedFields} names what differs. */
public record NeedUpdated(
        Need need,
        Actor actor,
        List<String> changedFields,
        @Nullable String reason) {}
