package org.arrival.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A part that is one program in its own process group: a service, the Kafka broker, Keycloak. */
final class ProcessPart implements SupervisedPart {

    private final String name;
    private final Path log;
    private final Supplier<ChildProcess> starter;
    private final BooleanSupplier answers;
    private final Duration startupTimeout;
    private final Duration grace;
    private volatile @Nullable ChildProcess process;

    /**
     * @param starter starts the program and returns at once
     * @param answers whether the running program answers
     * @param grace how long {@link #stop()} waits after SIGTERM before it kills
     */
    ProcessPart(
            String name,
            Path log,
            Supplier<ChildProcess> starter,
            BooleanSupplier answers,
            Duration startupTimeout,
            Duration grace) {
        this.name = name;
        this.log = log;
        this.starter = starter;
        this.answers = answers;
        this.startupTimeout = startupTimeout;
        this.grace = grace;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public synchronized void launch() {
        if (running()) {
            throw new IllegalStateException(name + " is already running");
        }
        process = starter.get();
    }

    @Override
    public boolean running() {
        ChildProcess p = process;
        return p != null && p.alive();
    }

    @Override
    public boolean answering() {
        return running() && answers.getAsBoolean();
    }

    @Override
    public Duration startupTimeout() {
        return startupTimeout;
    }

    @Override
    public void kill() {
        ChildProcess p = process;
        if (p != null) {
            p.kill();
        }
    }

    @Override
    public void stop() {
        ChildProcess p = process;
        if (p != null) {
            p.stop(grace);
        }
    }

    @Override
    public String exit() {
        ChildProcess p = process;
        return p == null ? "" : p.exit();
    }

    /** Waits until {@code ready} holds; fails early, naming the log, if the program ends first. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        ChildProcess p = process;
        if (p == null) {
            throw new IllegalStateException(name + " was not started");
        }
        p.awaitReady(ready, timeout);
    }

    /** Every process of the running program; empty if it does not run. */
    List<ProcessHandle> processTree() {
        ChildProcess p = process;
        return p == null || !p.alive() ? List.of() : p.processTree();
    }
}
