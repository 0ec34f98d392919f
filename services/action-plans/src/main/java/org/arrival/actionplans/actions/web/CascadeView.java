package org.arrival.actionplans.actions.web;

import java.util.List;
import java.util.UUID;

import org.arrival.actionplans.actions.application.ActionService.CascadeResult;
import org.arrival.contracts.actionplans.ActionStatus;

/**
 * A commitment's vertical cascade: the implementing actions the caller may read, how many others there are, the
 * weighted roll-up of progress over all non-cancelled children (null when there is none) and the expected
 * implementers with no non-cancelled implementing action.
 */
public record CascadeView(UUID actionId, List<ChildView> children, int childrenNotShown, Double percentComplete,
        List<UUID> missingImplementers) {

    /** One implementing action; {@code latestPercent} is null until it reports. */
    public record ChildView(UUID id, UUID ownerId, String title, ActionStatus status, int weight,
            Integer latestPercent) {
    }

    public static CascadeView of(CascadeResult r) {
        return new CascadeView(r.parent().id(), r.children().stream()
                .map(c -> new ChildView(c.actionId(), c.ownerId(), c.title(), c.status(), c.weight(), c.latestPercent()))
                .toList(), r.childrenNotShown(), r.percentComplete(), r.missingImplementers());
    }
}
