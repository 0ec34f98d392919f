package org.arrival.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A program of the stack running in its own process group (so Ctrl-C reaches only the launcher, which then stops
 * everything in order), its output appended to a log file.
 */
final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Path log;
    private final Process process;

    private ChildProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "---- " + Instant.now() + " " + String.join(" ", command) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(new File(workDir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            return new ChildProcess(name, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until {@code ready} holds; fails early, naming the log, if the process ends first. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " stopped with exit code " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
            }
            sleep(250);
        }
    }

    /** Waits for a program that is meant to finish (e.g. a storage format). */
    void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + "; see " + log);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Every process of this program: setsid may exec into it or leave it as a child, and scripts fork. */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** Asks the program to stop (SIGTERM to it and its children), then kills what is left after the grace period. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle p : tree) {
            while (p.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * Kills the program and every process it started at once (SIGKILL, as {@code kill -9} would) and waits until they
     * are gone.
     */
    void kill() {
        killAll(processTree());
    }

    /** SIGKILL to each process, then waits up to ten seconds for them to be gone. */
    static void killAll(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
        Instant deadline = Instant.now().plusSeconds(10);
        for (ProcessHandle p : processes) {
            while (p.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(50);
            }
        }
    }

    /** How the program ended, e.g. {@code exit code 137}; empty while it runs. */
    String exit() {
        return process.isAlive() ? "" : "exit code " + process.exitValue();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
