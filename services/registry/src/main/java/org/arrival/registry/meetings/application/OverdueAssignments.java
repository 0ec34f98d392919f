package org.arrival.registry.meetings.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.registry.AssignmentOverdue;
import org.arrival.registry.meetings.domain.Assignment;
import org.arrival.registry.meetings.persistence.AssignmentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes AssignmentOverdue once for each open assignment whose due date has passed (table assignment_overdue
 * remembers it). Runs every day shortly after midnight UTC and once when the service has started, so what fell due
 * while it was down is announced then; each assignment in its own transaction.
 */
@Component
public class OverdueAssignments {

    private static final Logger log = LoggerFactory.getLogger(OverdueAssignments.class);

    private final AssignmentRepository assignments;
    private final ForumAccess access;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final boolean checkAtStart;

    public OverdueAssignments(
            AssignmentRepository assignments,
            ForumAccess access,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${arrival.registry.assignments.check-at-start:true}") boolean checkAtStart) {
        this.assignments = assignments;
        this.access = access;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.checkAtStart = checkAtStart;
    }

    @Scheduled(cron = "${arrival.registry.assignments.overdue-cron}", zone = "UTC")
    public void scheduled() {
        List<UUID> sent = check(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (!sent.isEmpty()) {
            log.info("overdue assignments: {} announced", sent.size());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        if (!checkAtStart) {
            return;
        }
        Thread.ofVirtual().name("overdue-assignments-at-start").start(() -> {
            try {
                scheduled();
            } catch (RuntimeException e) {
                log.error("overdue assignments check at start-up failed", e);
            }
        });
    }

    /** Announces every open assignment due before {@code today} not announced yet; returns the ones announced. */
    public List<UUID> check(LocalDate today) {
        return check(today, assignments.openDueBefore(today));
    }

    /** Announces those of the given assignments that are open and overdue on {@code today} and not announced yet. */
    public List<UUID> check(LocalDate today, Collection<UUID> ids) {
        List<UUID> sent = new ArrayList<>();
        for (UUID id : ids) {
            try {
                Boolean published = tx.execute(status -> announce(id, today));
                if (Boolean.TRUE.equals(published)) {
                    sent.add(id);
                }
            } catch (RuntimeException e) {
                log.error("overdue check of assignment {} failed", id, e);
            }
        }
        return sent;
    }

    private boolean announce(UUID id, LocalDate today) {
        Optional<Assignment> found = assignments.findForUpdate(id);
        if (found.isEmpty() || !found.get().overdueOn(today)) {
            return false;
        }
        Assignment a = found.get();
        Instant at = clock.instant();
        if (!assignments.noteOverdue(a, at)) {
            return false;
        }
        access.publish(access.forum(a.forumId()), new AssignmentOverdue(a.toContract(), a.daysOverdue(today)), at);
        return true;
    }
}
