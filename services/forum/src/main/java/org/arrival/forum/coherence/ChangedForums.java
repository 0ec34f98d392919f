package org.arrival.forum.coherence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.ProjectionChanged;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Touch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the coherence checks of the forums an applied event may change, a few seconds after it (changes arriving
 * together make one run per forum): only those forums are checked, not every forum every minute. Flags' own events
 * trigger nothing. The daily pass of {@link CoherenceChecker#checkAll()} catches what only the date changes (reports
 * falling overdue, evidence going stale).
 */
@Component
public class ChangedForums {

    private static final Logger LOG = LoggerFactory.getLogger(ChangedForums.class);

    // keyed by what decides the forums a touch concerns: a load of events touching the same forums the same way
    // waits as one touch, however many events it holds
    private final ConcurrentHashMap<List<Object>, Touch> pending = new ConcurrentHashMap<>();
    // the first run checks every forum: what changed while the service was down
    private final AtomicBoolean everyForum = new AtomicBoolean(true);
    private final CoherenceChecker checker;
    private final Generations generations;

    public ChangedForums(CoherenceChecker checker, Generations generations) {
        this.checker = checker;
        this.generations = generations;
    }

    /** Notes what a committed event touched (a rebuilt view: every forum). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void committed(ProjectionChanged change) {
        if (change.wholeView()) {
            everyForum.set(true);
            return;
        }
        for (Touch t : change.touches()) {
            if (t.sources().isEmpty()) {
                pending.putIfAbsent(t.reach(), t);
            }
        }
    }

    /** Checks the forums touched since the last run; returns them. */
    @Scheduled(
            fixedDelayString = "${arrival.forum.coherence.changed-delay:PT5S}",
            initialDelayString = "${arrival.forum.coherence.initial-delay:PT1M}")
    public List<UUID> checkChanged() {
        List<Touch> touches = new ArrayList<>();
        for (List<Object> reach : pending.keySet()) {
            Touch t = pending.remove(reach);
            if (t != null) {
                touches.add(t);
            }
        }
        boolean all = everyForum.getAndSet(false);
        if (touches.isEmpty() && !all) {
            return List.of();
        }
        JdbcStore store = generations.activeStore();
        // each forum's row and seats are read once a run, however many touches ask about them
        Map<UUID, Optional<ForumRow>> rows = new HashMap<>();
        Map<UUID, List<MembershipRow>> seats = new HashMap<>();
        List<UUID> forums = new ArrayList<>();
        for (UUID forum : checker.forums()) {
            if (all
                    || touches.stream()
                            .anyMatch(t -> t.concerns(
                                    forum,
                                    id -> rows.computeIfAbsent(id, store::forum),
                                    id -> seats.computeIfAbsent(id, store::membershipsOf)))) {
                forums.add(forum);
            }
        }
        for (UUID forum : forums) {
            try {
                checker.check(forum);
            } catch (RuntimeException e) {
                LOG.warn("coherence check of forum {} after a change failed", forum, e);
            }
        }
        return forums;
    }

    /** How many distinct touches wait for the next run (for tests and metrics). */
    public int waiting() {
        return pending.size();
    }
}
