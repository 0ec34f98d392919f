package org.arrival.actionplans.freshness.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.freshness.domain.ReportingSchedule;
import org.arrival.actionplans.freshness.domain.ReportingSchedule.Period;
import org.arrival.actionplans.freshness.persistence.ReminderRepository;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.actionplans.progress.persistence.ActionFacts;
import org.arrival.actionplans.progress.persistence.ReportRepository;
import org.arrival.contracts.actionplans.ReportDue;
import org.arrival.contracts.actionplans.ReportOverdue;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
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
 * Reporting freshness: for every action under way (COMMITTED or IN_PROGRESS) with a cadence, looks at the latest
 * reporting period that has ended. If no report covers it, a ReportDue event says when its report is due (period
 * end + grace days), and once that day has passed a ReportOverdue event says by how many days. Each is published at
 * most once per action, period and kind.
 * <p>
 * So that nothing is late without being told so, the check runs when the service has started, at every hour's first
 * seconds (the day boundary among them: a period ends, or a report falls due, at midnight UTC), and, for one action,
 * inside every write that changes its schedule (a status step, new dates or cadence: {@link #checkWithin}). The
 * scheduled runs check each action in its own transaction. What the API reads (the reporting standing, late
 * milestones) does not wait for any of this: it is derived from the due dates and the day it is read on.
 */
@Component
public class FreshnessCheck {

    private static final Logger log = LoggerFactory.getLogger(FreshnessCheck.class);

    private final ActionFacts actions;
    private final ReportRepository reports;
    private final ReminderRepository reminders;
    private final ReportingPolicy policy;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate tx;

    private final boolean checkAtStart;

    public FreshnessCheck(
            ActionFacts actions,
            ReportRepository reports,
            ReminderRepository reminders,
            ReportingPolicy policy,
            Outbox outbox,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${arrival.action-plans.reporting.check-at-start:true}") boolean checkAtStart) {
        this.checkAtStart = checkAtStart;
        this.actions = actions;
        this.reports = reports;
        this.reminders = reminders;
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${arrival.action-plans.reporting.check-cron}", zone = "UTC")
    public void scheduled() {
        Result r = check(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (!r.sent().isEmpty()) {
            log.info(
                    "reporting freshness: {} actions checked, {} reminders sent",
                    r.checked(),
                    r.sent().size());
        }
    }

    /** Once the service has started: whatever fell due while it was down is announced now, not at the next hour. */
    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        if (!checkAtStart) {
            return;
        }
        Thread.ofVirtual().name("reporting-freshness-at-start").start(() -> {
            try {
                scheduled();
            } catch (RuntimeException e) {
                log.error("reporting freshness check at start-up failed", e);
            }
        });
    }

    /**
     * Checks one action inside the caller's transaction, as of today: called by the writes that change an action's
     * schedule, so a start, a resumption or new dates announce a report already due or overdue in the same commit.
     */
    public List<Reminder> checkWithin(UUID actionId) {
        return checkAction(actionId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Checks every action under way as of {@code today}. */
    public Result check(LocalDate today) {
        return check(today, actions.underWay());
    }

    /** Checks the given actions as of {@code today} (actions not under way or without a cadence are skipped). */
    public Result check(LocalDate today, Collection<UUID> actionIds) {
        List<Reminder> sent = new ArrayList<>();
        int checked = 0;
        for (UUID id : actionIds) {
            try {
                List<Reminder> r = tx.execute(status -> checkAction(id, today));
                sent.addAll(r == null ? List.of() : r);
                checked++;
            } catch (RuntimeException e) {
                log.error("reporting freshness check of action {} failed", id, e);
            }
        }
        return new Result(checked, sent);
    }

    private List<Reminder> checkAction(UUID id, LocalDate today) {
        Optional<ActionState> found = actions.lock(id);
        if (found.isEmpty() || !found.get().expectsReports()) {
            return List.of();
        }
        ActionState action = found.get();
        Optional<Period> ended =
                ReportingSchedule.of(action, policy.graceDays()).flatMap(s -> s.latestEnded(today));
        if (ended.isEmpty() || reports.covers(id, ended.get().end())) {
            return List.of();
        }
        Period p = ended.get();
        Instant at = clock.instant();
        List<Reminder> sent = new ArrayList<>();
        if (reminders.note(id, p.end(), ReminderRepository.DUE, at)) {
            publish(action, new ReportDue(id, action.ownerId(), p.start(), p.end(), p.dueOn()), at);
            sent.add(new Reminder(id, p, ReminderRepository.DUE, 0));
        }
        if (today.isAfter(p.dueOn()) && reminders.note(id, p.end(), ReminderRepository.OVERDUE, at)) {
            int days = (int) p.daysOverdue(today);
            publish(action, new ReportOverdue(id, action.ownerId(), p.start(), p.end(), p.dueOn(), days), at);
            sent.add(new Reminder(id, p, ReminderRepository.OVERDUE, days));
        }
        return sent;
    }

    private void publish(ActionState action, Object event, Instant at) {
        outbox.append(OutgoingEvent.about(action.id(), action.ownerId(), action.classification(), event)
                .at(at));
    }

    /** A reminder published: which action and period, DUE or OVERDUE, and by how many days. */
    public record Reminder(UUID actionId, Period period, String kind, int daysOverdue) {}

    /** How many actions were checked and which reminders were published. */
    public record Result(int checked, List<Reminder> sent) {}
}
