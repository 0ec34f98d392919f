package org.arrival.benchmarks.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.arrival.benchmarks.measure.Latencies;
import org.arrival.benchmarks.measure.Rate;
import org.arrival.local.PlatformService;

/**
 * Editors publishing progress reports over HTTP: closed-loop clients (each sends its next report as soon as the last
 * one was answered) to find the saturation throughput, or an open-loop stream at a fixed rate to hold a load level.
 * Each client reports on its own action; no two reports on one action are in flight at once.
 */
public final class ReportingLoad {

    private final Http http;
    private final Workspace workspace;

    public ReportingLoad(Http http, Workspace workspace) {
        this.http = http;
        this.workspace = workspace;
    }

    /** What a run achieved: reports accepted (201), refused (4xx/5xx), failed (no answer), latencies of accepted ones. */
    public record Result(
            long accepted, long refused, long failed, Rate rate, Latencies.Summary latency, List<String> problems) {}

    private final class Run {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Latencies latencies = new Latencies();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        /** Publishes the action's next report; whatever goes wrong is counted, never ends the client. */
        void publish(ActionUnderReport action) {
            LocalDate period = action.nextPeriod();
            Http.Answer a;
            try {
                a = http.post(
                        workspace.url(PlatformService.ACTION_PLANS, "/actions/" + action.id() + "/reports"),
                        workspace.token(action.owner()),
                        ActionUnderReport.report(period));
            } catch (RuntimeException e) {
                a = new Http.Answer(-1, String.valueOf(e), 0, System.nanoTime());
            }
            if (a.is(201)) {
                action.accepted(period);
                accepted.incrementAndGet();
                latencies.record(a.nanos());
            } else {
                (a.status() < 0 ? failed : refused).incrementAndGet();
                if (problems.size() < 5) {
                    problems.add(a.status() + " " + a.body());
                }
            }
        }

        Result result(long start, long end) {
            return new Result(
                    accepted.get(),
                    refused.get(),
                    failed.get(),
                    Rate.between(accepted.get(), start, end),
                    latencies.summary(),
                    List.copyOf(problems));
        }
    }

    public Result closedLoop(int clients, Duration duration) {
        List<ActionUnderReport> actions = workspace.loadActions();
        if (clients > actions.size()) {
            throw new IllegalArgumentException(
                    clients + " clients need as many actions; the workspace has " + actions.size());
        }
        Run run = new Run();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                ActionUnderReport own = actions.get(c);
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        run.publish(own);
                    }
                });
            }
        }
        return run.result(start, System.nanoTime());
    }

    /**
     * Sends reports at a fixed rate, each on an action with no report in flight; if every action is busy the request
     * waits for one (the achieved rate then falls short of the target, which the result shows).
     */
    public Result openLoop(double perSecond, Duration duration) {
        Run run = new Run();
        BlockingQueue<ActionUnderReport> idle =
                new ArrayBlockingQueue<>(workspace.loadActions().size(), false, workspace.loadActions());
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long next = start; next < deadline; next += interval) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                pool.submit(() -> {
                    ActionUnderReport action = idle.poll(30, TimeUnit.SECONDS);
                    if (action == null) {
                        run.failed.incrementAndGet();
                        return null;
                    }
                    try {
                        run.publish(action);
                    } finally {
                        idle.add(action);
                    }
                    return null;
                });
            }
        }
        return run.result(start, System.nanoTime());
    }
}
