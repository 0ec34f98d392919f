package org.arrival.notifications.delivery;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A channel for the worker's tests: answers as told and remembers what it was handed, in order. */
final class FakeChannel implements DeliveryChannel {

    private final String name;
    private final Function<PendingDelivery, DeliveryOutcome> answer;
    final List<PendingDelivery> handed = new CopyOnWriteArrayList<>();

    FakeChannel(String name, Function<PendingDelivery, DeliveryOutcome> answer) {
        this.name = name;
        this.answer = answer;
    }

    /** A channel with a name no other test (nor the real channels) uses, so it only ever sees its own rows. */
    static FakeChannel unique(String prefix, Function<PendingDelivery, DeliveryOutcome> answer) {
        return new FakeChannel(prefix + "-" + UUID.randomUUID(), answer);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryOutcome deliver(PendingDelivery delivery) {
        handed.add(delivery);
        return answer.apply(delivery);
    }

    List<UUID> ids() {
        return handed.stream().map(PendingDelivery::id).toList();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
