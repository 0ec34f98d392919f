package org.arrival.notifications.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) per test JVM, on a free port chosen once, so that it can be stopped and
 * started again on the same port (the mail sender's {@code spring.mail.port} does not change).
 */
final class SmtpServer {

    static final String HOST = "127.0.0.1";
    private static final int PORT = freePort();
    private static GreenMail server;

    private SmtpServer() {}

    static int port() {
        return PORT;
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The messages received for one recipient, oldest first. */
    static synchronized List<MimeMessage> receivedBy(String recipient) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> addressedTo(m, recipient))
                .toList();
    }

    private static boolean addressedTo(MimeMessage m, String recipient) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
