package org.arrival.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.arrival.contracts.CloudEventHeaders;
import org.jspecify.annotations.Nullable;

/** One record read back from a topic: key, CloudEvents headers and the JSON payload. */
public record RecordedEvent(
        String topic, int partition, long offset, @Nullable String key, Map<String, String> headers, byte[] payload) {

    public @Nullable String header(String name) {
        return headers.get(name);
    }

    public @Nullable String type() {
        return headers.get(CloudEventHeaders.TYPE);
    }

    public @Nullable String subject() {
        return headers.get(CloudEventHeaders.SUBJECT);
    }

    public @Nullable String id() {
        return headers.get(CloudEventHeaders.ID);
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset + " " + type() + " key=" + key + " " + payloadText();
    }
}
