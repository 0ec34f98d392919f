package org.arrival.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.notifications.delivery.DeliveryWorker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily digest, queued by the job and sent by the worker to the real SMTP server. */
class DigestJobTest extends MailTestSupport {

    @Autowired
    DigestJob digest;

    @Autowired
    DeliveryWorker worker;

    private final LocalDate today = LocalDate.now(ZoneId.systemDefault());

    @Test
    void oneEmailListsTheDaysItemsOldestFirstAndARerunSendsNothingNew() throws Exception {
        String address = EmailDeliveryTest.recipient();
        UUID subscription = subscription(address, "DAILY_DIGEST", true);
        UUID older = notification("Need updated: shelter in Graz", "/needs/1", "2 hours");
        UUID newer = notification("Action plan published: Linz", "https://arrival.example/plans/7", "1 hour");
        item(subscription, newer);
        item(subscription, older);

        assertThat(digest.run(today)).isEqualTo(1);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT channel, event_id, target, subject, payload, status FROM delivery WHERE subscription_id = ?",
                subscription);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("channel")).isEqualTo("EMAIL");
            assertThat(r.get("event_id")).isEqualTo("digest:" + subscription + ":" + today);
            assertThat(r.get("target")).isEqualTo(address);
            assertThat(r.get("status")).isEqualTo("PENDING");
        });
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM digest_item WHERE subscription_id = ? AND sent_at IS NULL",
                        Integer.class,
                        subscription))
                .isZero();

        worker.runDue();

        List<MimeMessage> received = SmtpServer.receivedBy(address);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject())
                .isEqualTo("Arrival daily digest for "
                        + today.format(
                                java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH))
                        + ": 2 updates");
        String body = EmailDeliveryTest.body(mail);
        assertThat(body)
                .contains(
                        "Need updated: shelter in Graz",
                        "http://127.0.0.1:8080/needs/1",
                        "Action plan published: Linz",
                        "https://arrival.example/plans/7");
        assertThat(body.indexOf("shelter in Graz")).isLessThan(body.indexOf("published: Linz"));
        assertThat(body).containsPattern("\\w{3} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}.[AP]M \\(");

        // again: nothing new is queued or sent
        assertThat(digest.run(today)).isZero();
        worker.runDue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM delivery WHERE subscription_id = ?", Integer.class, subscription))
                .isEqualTo(1);
        assertThat(SmtpServer.receivedBy(address)).hasSize(1);
    }

    @Test
    void itemsAddedAfterTheDayWaitForTheirOwnDigest() {
        UUID subscription = subscription(EmailDeliveryTest.recipient(), "DAILY_DIGEST", true);
        item(subscription, notification("Later", "/x", "1 minute"));

        assertThat(digest.run(today.minusDays(1))).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM delivery WHERE subscription_id = ?", Integer.class, subscription))
                .isZero();

        assertThat(digest.run(today)).isEqualTo(1);
    }

    @Test
    void onlyActiveDigestSubscriptionsGetADigest() {
        UUID immediate = subscription(EmailDeliveryTest.recipient(), "IMMEDIATE", true);
        UUID inactive = subscription(EmailDeliveryTest.recipient(), "DAILY_DIGEST", false);
        item(immediate, notification("A", "/a", "1 minute"));
        item(inactive, notification("B", "/b", "1 minute"));

        digest.run(today);

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM delivery WHERE subscription_id IN (?, ?)",
                        Integer.class,
                        immediate,
                        inactive))
                .isZero();
    }

    @Test
    void aDigestAlreadyQueuedForTheDayLeavesNewItemsForTheNextOne() {
        UUID subscription = subscription(EmailDeliveryTest.recipient(), "DAILY_DIGEST", true);
        item(subscription, notification("First", "/1", "10 minutes"));
        assertThat(digest.run(today)).isEqualTo(1);

        UUID late = notification("Second", "/2", "1 minute");
        item(subscription, late);
        assertThat(digest.run(today)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT sent_at IS NULL FROM digest_item WHERE notification_id = ?", Boolean.class, late))
                .isTrue();

        assertThat(digest.run(today.plusDays(1))).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT payload FROM delivery WHERE event_id = ?",
                        String.class,
                        "digest:" + subscription + ":" + today.plusDays(1)))
                .singleElement()
                .asString()
                .contains("Second")
                .doesNotContain("First");
    }

    private UUID subscription(String address, String frequency, boolean active) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO subscription (id, version, owner_org, user_id, channel, address, frequency, active,
                                          created_at, created_by, updated_at, updated_by)
                VALUES (?, 1, ?, 'user-1', 'EMAIL', ?, ?, ?, now(), 'test', now(), 'test')
                """, id, UUID.randomUUID(), address, frequency, active);
        return id;
    }

    private UUID notification(String title, String link, String ago) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO notification (id, event_id, event_type, subject_id, recipient_org, title, body, link,
                                          classification, occurred_at, created_at)
                VALUES (?, ?, 'NeedUpdated', ?, ?, ?, 'body', ?, 'PUBLIC', now() - ?::interval, now())
                """, id, "event-" + id, UUID.randomUUID().toString(), UUID.randomUUID(), title, link, ago);
        return id;
    }

    private void item(UUID subscription, UUID notification) {
        jdbc.update(
                "INSERT INTO digest_item (subscription_id, notification_id, added_at) VALUES (?, ?, now())",
                subscription,
                notification);
    }
}
