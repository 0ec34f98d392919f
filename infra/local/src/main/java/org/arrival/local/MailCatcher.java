package org.arrival.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server that accepts every message the notifications service sends and writes each one as an
 * {@code .eml} file into the data directory, where any mail program can open it. Nothing leaves the machine.
 */
final class MailCatcher implements AutoCloseable {

    private final GreenMail smtp;
    private final Path outbox;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-catcher");
        t.setDaemon(true);
        return t;
    });
    private int written;
    private int writtenThisRun;

    MailCatcher(int port, Path outbox) throws IOException {
        this.outbox = Files.createDirectories(outbox);
        this.smtp = new GreenMail(new ServerSetup(port, StackSettings.HOST, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (var files = Files.list(outbox)) {
            written = (int) files.count();
        }
        writer.scheduleWithFixedDelay(this::writeNew, 1, 1, TimeUnit.SECONDS);
    }

    int received() {
        return smtp.getReceivedMessages().length;
    }

    private synchronized void writeNew() {
        MimeMessage[] messages = smtp.getReceivedMessages();
        for (int i = writtenThisRun; i < messages.length; i++) {
            written++;
            writtenThisRun++;
            try (OutputStream out = Files.newOutputStream(outbox.resolve(String.format("%06d.eml", written)))) {
                messages[i].writeTo(out);
            } catch (IOException | MessagingException e) {
                System.err.println("could not keep a caught e-mail: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeNew();
        smtp.stop();
    }
}
