package org.arrival.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.arrival.contracts.CloudEventHeaders;

/** One record read back from a topic: key, CloudEvents headers and the JSON payload. */
public record RecordedEvent(String topic, int partition, long offset, String key, Map<String, String> headers, byte[] payload) {

    public String header(String name) {
        return headers.get(name);
    }

    public String type() {
        return headers.get(CloudEventHeaders.TYPE);
    }

    public String subject() {
        return headers.get(CloudEventHeaders.SUBJECT);
    }

    public String id() {
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
