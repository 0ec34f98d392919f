package org.arrival.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.arrival.notifications.delivery.Deliveries;
import org.arrival.notifications.delivery.DeliveryWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** E-mail deliveries through the service's own worker and channel, to a real SMTP server. */
class EmailDeliveryTest extends MailTestSupport {

    @Autowired
    DeliveryWorker worker;

    @Value("${arrival.notifications.delivery.max-attempts}")
    int maxAttempts;

    @Value("${arrival.notifications.delivery.initial-backoff}")
    java.time.Duration initialBackoff;

    @AfterEach
    void smtpServerBackUp() {
        SmtpServer.start();
    }

    @Test
    void sendsAPlainTextUtf8MessageFromTheConfiguredSender() throws Exception {
        String to = recipient();
        UUID id = Deliveries.insert(
                jdbc,
                "EMAIL",
                to,
                "Bedarf geändert: Unterkünfte in Köln",
                "Grüße aus Köln — 3 neue Plätze.\nhttps://arrival.example/needs/1");

        worker.runDue();

        Map<String, Object> row = Deliveries.row(jdbc, id);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_status")).isEqualTo(250);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(SmtpServer.receivedBy(to)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Bedarf geändert: Unterkünfte in Köln");
            assertThat(m.getFrom()).singleElement().satisfies(from -> {
                assertThat(((InternetAddress) from).getAddress()).isEqualTo("notifications@arrival.local");
                assertThat(((InternetAddress) from).getPersonal()).isEqualTo("Arrival");
            });
            assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(body(m)).isEqualTo("Grüße aus Köln — 3 neue Plätze.\nhttps://arrival.example/needs/1");
        });
    }

    @Test
    void whileTheServerIsDownTheMessageWaitsAndIsSentOnceWhenItIsBack() throws Exception {
        String to = recipient();
        UUID id = Deliveries.insert(jdbc, "EMAIL", to, "Retry", "body");

        SmtpServer.stop();
        worker.runDue();

        Map<String, Object> failed = Deliveries.row(jdbc, id);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("attempts")).isEqualTo(1);
        double backoff = initialBackoff.toMillis() / 1000.0;
        assertThat(((Number) failed.get("due_in_seconds")).doubleValue()).isBetween(backoff - 2.0, backoff + 0.5);
        assertThat((String) failed.get("last_error")).containsIgnoringCase("connect");
        assertThat(failed.get("sent_at")).isNull();

        SmtpServer.start();
        worker.runDue(); // not due yet
        assertThat(Deliveries.status(jdbc, id)).isEqualTo("FAILED");
        assertThat(SmtpServer.receivedBy(to)).isEmpty();

        Deliveries.makeDue(jdbc, id);
        worker.runDue();
        worker.runDue();

        Map<String, Object> sent = Deliveries.row(jdbc, id);
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(sent.get("attempts")).isEqualTo(2);
        assertThat(SmtpServer.receivedBy(to)).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        String to = recipient();
        UUID id = Deliveries.insert(jdbc, "EMAIL", to, "Never", "body");

        SmtpServer.stop();
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            worker.runDue();
            assertThat(Deliveries.row(jdbc, id))
                    .containsEntry("status", "FAILED")
                    .containsEntry("attempts", attempt);
            Deliveries.makeDue(jdbc, id);
        }
        worker.runDue();

        assertThat(Deliveries.row(jdbc, id)).containsEntry("status", "DEAD").containsEntry("attempts", maxAttempts);
        SmtpServer.start();
        Deliveries.makeDue(jdbc, id);
        worker.runDue();
        assertThat(Deliveries.status(jdbc, id)).isEqualTo("DEAD");
        assertThat(SmtpServer.receivedBy(to)).isEmpty();
    }

    @Test
    void anAddressThatIsNoAddressIsDeadAtOnce() {
        UUID id = Deliveries.insert(jdbc, "EMAIL", "not an address", "Hello", "body");

        worker.runDue();

        Map<String, Object> row = Deliveries.row(jdbc, id);
        assertThat(row.get("status")).isEqualTo("DEAD");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).startsWith("invalid address");
    }

    static String recipient() {
        return "member-" + UUID.randomUUID() + "@forum.example";
    }

    static String body(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n").strip();
    }
}
