package org.arrival.forum.projection;

import java.util.List;
import org.arrival.contracts.registry.DecisionRecorded;

/**
 * Decisions the live listener has just applied, told to whoever acts on them (a decision resolving flags) within the
 * same transaction, so that what they do is committed with the event's claim, once. A rebuild replays history and
 * tells nobody.
 */
public record DecisionsRecorded(List<DecisionRecorded> decisions) {

    public DecisionsRecorded {
        decisions = List.copyOf(decisions);
    }
}
