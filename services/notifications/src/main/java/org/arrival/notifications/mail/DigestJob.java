package org.arrival.notifications.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.notifications.routing.Firewall;
import org.arrival.notifications.texts.Notice;
import org.arrival.notifications.texts.Texts;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.directory.ReadSql;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily digest: for every active e-mail subscription with frequency {@code DAILY_DIGEST} that has unsent
 * {@code digest_item}s added up to the end of the day, one e-mail {@code delivery} (event id
 * {@code digest:<subscription>:<day>}, so at most one per subscription and day, worded in the subscription's
 * language) listing them oldest first, after
 * which the items count as sent. Each subscription is handled in a transaction of its own; the delivery worker
 * sends the e-mail. Items that missed an earlier digest (the job did not run that day) go into the next one rather
 * than being lost. An item naming an organisation hidden from the subscriber's organisation by the read policy
 * (one that became hidden from enforcement bodies since it was routed) is left out and counts as sent.
 */
@Component
public class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final String linkBase;
    private final Texts texts;

    public DigestJob(
            JdbcTemplate jdbc,
            Organisations organisations,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${arrival.notifications.mail.digest-zone:}") String zone,
            @Value("${arrival.notifications.link-base:}") String linkBase,
            Texts texts) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.texts = texts;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        // the cron runs in the JVM's zone, so days are the JVM's days unless told otherwise
        this.zone = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    /** At the configured hour: the digest of the day that has just ended. */
    @Scheduled(cron = "${arrival.notifications.mail.digest-cron}")
    public void scheduled() {
        run(LocalDate.ofInstant(clock.instant(), zone).minusDays(1));
    }

    /**
     * Queues the digest of {@code day} for every subscription with unsent items added before the day's end.
     *
     * @return how many digest e-mails were queued
     */
    public int run(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Subscriber> subscribers = jdbc.query(
                """
                SELECT s.id, s.address, s.owner_org, s.language FROM subscription s
                 WHERE s.frequency = 'DAILY_DIGEST' AND s.channel = 'EMAIL' AND s.active AND s.address IS NOT NULL
                   AND EXISTS (SELECT 1 FROM digest_item di
                                WHERE di.subscription_id = s.id AND di.sent_at IS NULL AND di.added_at < ?)
                 ORDER BY s.id
                """,
                (rs, n) -> new Subscriber(
                        rs.getObject("id", UUID.class),
                        rs.getString("address"),
                        rs.getObject("owner_org", UUID.class),
                        rs.getString("language")),
                Timestamp.from(end));
        int queued = 0;
        for (Subscriber s : subscribers) {
            try {
                Boolean done = tx.execute(status -> digest(s, day, end));
                if (Boolean.TRUE.equals(done)) {
                    queued++;
                }
            } catch (RuntimeException e) {
                log.error("could not queue the {} digest of subscription {}", day, s.id(), e);
            }
        }
        if (queued > 0) {
            log.info("queued {} digest e-mail(s) for {}", queued, day);
        }
        return queued;
    }

    private boolean digest(Subscriber s, LocalDate day, Instant end) {
        Set<UUID> hidden =
                organisations.viewer(Firewall.recipient(s.organisation())).hiddenOrganisations();
        List<Item> all = jdbc.query(
                """
                SELECT di.notification_id, n.title, n.link, n.occurred_at, n.code, n.parameters,
                       n.organisations && ?::uuid[] AS withheld
                  FROM digest_item di
                  JOIN notification n ON n.id = di.notification_id
                 WHERE di.subscription_id = ? AND di.sent_at IS NULL AND di.added_at < ?
                 ORDER BY n.occurred_at, n.created_at, n.id
                   FOR UPDATE OF di
                """,
                (rs, n) -> new Item(
                        rs.getObject("notification_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("link"),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getBoolean("withheld"),
                        notice(rs.getString("code"), rs.getString("parameters"))),
                ReadSql.array(hidden),
                s.id(),
                Timestamp.from(end));
        if (all.isEmpty()) {
            return false; // another instance got there first
        }
        List<Item> items = all.stream().filter(i -> !i.withheld()).toList();
        Locale language = texts.language(s.language());
        if (items.isEmpty()) {
            markSent(s, all);
            return false;
        }
        int inserted = jdbc.update(
                """
                INSERT INTO delivery (id, channel, subscription_id, event_id, target, subject, payload, status,
                                      attempts, next_attempt_at, created_at)
                VALUES (?, 'EMAIL', ?, ?, ?, ?, ?, 'PENDING', 0, now(), now())
                ON CONFLICT (subscription_id, event_id) WHERE channel = 'EMAIL' DO NOTHING
                """,
                UUID.randomUUID(),
                s.id(),
                "digest:" + s.id() + ":" + day,
                s.address(),
                texts.digestSubject(language, day, items.size()),
                texts.digestBody(
                        language,
                        day,
                        items.stream()
                                .map(i -> new Texts.DigestItem(
                                        i.notice(),
                                        i.title(),
                                        link(i.link()),
                                        i.occurredAt().toInstant()))
                                .toList(),
                        zone));
        if (inserted == 0) {
            // this day's digest went out already; these items wait for the next one
            return false;
        }
        markSent(s, all);
        return true;
    }

    private void markSent(Subscriber s, List<Item> items) {
        jdbc.batchUpdate(
                "UPDATE digest_item SET sent_at = now() WHERE subscription_id = ? AND notification_id = ?",
                items.stream()
                        .map(i -> new Object[] {s.id(), i.notificationId()})
                        .toList());
    }

    /** What the notification says, for wording it in the subscriber's language; null for one routed without a code. */
    private static @Nullable Notice notice(@Nullable String code, String parameters) {
        if (code == null) {
            return null;
        }
        return new Notice(code, parameters == null ? Map.of() : JSON.readValue(parameters, PARAMETERS));
    }

    /** Links are kept as stored when absolute, else resolved against {@code arrival.notifications.link-base}. */
    private String link(String link) {
        if (link.startsWith("http://") || link.startsWith("https://") || linkBase.isEmpty()) {
            return link;
        }
        return linkBase + (link.startsWith("/") ? link : "/" + link);
    }

    private record Subscriber(UUID id, String address, UUID organisation, String language) {}

    private record Item(
            UUID notificationId,
            String title,
            String link,
            OffsetDateTime occurredAt,
            boolean withheld,
            @Nullable Notice notice) {}
}
