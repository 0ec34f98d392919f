package org.arrival.e2e;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The e-mails the local stack's mail catcher kept ({@code <data dir>/mail/*.eml}), read as their readers would. */
final class Mailbox {

    /** One e-mail: to whom, its subject and its text. */
    record Mail(List<String> to, String subject, String text) {}

    private final Path dir;

    Mailbox(RunningPlatform platform) {
        this.dir = platform.settings().dataDir().resolve("mail");
    }

    /** Waits for an e-mail that satisfies the condition. */
    Mail await(Predicate<Mail> condition, Duration atMost) {
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            Optional<Mail> found = all().stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no such e-mail in " + dir + " within " + atMost);
    }

    List<Mail> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Mail> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    List<String> to = new ArrayList<>();
                    Address[] recipients = message.getAllRecipients();
                    if (recipients != null) {
                        for (Address a : recipients) {
                            to.add(a.toString());
                        }
                    }
                    mails.add(new Mail(to, message.getSubject(), text(message.getContent())));
                } catch (MessagingException e) {
                    // a file still being written: read it next time
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mails;
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart parts) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                b.append(text(part.getContent()));
            }
            return b.toString();
        }
        return String.valueOf(content);
    }
}
