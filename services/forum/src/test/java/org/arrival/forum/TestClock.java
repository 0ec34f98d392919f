package org.arrival.forum;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The forum service's clock in its integration tests: the system's, unless a test sets an instant (and resets it
 * after), so that a test can read the views the day before and the day after a due date. Every integration test
 * shares it, so they share one application context.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    @TestConfiguration
    public static class Configuration {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }

    public void set(String instant) {
        fixed = Instant.parse(instant);
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }
}
