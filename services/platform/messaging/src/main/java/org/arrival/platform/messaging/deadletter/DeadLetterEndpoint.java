package org.arrival.platform.messaging.deadletter;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}, for platform administrators only (the security rules keep every actuator endpoint
 * but health and info to that role).
 * <ul>
 * <li>{@code GET} lists the dead letters of this service's consumers: where each is kept, the event, the failure.</li>
 * <li>{@code POST} with {@code {"topic": ..., "partition": ..., "offset": ...}} replays one, with an empty body every
 * one; the answer says for each whether its consumer handled it. Replaying is idempotent.</li>
 * </ul>
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    static final int LIMIT = 1000;

    private final DeadLetterReplay replay;

    public DeadLetterEndpoint(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @ReadOperation
    public Map<String, Object> deadLetters() {
        List<DeadLetterReplay.DeadLetter> letters = replay.list(LIMIT);
        return Map.of("count", letters.size(), "limit", LIMIT, "items", letters);
    }

    @WriteOperation
    public Map<String, Object> replay(@Nullable String topic, @Nullable Integer partition, @Nullable Long offset) {
        List<DeadLetterReplay.Replayed> outcome;
        if (topic == null && partition == null && offset == null) {
            outcome = replay.replayAll(LIMIT);
        } else if (topic == null || partition == null || offset == null) {
            throw new InvalidEndpointRequestException(
                    "name a dead letter by topic, partition and offset, or none",
                    "name a dead letter by topic, partition and offset, or none to replay all");
        } else {
            outcome = replay.replay(topic, partition, offset)
                    .map(List::of)
                    .orElseThrow(() -> new InvalidEndpointRequestException(
                            "no dead letter at " + topic + "/" + partition + "@" + offset,
                            "no dead letter of this service at that place"));
        }
        return Map.of(
                "replayed",
                outcome.stream().filter(DeadLetterReplay.Replayed::handled).count(),
                "failed",
                outcome.stream().filter(r -> !r.handled()).count(),
                "items",
                outcome);
    }
}
