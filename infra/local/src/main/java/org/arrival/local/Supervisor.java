package org.arrival.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the stack's parts running: each part is watched by its own thread about once a second; a part that dies is
 * started again after a pause that doubles with each death (1 s up to 30 s by default) and goes back to the first
 * pause once the part has stayed up a while. Each death and restart is told on the console as one {@code [arrival]}
 * line naming the part's log, and written to {@code supervisor.log} in the stack's log directory. A part can be
 * killed (it is then restarted like any other death) or held down until released, for fault tests.
 */
final class Supervisor implements AutoCloseable {

    /**
     * How often parts are checked and how restarts are paced.
     *
     * @param check how often each part's processes are checked
     * @param firstPause the pause before the first restart after a death
     * @param longestPause the longest pause: each further death within {@code stableAfter} doubles it up to this
     * @param stableAfter how long a part must stay up for the pause to go back to {@code firstPause}
     */
    record Pace(Duration check, Duration firstPause, Duration longestPause, Duration stableAfter) {
        static final Pace DEFAULT =
                new Pace(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    enum State {
        UP,
        DOWN,
        STARTING,
        HELD
    }

    private final Map<String, Watch> watches = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Pace pace;
    private final Path journal;
    private final Object journalLock = new Object();
    private volatile boolean closed;
    private boolean started;

    /**
     * @param parts the parts, all running when {@link #start()} is called
     * @param journal the file each death and restart is appended to
     */
    Supervisor(List<? extends SupervisedPart> parts, Pace pace, Path journal) {
        for (SupervisedPart part : parts) {
            watches.put(part.name(), new Watch(part));
        }
        this.pace = pace;
        this.journal = journal;
    }

    /** Starts watching every part. */
    synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        for (Watch w : List.copyOf(watches.values())) {
            begin(w);
        }
    }

    private void begin(Watch w) {
        w.upSince = Instant.now();
        w.thread = new Thread(() -> watch(w), "supervise-" + w.part.name());
        w.thread.setDaemon(true);
        w.thread.start();
    }

    /** Watches one more part, already running, from now on (at once if the supervisor runs). */
    synchronized void add(SupervisedPart part) {
        if (closed) {
            throw new IllegalStateException("the supervisor is closed");
        }
        synchronized (watches) {
            if (watches.containsKey(part.name())) {
                throw new IllegalArgumentException("a part named '" + part.name() + "' is watched already");
            }
            Watch w = new Watch(part);
            watches.put(part.name(), w);
            if (started) {
                begin(w);
            }
        }
    }

    /**
     * Stops watching the part and returns it: it is not restarted any more (a restart under way is undone by its
     * thread), and left as it is otherwise, for the caller to stop.
     */
    SupervisedPart remove(String name) {
        Watch w = watch(name);
        synchronized (w) {
            w.removed = true;
            w.notifyAll();
        }
        if (w.thread != null) {
            w.thread.interrupt();
            try {
                w.thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        watches.remove(name);
        return w.part;
    }

    List<String> parts() {
        synchronized (watches) {
            return List.copyOf(watches.keySet());
        }
    }

    SupervisedPart part(String name) {
        return watch(name).part;
    }

    State state(String name) {
        return watch(name).state;
    }

    int restarts(String name) {
        return watch(name).restarts.get();
    }

    /** Kills the part's processes now; the part is then restarted like after any death. */
    void kill(String name) {
        Watch w = watch(name);
        synchronized (w) {
            if (!w.held) {
                w.killedOnRequest = true;
                w.state = State.DOWN;
            }
        }
        w.part.kill();
    }

    /** Stops the part at once and keeps it down until {@link #release(String)}. */
    void hold(String name) {
        Watch w = watch(name);
        synchronized (w) {
            if (w.held) {
                return;
            }
            w.held = true;
            w.state = State.HELD;
            w.notifyAll();
        }
        w.part.kill();
        note(name + " is held down until released; see " + w.part.log());
    }

    /** Lets the supervisor start a held part again at once. */
    void release(String name) {
        Watch w = watch(name);
        synchronized (w) {
            if (!w.held) {
                return;
            }
            w.held = false;
            note(name + " is released");
            w.notifyAll();
        }
    }

    /** Waits until the part is up again and answers; returns how long that took. */
    Duration awaitUp(String name, Duration timeout) {
        Watch w = watch(name);
        Instant t0 = Instant.now();
        Instant deadline = t0.plus(timeout);
        while (!(w.state == State.UP && w.part.answering())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not up within " + timeout.toSeconds() + " s (it is "
                        + w.state.name().toLowerCase(Locale.ROOT) + ", restarted " + w.restarts.get() + " times); see "
                        + w.part.log());
            }
            ChildProcess.sleep(100);
        }
        return Duration.between(t0, Instant.now());
    }

    /** Stops watching: nothing is restarted after this returns (a start under way is undone by its thread). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        List<Watch> all;
        synchronized (watches) {
            all = List.copyOf(watches.values());
        }
        for (Watch w : all) {
            synchronized (w) {
                w.notifyAll();
            }
            if (w.thread != null) {
                w.thread.interrupt();
            }
        }
        for (Watch w : all) {
            if (w.thread != null) {
                try {
                    w.thread.join(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Watch watch(String name) {
        Watch w = watches.get(name);
        if (w == null) {
            throw new IllegalArgumentException("no part named '" + name + "'; the parts are " + parts());
        }
        return w;
    }

    private void watch(Watch w) {
        SupervisedPart part = w.part;
        Duration pause = pace.firstPause();
        try {
            while (!closed && !w.removed) {
                if (w.state == State.UP && part.running()) {
                    w.pause(pace.check());
                    continue;
                }
                if (w.held) {
                    w.awaitRelease();
                    if (closed) {
                        return;
                    }
                    // released: started again at once
                } else {
                    if (Duration.between(w.upSince, Instant.now()).compareTo(pace.stableAfter()) >= 0) {
                        pause = pace.firstPause();
                    }
                    String why;
                    synchronized (w) {
                        String exit = part.exit();
                        why = w.killedOnRequest
                                ? "was killed on request"
                                : w.failure != null
                                        ? "did not come up (" + w.failure + ")"
                                        : "died" + (exit.isEmpty() ? "" : " (" + exit + ")");
                        w.killedOnRequest = false;
                        w.failure = null;
                        w.state = State.DOWN;
                    }
                    note(part.name() + " " + why + "; restarting in " + seconds(pause) + "; see " + part.log());
                    w.pause(pause);
                    pause = min(pause.multipliedBy(2), pace.longestPause());
                    if (closed || w.held || w.removed) {
                        continue;
                    }
                }
                restart(w);
            }
        } catch (RuntimeException e) {
            if (!closed && !w.removed) {
                note("the supervision of " + part.name() + " ended: " + e + "; see " + part.log());
            }
        }
    }

    private void restart(Watch w) {
        SupervisedPart part = w.part;
        synchronized (w) {
            w.state = State.STARTING;
        }
        if (part.running()) {
            // killed on request but not gone yet, or left over from a start that did not come up
            part.kill();
        }
        int n = w.restarts.incrementAndGet();
        Instant t0 = Instant.now();
        note("restarting " + part.name() + " (restart " + n + "); see " + part.log());
        String failure = null;
        try {
            part.launch();
            Instant deadline = t0.plus(part.startupTimeout());
            while (!closed && !w.held && !w.removed && !part.answering()) {
                if (!part.running()) {
                    String exit = part.exit();
                    failure = "stopped while starting" + (exit.isEmpty() ? "" : ", " + exit);
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    failure = "not answering after " + part.startupTimeout().toSeconds() + " s";
                    break;
                }
                w.pause(Duration.ofMillis(250));
            }
        } catch (RuntimeException e) {
            // never null: a null failure means the part came up
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
        }
        synchronized (w) {
            if (!closed && !w.held && !w.removed && failure == null) {
                // in the journal before anyone waiting for the part sees it up
                note(String.format(
                        "%s is up again after %.1f s; see %s",
                        part.name(), Duration.between(t0, Instant.now()).toMillis() / 1000.0, part.log()));
                w.state = State.UP;
                w.upSince = Instant.now();
                return;
            }
            w.failure = w.killedOnRequest ? null : failure;
        }
        // closed, held or failed: whatever was started goes
        part.kill();
    }

    private void note(String message) {
        System.out.println("[arrival] " + message);
        synchronized (journalLock) {
            append(message);
        }
    }

    private void append(String message) {
        try {
            Files.createDirectories(journal.getParent());
            Files.writeString(
                    journal,
                    Instant.now() + " " + message + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[arrival] could not write to " + journal + ": " + e.getMessage());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One part's watch: its thread and what the API asked for. */
    private final class Watch {
        final SupervisedPart part;
        final AtomicInteger restarts = new AtomicInteger();
        volatile State state = State.UP;
        volatile boolean held;
        volatile boolean removed;
        volatile Instant upSince = Instant.now();
        boolean killedOnRequest;

        @Nullable
        String failure;

        @Nullable
        Thread thread;

        Watch(SupervisedPart part) {
            this.part = part;
        }

        /** Waits for the given time, or less if closed, held or released meanwhile. */
        synchronized void pause(Duration d) {
            boolean wasHeld = held;
            Instant until = Instant.now().plus(d);
            while (!closed && !removed && held == wasHeld) {
                long ms = Duration.between(Instant.now(), until).toMillis();
                if (ms <= 0) {
                    return;
                }
                try {
                    wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }

        synchronized void awaitRelease() {
            state = State.HELD;
            while (held && !closed && !removed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }
}
