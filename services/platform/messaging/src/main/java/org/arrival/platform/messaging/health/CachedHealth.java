package org.arrival.platform.messaging.health;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;

/** Reuses a measurement for a while, so probes every second or two cost one round trip per period. */
final class CachedHealth {

    private final Supplier<Health> measure;
    private final long ttlNanos;
    private @Nullable Health last;
    private long measuredAt;

    CachedHealth(Duration ttl, Supplier<Health> measure) {
        this.measure = measure;
        this.ttlNanos = ttl.toNanos();
    }

    synchronized Health get() {
        long now = System.nanoTime();
        if (last == null || now - measuredAt >= ttlNanos) {
            last = measure.get();
            measuredAt = System.nanoTime();
        }
        return last;
    }
}
