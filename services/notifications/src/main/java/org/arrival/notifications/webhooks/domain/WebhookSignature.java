package org.arrival.notifications.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook secrets and the signature of a delivery: {@code v1=} followed by the lowercase hex HMAC-SHA256 of
 * {@code <timestamp>.<delivery id>.<body>} (the timestamp in decimal seconds since the epoch, the delivery id as
 * sent in {@code X-Arrival-Delivery}, then the exact body bytes), keyed with the secret's characters as UTF-8 (the
 * secret string as shown, not its base64url decoding). Signing the timestamp and the delivery id with the body, as
 * Stripe and Standard Webhooks do, is what lets a receiver refuse a captured delivery sent again: a fresh timestamp
 * or another delivery id breaks the signature. See the package documentation for how a receiver verifies it.
 */
public final class WebhookSignature {

    public static final String PREFIX = "v1=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: 32 random bytes, base64url without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code X-Arrival-Signature} header value of a delivery sent at {@code timestamp} (epoch seconds). */
    public static String sign(String secret, long timestamp, String deliveryId, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "." + deliveryId + ".").getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The first two checks of a receiver (the third, remembering delivery ids, is the receiver's own): the timestamp
     * lies within {@code tolerance} of {@code now}, and the signature is the one of this timestamp, delivery id and
     * body, compared in constant time.
     */
    public static boolean verify(
            String secret,
            String timestamp,
            String deliveryId,
            byte[] body,
            String signature,
            Instant now,
            Duration tolerance) {
        if (timestamp == null || deliveryId == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - sent) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, sent, deliveryId, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
