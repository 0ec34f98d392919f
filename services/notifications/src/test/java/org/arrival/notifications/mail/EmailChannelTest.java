package org.arrival.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.arrival.notifications.delivery.DeliveryOutcome;
import org.arrival.notifications.delivery.PendingDelivery;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How SMTP failures are classified: the exceptions are the ones Spring's sender and Angus Mail really throw (built
 * here for the replies GreenMail cannot be made to give), plus real sockets for refused and silent servers.
 */
class EmailChannelTest {

    private static final InternetAddress TO = address("someone@forum.example");

    @Test
    void aPermanentReplyToTheRecipientGivesUp() {
        SendFailedException invalid = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(TO, "RCPT TO:<someone@forum.example>", 550, "550 5.1.1 no such user"),
                new Address[0],
                new Address[0],
                new Address[] {TO});

        DeliveryOutcome outcome = EmailChannel.classify(failed(invalid));

        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.status()).isEqualTo(550);
        assertThat(outcome.error()).contains("no such user");
    }

    @Test
    void aTransientReplyIsRetried() {
        SendFailedException busy = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(TO, "RCPT TO:<someone@forum.example>", 451, "451 4.7.1 greylisted"),
                new Address[0],
                new Address[0],
                new Address[] {TO});
        SMTPSendFailedException full = new SMTPSendFailedException(
                "DATA",
                452,
                "452 4.3.1 insufficient storage",
                null,
                new Address[0],
                new Address[] {TO},
                new Address[0]);

        assertThat(EmailChannel.classify(failed(busy)))
                .isEqualTo(DeliveryOutcome.retryLater(
                        451, EmailChannel.classify(failed(busy)).error()));
        assertThat(EmailChannel.classify(failed(full)).retryable()).isTrue();
        assertThat(EmailChannel.classify(failed(full)).status()).isEqualTo(452);
    }

    @Test
    void aPermanentReplyToTheMessageGivesUp() {
        SMTPSendFailedException rejected = new SMTPSendFailedException(
                "DATA", 554, "554 5.7.1 message rejected", null, new Address[0], new Address[] {TO}, new Address[0]);

        DeliveryOutcome outcome = EmailChannel.classify(failed(rejected));

        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.status()).isEqualTo(554);
    }

    @Test
    void connectionFailuresAndTimeoutsAndFailedLoginsAreRetried() {
        MailConnectException refused = new MailConnectException(new SocketConnectException(
                "Connection refused", new ConnectException("Connection refused"), "127.0.0.1", 25, 5000));
        MessagingException timeout =
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));

        assertThat(EmailChannel.classify(new MailSendException(
                                "Mail server connection failed", refused, Map.of(new Object(), refused)))
                        .retryable())
                .isTrue();
        assertThat(EmailChannel.classify(failed(timeout)).retryable()).isTrue();
        assertThat(EmailChannel.classify(new MailAuthenticationException("535 authentication failed"))
                        .retryable())
                .isTrue();
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DeliveryOutcome outcome = channel(port, 2000).deliver(delivery("someone@forum.example"));

        assertThat(outcome.retryable()).isTrue();
        assertThat(outcome.status()).isNull();
        assertThat(outcome.error()).containsIgnoringCase("connect");
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsRetried() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // and never greet
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            long start = System.nanoTime();
            DeliveryOutcome outcome = channel(silent.getLocalPort(), 500).deliver(delivery("someone@forum.example"));

            assertThat(outcome.retryable()).isTrue();
            assertThat(outcome.error()).containsIgnoringCase("timed out");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
            silent.close();
            acceptor.join();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aTargetThatIsNoAddressGivesUpWithoutTalkingToAServer() {
        EmailChannel channel = channel(1, 100);

        assertThat(channel.deliver(delivery("not an address")).retryable()).isFalse();
        assertThat(channel.deliver(delivery("nobody")).retryable()).isFalse();
        assertThat(channel.deliver(delivery("a@b@c")).retryable()).isFalse();
    }

    private static EmailChannel channel(int port, int timeoutMillis) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties p = new Properties();
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        p.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
        p.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        sender.setJavaMailProperties(p);
        return new EmailChannel(sender, "Arrival <notifications@arrival.local>");
    }

    private static PendingDelivery delivery(String target) {
        return new PendingDelivery(
                UUID.randomUUID(), "EMAIL", UUID.randomUUID(), null, "e-1", target, "Subject", "Body", 0);
    }

    /** As Spring's sender reports a message the transport failed to send. */
    private static MailSendException failed(Exception e) {
        return new MailSendException(Map.of(new Object(), e));
    }

    private static InternetAddress address(String a) {
        try {
            return new InternetAddress(a, true);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
