package org.arrival.notifications.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String DELIVERY = "0b6b1f3e-2c1d-4a51-9f7e-3b1a0c2d4e5f";
    private static final byte[] BODY = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
    private static final long SENT = 1_767_225_600L;
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void secretsAre32RandomBytesInBase64Url() {
        String a = WebhookSignature.newSecret();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(a)).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
    }

    @Test
    void signsTheTimestampTheDeliveryIdAndTheBodyWithHmacSha256InLowercaseHex() {
        // python3: hmac.new(b"Jefe", b"1767225600.0b6b1f3e-...-3b1a0c2d4e5f.what do ya want for nothing?", sha256)
        assertThat(WebhookSignature.sign("Jefe", SENT, DELIVERY, BODY))
                .isEqualTo("v1=0c3f138a12840aafacf956b86b573bbb75efecb7c3834a53d12c183d1177c9e9");
    }

    @Test
    void aReceiverAcceptsOnlyTheSignedTimestampDeliveryAndBodyWithinTheTolerance() {
        String sig = WebhookSignature.sign("Jefe", SENT, DELIVERY, BODY);
        Instant now = Instant.ofEpochSecond(SENT + 20);
        assertThat(WebhookSignature.verify("Jefe", Long.toString(SENT), DELIVERY, BODY, sig, now, FIVE_MINUTES))
                .isTrue();
        // replayed later with a fresh timestamp, or under another delivery id
        assertThat(WebhookSignature.verify(
                        "Jefe",
                        Long.toString(SENT + 3600),
                        DELIVERY,
                        BODY,
                        sig,
                        Instant.ofEpochSecond(SENT + 3600),
                        FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("Jefe", Long.toString(SENT), "another", BODY, sig, now, FIVE_MINUTES))
                .isFalse();
        // replayed as it was, after the tolerance
        assertThat(WebhookSignature.verify(
                        "Jefe",
                        Long.toString(SENT),
                        DELIVERY,
                        BODY,
                        sig,
                        Instant.ofEpochSecond(SENT + 301),
                        FIVE_MINUTES))
                .isFalse();
        // another body, another secret, no or a malformed timestamp
        assertThat(WebhookSignature.verify(
                        "Jefe",
                        Long.toString(SENT),
                        DELIVERY,
                        "what do ya want for nothing!".getBytes(StandardCharsets.UTF_8),
                        sig,
                        now,
                        FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("Jeff", Long.toString(SENT), DELIVERY, BODY, sig, now, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("Jefe", null, DELIVERY, BODY, sig, now, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("Jefe", "-1", DELIVERY, BODY, sig, now, FIVE_MINUTES))
                .isFalse();
    }
}
