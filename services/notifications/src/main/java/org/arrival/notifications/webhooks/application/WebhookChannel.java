package org.arrival.notifications.webhooks.application;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.arrival.notifications.delivery.DeliveryChannel;
import org.arrival.notifications.delivery.DeliveryOutcome;
import org.arrival.notifications.delivery.PendingDelivery;
import org.arrival.notifications.webhooks.domain.TargetGuard;
import org.arrival.notifications.webhooks.domain.UnsafeTarget;
import org.arrival.notifications.webhooks.domain.WebhookSignature;
import org.arrival.notifications.webhooks.persistence.WebhookRepository;
import org.arrival.notifications.webhooks.persistence.WebhookRepository.StoredWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@code WEBHOOK} delivery channel: POSTs the CloudEvent of a delivery, signed with the webhook's secret over
 * the timestamp, the delivery id and the body ({@link WebhookSignature}), to the webhook's current URL (checked again before every call), and keeps count of consecutive failures, disabling the
 * webhook once they reach {@code arrival.notifications.webhooks.disable-after}. Redirects are never followed: a
 * redirect could lead the platform to a target the guard would refuse.
 */
@Component
public class WebhookChannel implements DeliveryChannel {

    public static final String NAME = "WEBHOOK";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    public static final String SIGNATURE_HEADER = "X-Arrival-Signature";
    public static final String DELIVERY_HEADER = "X-Arrival-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Arrival-Timestamp";

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);
    private static final int MAX_ERROR = 500;

    private final WebhookRepository webhooks;
    private final TargetGuard guard;
    private final int disableAfter;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    @Autowired
    public WebhookChannel(
            WebhookRepository webhooks, TargetGuard guard, WebhookProperties properties, ObjectProvider<Clock> clock) {
        this(webhooks, guard, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    public WebhookChannel(WebhookRepository webhooks, TargetGuard guard, WebhookProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.guard = guard;
        this.disableAfter = properties.disableAfter();
        this.timeout = properties.timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryOutcome deliver(PendingDelivery delivery) {
        if (delivery.webhookId() == null) {
            return DeliveryOutcome.giveUp(null, "the delivery names no webhook");
        }
        StoredWebhook webhook = webhooks.find(delivery.webhookId()).orElse(null);
        if (webhook == null) {
            return DeliveryOutcome.giveUp(null, "webhook deleted");
        }
        if (!webhook.active()) {
            return DeliveryOutcome.giveUp(null, "webhook disabled");
        }
        DeliveryOutcome outcome = attempt(webhook, delivery);
        if (outcome.delivered()) {
            webhooks.recordSuccess(webhook.id());
        } else if (webhooks.recordFailure(webhook.id(), disableAfter, clock.instant())) {
            log.warn(
                    "webhook {} of {} disabled after {} consecutive failed deliveries, the last: {}",
                    webhook.id(),
                    webhook.ownerOrg(),
                    disableAfter,
                    outcome.error());
        }
        return outcome;
    }

    private DeliveryOutcome attempt(StoredWebhook webhook, PendingDelivery delivery) {
        URI target;
        try {
            target = guard.check(webhook.url());
        } catch (UnsafeTarget e) {
            return e.unresolvable()
                    ? DeliveryOutcome.retryLater(null, e.reason())
                    : DeliveryOutcome.giveUp(null, "target refused: " + e.reason());
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        String deliveryId = delivery.id().toString();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", "Arrival-Webhooks/1")
                .header(SIGNATURE_HEADER, WebhookSignature.sign(webhook.secret(), timestamp, deliveryId, body))
                .header(DELIVERY_HEADER, deliveryId)
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            return DeliveryOutcome.retryLater(null, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return DeliveryOutcome.retryLater(null, truncate("connection failed: " + describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retryLater(null, "interrupted while calling the webhook");
        }
        return classify(response);
    }

    static DeliveryOutcome classify(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered(status);
        }
        if (status >= 300 && status < 400) {
            String location = response.headers()
                    .firstValue("Location")
                    .map(l -> " to " + l)
                    .orElse("");
            return DeliveryOutcome.giveUp(
                    status,
                    truncate("HTTP " + status + location + ": redirects are not followed; register the final URL"));
        }
        if (status == 408 || status == 429 || status >= 500) {
            return DeliveryOutcome.retryLater(status, "HTTP " + status);
        }
        return DeliveryOutcome.giveUp(status, "HTTP " + status + ": the receiver refused the delivery");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }
}
