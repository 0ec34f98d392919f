package org.arrival.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A part of the stack the {@link Supervisor} keeps running: PostgreSQL, the Kafka broker, Keycloak, a service. It
 * knows how to start itself, whether its processes run, whether it answers, and how to be killed or stopped.
 */
interface SupervisedPart {

    /** The name the stack's API and messages use, e.g. {@code forum} or {@code postgres}. */
    String name();

    /** Where its output goes. */
    Path log();

    /** Starts its processes; may return before it answers. Throws if it could not be started. */
    void launch();

    /** Whether its processes run (checked about once a second, so cheap). */
    boolean running();

    /** Whether it answers as it should: the service's liveness, a broker's cluster description, a connection. */
    boolean answering();

    /** How long it may take from {@link #launch()} until it answers. */
    Duration startupTimeout();

    /** Kills every process of the part at once, as {@code kill -9} would, and waits until they are gone. */
    void kill();

    /** Asks it to stop and waits; kills what is left after a grace period. */
    void stop();

    /** How it ended, e.g. {@code exit code 137}, when known; empty otherwise. */
    default String exit() {
        return "";
    }

    /** Waits until it answers; fails early, naming the log, if its processes end first. */
    default void awaitAnswering(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!answering()) {
            if (!running()) {
                String exit = exit();
                throw new IllegalStateException(
                        name() + " stopped" + (exit.isEmpty() ? "" : " with " + exit) + "; see " + log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        name() + " was not ready within " + timeout.toSeconds() + " s; see " + log());
            }
            ChildProcess.sleep(250);
        }
    }
}
