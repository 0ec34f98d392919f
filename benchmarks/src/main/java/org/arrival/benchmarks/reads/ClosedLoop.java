package org.arrival.benchmarks.reads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.arrival.benchmarks.measure.Latencies;

/**
 * A closed loop: {@code users} virtual threads, each sending its next request as soon as its previous one is
 * answered, until the fixed total has been sent. A 2xx answer's latency is recorded; anything else (another status,
 * an exception) is a failure, counted by kind and not measured.
 */
final class ClosedLoop {

    private ClosedLoop() {}

    /** One request of a virtual user ({@code user} from 0): its answer and how long it took. */
    @FunctionalInterface
    interface Request {
        Sample send(int user) throws Exception;
    }

    static final String SHED = "HTTP 503";

    /** An answer: its status (2xx succeeded), size in bytes and latency. */
    record Sample(int status, long bytes, long nanos) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** What a loop measured. */
    record Outcome(Latencies latencies, Map<String, Integer> failures, List<Integer> perUser, long bytes) {

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        /**
         * The answers 503: a busy service turning a request away (the expensive reads take turns, and a database
         * with no free connection is answered so too). The reads say which of them fail the run.
         */
        int shed() {
            return failures.getOrDefault(SHED, 0);
        }

        /** "-" when nothing failed, otherwise the count and its kinds, e.g. "3 (HTTP 503 x2, timeout x1)". */
        String failureText() {
            if (failures.isEmpty()) {
                return "-";
            }
            List<String> kinds = new ArrayList<>();
            failures.forEach((kind, n) -> kinds.add(kind + " x" + n));
            return failed() + " (" + String.join(", ", kinds) + ")";
        }
    }

    /** Sends exactly {@code total} requests from {@code users} virtual threads and waits for every answer. */
    static Outcome run(int users, int total, Request request) {
        if (users < 1) {
            throw new IllegalArgumentException("at least one user, not " + users);
        }
        if (total < 0) {
            throw new IllegalArgumentException("a negative number of requests: " + total);
        }
        Latencies latencies = new Latencies();
        Map<String, Integer> failures = new LinkedHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        int[] perUser = new int[users];
        List<Thread> threads = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            int user = u;
            threads.add(Thread.ofVirtual().name("read-user-" + user).start(() -> {
                while (sent.getAndIncrement() < total) {
                    perUser[user]++;
                    try {
                        Sample s = request.send(user);
                        if (s.succeeded()) {
                            latencies.record(s.nanos());
                            bytes.accumulateAndGet(s.bytes(), Math::max);
                        } else {
                            fail(failures, s.status() == 503 ? SHED : "HTTP " + s.status());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        fail(failures, "interrupted");
                        return;
                    } catch (Exception e) {
                        fail(failures, e.getClass().getSimpleName());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        List<Integer> counts = new ArrayList<>(users);
        for (int n : perUser) {
            counts.add(n);
        }
        Map<String, Integer> failed;
        synchronized (failures) {
            failed = Collections.unmodifiableMap(new TreeMap<>(failures));
        }
        return new Outcome(latencies, failed, List.copyOf(counts), bytes.get());
    }

    private static void fail(Map<String, Integer> failures, String kind) {
        synchronized (failures) {
            failures.merge(kind, 1, Integer::sum);
        }
    }
}
