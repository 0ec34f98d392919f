package org.arrival.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformClient;
import tools.jackson.databind.JsonNode;

/**
 * A steady load of progress reports: one thread per action, each publishing a report every {@code pace} as the
 * action's owner, so that the order in which the API accepts an action's reports is the order they were sent in.
 * Every report carries a unique marker in its narrative and its own period (ending on {@code periodEnd}, starting a
 * day earlier per report), so that it can be found again anywhere and is never refused as a second report for a
 * period. A write is never repeated: the API has no idempotency key, so a refusal (a 5xx, a refused connection) is
 * recorded as not accepted, and a write whose answer never came is recorded as of unknown outcome, to be settled
 * later by reading the action's reports back.
 */
final class ReportLoad implements AutoCloseable {

    enum Outcome {
        ACCEPTED,
        REFUSED,
        UNKNOWN
    }

    /** An action the load reports on, and the demo user of its owner who does. */
    record Target(String actionId, String user, String owner) {}

    /** One write: the action's index, the report's sequence number on it, what the API said. */
    record Attempt(
            int action,
            int seq,
            String marker,
            Instant sent,
            Instant answered,
            Outcome outcome,
            String detail,
            String reportId) {}

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private final List<Target> targets;
    private final PlatformClient api;
    private final String baseUrl;
    private final String tag;
    private final LocalDate periodEnd;
    private final Duration pace;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ReportLoad(
            List<Target> targets, PlatformClient api, String baseUrl, String tag, LocalDate periodEnd, Duration pace) {
        this.targets = List.copyOf(targets);
        this.api = api;
        this.baseUrl = baseUrl;
        this.tag = tag;
        this.periodEnd = periodEnd;
        this.pace = pace;
    }

    /** The marker in the narrative of report {@code seq} on action {@code action}: letters and digits only. */
    static String marker(String tag, int action, int seq) {
        return "faultrun" + tag + "a" + action + "n" + seq;
    }

    void start() {
        running = true;
        for (int i = 0; i < targets.size(); i++) {
            int action = i;
            threads.add(Thread.ofPlatform().daemon().name("report-load-" + i).start(() -> run(action)));
        }
    }

    private void run(int action) {
        // the threads start a fraction of the pace apart, so the load is spread evenly
        LockSupport.parkNanos(pace.toNanos() * action / targets.size());
        for (int seq = 0; running; seq++) {
            long started = System.nanoTime();
            Attempt a = send(action, seq);
            synchronized (attempts) {
                attempts.add(a);
            }
            long rest = pace.toNanos() - (System.nanoTime() - started);
            if (rest > 0 && running) {
                LockSupport.parkNanos(rest);
            }
        }
    }

    private Attempt send(int action, int seq) {
        Target t = targets.get(action);
        String marker = marker(tag, action, seq);
        Instant sent = Instant.now();
        String token;
        try {
            token = api.token(t.user(), DemoForum.PASSWORD);
        } catch (RuntimeException e) {
            return new Attempt(
                    action, seq, marker, sent, Instant.now(), Outcome.REFUSED, "no token: " + e.getMessage(), null);
        }
        String body = """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":%d,"rag":"GREEN",
                 "narrative":"Steady progress under faults, report %s"}""".formatted(periodEnd.minusDays(seq), periodEnd, percent(seq), marker);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actions/" + t.actionId() + "/reports"))
                .timeout(ANSWER_WITHIN)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            Instant answered = Instant.now();
            if (r.statusCode() / 100 == 2) {
                JsonNode json = PlatformClient.json().readTree(r.body());
                return new Attempt(
                        action,
                        seq,
                        marker,
                        sent,
                        answered,
                        Outcome.ACCEPTED,
                        Integer.toString(r.statusCode()),
                        json.get("id").asString());
            }
            return new Attempt(
                    action, seq, marker, sent, answered, Outcome.REFUSED, Integer.toString(r.statusCode()), null);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            // nothing reached the service
            return new Attempt(action, seq, marker, sent, Instant.now(), Outcome.REFUSED, "connection refused", null);
        } catch (HttpTimeoutException e) {
            return new Attempt(
                    action,
                    seq,
                    marker,
                    sent,
                    Instant.now(),
                    Outcome.UNKNOWN,
                    "no answer within " + ANSWER_WITHIN.toSeconds() + " s",
                    null);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                return new Attempt(
                        action, seq, marker, sent, Instant.now(), Outcome.REFUSED, "connection refused", null);
            }
            return new Attempt(
                    action,
                    seq,
                    marker,
                    sent,
                    Instant.now(),
                    Outcome.UNKNOWN,
                    "connection lost: " + e.getClass().getSimpleName(),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(action, seq, marker, sent, Instant.now(), Outcome.UNKNOWN, "interrupted", null);
        }
    }

    /** The percentage a report states: its sequence number, so that the forum's tracker shows which came last. */
    static int percent(int seq) {
        return seq % 101;
    }

    List<Target> targets() {
        return targets;
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** Stops sending and waits for the writes under way to be answered. */
    void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(ANSWER_WITHIN.plusSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
