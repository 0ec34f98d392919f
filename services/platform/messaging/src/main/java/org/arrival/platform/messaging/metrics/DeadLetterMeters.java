package org.arrival.platform.messaging.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code arrival.deadletters} ({@code arrival_deadletters_total}): events this instance sent to a dead-letter topic,
 * tagged with the {@code topic} they were read from. The topics a service's consumers read start at 0, so that the
 * first dead letter is an increase.
 */
public class DeadLetterMeters implements Consumer<String>, MeterBinder {

    public static final String NAME = "arrival.deadletters";

    private final Supplier<@Nullable MeterRegistry> registry;
    private final List<String> consumedTopics;

    /** @param registry asked when an event is dead-lettered (none: nothing is counted) */
    public DeadLetterMeters(Supplier<@Nullable MeterRegistry> registry, List<String> consumedTopics) {
        this.registry = registry;
        this.consumedTopics = List.copyOf(consumedTopics);
    }

    /** Registers the counters of the consumed topics at 0. */
    @Override
    public void bindTo(MeterRegistry registry) {
        consumedTopics.forEach(topic -> counter(registry, topic));
    }

    /** One event read from the topic was dead-lettered. */
    @Override
    public void accept(String topic) {
        MeterRegistry r = registry.get();
        if (r != null) {
            counter(r, topic).increment();
        }
    }

    private static Counter counter(MeterRegistry registry, String topic) {
        return Counter.builder(NAME)
                .description("Events dead-lettered after their retries, by the topic they were read from")
                .tag("topic", topic)
                .register(registry);
    }
}
