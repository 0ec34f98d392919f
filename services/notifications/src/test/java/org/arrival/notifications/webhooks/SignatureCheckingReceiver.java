package org.arrival.notifications.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.arrival.notifications.webhooks.WebhookReceiver.Received;

/**
 * A receiver that checks deliveries as the README's Webhooks section tells receivers to, written without the
 * production code: the timestamp within the tolerance, the signature over {@code <timestamp>.<delivery id>.<body>}
 * compared in constant time, and the delivery ids it accepted remembered for as long as their timestamps are
 * within the tolerance.
 */
final class SignatureCheckingReceiver {

    enum Verdict {
        /** Signed by the secret, fresh, not seen before: do the work. */
        ACCEPTED,
        /** Signed and fresh, but its delivery id was accepted before (a retry or a replay): answer 2xx, do nothing. */
        REPEATED,
        /** Not signed over this timestamp, delivery id and body with the secret: answer 401. */
        BAD_SIGNATURE,
        /** Its timestamp is outside the tolerance: answer 401. */
        STALE
    }

    private final byte[] secret;
    private final Duration tolerance;
    private final Map<String, Instant> accepted = new HashMap<>();

    SignatureCheckingReceiver(String secret, Duration tolerance) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    Verdict receive(Received request, Instant now) throws Exception {
        accepted.values().removeIf(at -> at.isBefore(now.minus(tolerance)));
        String timestamp = request.header("X-Arrival-Timestamp");
        String delivery = request.header("X-Arrival-Delivery");
        String signature = request.header("X-Arrival-Signature");
        if (timestamp == null || delivery == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return Verdict.BAD_SIGNATURE;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(tolerance) > 0) {
            return Verdict.STALE;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update((timestamp + "." + delivery + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.BAD_SIGNATURE;
        }
        return accepted.putIfAbsent(delivery, sent) == null ? Verdict.ACCEPTED : Verdict.REPEATED;
    }
}
