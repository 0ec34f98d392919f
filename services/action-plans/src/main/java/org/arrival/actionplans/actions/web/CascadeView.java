package org.arrival.actionplans.actions.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.actions.application.ActionService.CascadeResult;
import org.arrival.contracts.actionplans.ActionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A commitment's vertical cascade as the caller may see it, as if the implementing actions they may not read did not
 * exist: the children they may read, the weighted roll-up of progress over those of them that are not cancelled
 * (absent when there is none) and the expected implementers the caller may see with no such child.
 * {@code childrenNotShown} is given only to the commitment's owner (unless it is an enforcement body): how many
 * actions implement its commitment that it may not read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CascadeView(
        UUID actionId,
        List<ChildView> children,
        @Nullable Integer childrenNotShown,
        @Nullable Double percentComplete,
        List<UUID> missingImplementers) {

    /** One implementing action; {@code latestPercent} is null until it reports. */
    public record ChildView(
            UUID id,
            UUID ownerId,
            String title,
            ActionStatus status,
            int weight,
            @Nullable Integer latestPercent) {}

    public static CascadeView of(CascadeResult r) {
        return new CascadeView(
                r.parent().id(),
                r.children().stream()
                        .map(c -> new ChildView(
                                c.actionId(), c.ownerId(), c.title(), c.status(), c.weight(), c.latestPercent()))
                        .toList(),
                r.childrenNotShown(),
                r.percentComplete(),
                r.missingImplementers());
    }
}
