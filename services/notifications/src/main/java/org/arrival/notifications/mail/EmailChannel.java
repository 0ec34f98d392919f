package org.arrival.notifications.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.arrival.notifications.delivery.DeliveryChannel;
import org.arrival.notifications.delivery.DeliveryOutcome;
import org.arrival.notifications.delivery.PendingDelivery;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends {@code EMAIL} deliveries over SMTP: a plain-text UTF-8 message from {@code arrival.notifications.mail.from}
 * to the row's target, with the row's subject and payload. Connection and read timeouts are the SMTP client's
 * ({@code spring.mail.properties.mail.smtp.*timeout}).
 *
 * <p>What is worth retrying: refused connections, timeouts and other I/O failures, 4xx replies, failed logins (the
 * server's configuration may be fixed). What is not: 5xx replies and addresses that are no addresses.
 */
@Component
public class EmailChannel implements DeliveryChannel {

    static final String NAME = "EMAIL";
    static final String DEFAULT_SUBJECT = "Arrival notification";
    /** SMTP's reply to a message accepted for delivery (the transport throws on any other). */
    private static final int SMTP_OK = 250;

    private final JavaMailSender sender;
    private final InternetAddress from;

    public EmailChannel(JavaMailSender sender, @Value("${arrival.notifications.mail.from}") String from) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("arrival.notifications.mail.from is no e-mail address: " + from, e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryOutcome deliver(PendingDelivery delivery) {
        InternetAddress to;
        try {
            to = new InternetAddress(delivery.target(), true);
        } catch (AddressException e) {
            return DeliveryOutcome.giveUp(null, "invalid address: " + e.getMessage());
        }
        MimeMessage message;
        try {
            message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(
                    delivery.subject() == null || delivery.subject().isBlank() ? DEFAULT_SUBJECT : delivery.subject());
            helper.setText(delivery.payload(), false);
        } catch (MessagingException | MailException e) {
            return DeliveryOutcome.giveUp(null, "message could not be built: " + e.getMessage());
        }
        try {
            sender.send(message);
            return DeliveryOutcome.delivered(SMTP_OK);
        } catch (MailException e) {
            return classify(e);
        }
    }

    /** Tells failures worth retrying from those that are not. */
    static DeliveryOutcome classify(MailException e) {
        String error = describe(e);
        List<Throwable> causes = causes(e);
        for (Throwable t : causes) {
            Integer code = smtpReplyCode(t);
            if (code != null) {
                return code >= 500 ? DeliveryOutcome.giveUp(code, error) : DeliveryOutcome.retryLater(code, error);
            }
        }
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return DeliveryOutcome.giveUp(null, error);
        }
        if (e instanceof MailAuthenticationException) {
            return DeliveryOutcome.retryLater(null, error);
        }
        for (Throwable t : causes) {
            if (t instanceof IOException) {
                return DeliveryOutcome.retryLater(null, error);
            }
        }
        for (Throwable t : causes) {
            if (t instanceof AddressException
                    || (t instanceof SendFailedException sfe
                            && sfe.getInvalidAddresses() != null
                            && sfe.getInvalidAddresses().length > 0)) {
                return DeliveryOutcome.giveUp(null, error);
            }
        }
        // anything else (the server hung up, an unexpected reply): the next attempt may fare better
        return DeliveryOutcome.retryLater(null, error);
    }

    /**
     * The SMTP reply code an exception carries (Angus Mail's {@code SMTPSendFailedException},
     * {@code SMTPAddressFailedException}, ... have {@code getReturnCode()}; the implementation is only on the
     * runtime class path, hence the look-up by name).
     */
    private static @Nullable Integer smtpReplyCode(Throwable t) {
        try {
            Method m = t.getClass().getMethod("getReturnCode");
            Object code = m.invoke(t);
            if (code instanceof Integer c && c >= 400 && c < 600) {
                return c;
            }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // no reply code
        }
        return null;
    }

    /** The exception, its causes, the failed messages' exceptions and JavaMail's chained "next" exceptions. */
    private static List<Throwable> causes(Throwable top) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        List<@Nullable Throwable> todo = new ArrayList<>(List.of(top));
        while (!todo.isEmpty()) {
            Throwable t = todo.removeFirst();
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException me) {
                todo.add(me.getNextException());
            }
            if (t instanceof MailSendException mse) {
                todo.addAll(mse.getFailedMessages().values());
                todo.addAll(List.of(mse.getMessageExceptions()));
            }
        }
        return out;
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t : causes(e)) {
            String msg = t.getMessage();
            if (msg == null || b.indexOf(msg.strip()) >= 0) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName()).append(": ").append(msg.strip());
        }
        return b.toString();
    }
}
