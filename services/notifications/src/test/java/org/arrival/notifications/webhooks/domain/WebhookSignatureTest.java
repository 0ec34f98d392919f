package org.arrival.notifications.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void secretsAre32RandomBytesInBase64Url() {
        String a = WebhookSignature.newSecret();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(a)).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
    }

    @Test
    void signsTheBodyWithHmacSha256InLowercaseHex() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        String sig = WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertThat(sig).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignature.verify("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8),
                sig)).isTrue();
        assertThat(WebhookSignature.verify("Jefe", "what do ya want for nothing!".getBytes(StandardCharsets.UTF_8),
                sig)).isFalse();
        assertThat(WebhookSignature.verify("Jeff", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8),
                sig)).isFalse();
    }
}
