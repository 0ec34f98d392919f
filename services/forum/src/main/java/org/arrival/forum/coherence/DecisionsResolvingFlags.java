package org.arrival.forum.coherence;

import org.arrival.contracts.registry.DecisionRecorded;
import org.arrival.forum.projection.DecisionsRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A forum's decision to resolve flags resolves them: in the transaction that applied the decision, so the flags'
 * changes (and their events in the outbox) are committed with it, once.
 */
@Component
public class DecisionsResolvingFlags {

    private final CoherenceChecker checker;

    public DecisionsResolvingFlags(CoherenceChecker checker) {
        this.checker = checker;
    }

    @EventListener
    public void on(DecisionsRecorded recorded) {
        for (DecisionRecorded d : recorded.decisions()) {
            checker.resolveBy(d.decision(), d.actor());
        }
    }
}
