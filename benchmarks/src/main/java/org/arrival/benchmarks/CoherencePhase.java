package org.arrival.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.arrival.benchmarks.coherence.CheckSettings;
import org.arrival.benchmarks.coherence.ForumActions;
import org.arrival.benchmarks.events.ConsumerLag;
import org.arrival.benchmarks.events.HistorySeed;
import org.arrival.benchmarks.footprint.Footprint;
import org.arrival.benchmarks.measure.Format;
import org.arrival.benchmarks.measure.Table;
import org.arrival.benchmarks.reporting.Http;
import org.arrival.benchmarks.reporting.Reporter;
import org.arrival.benchmarks.reporting.Workspace;
import org.arrival.local.DemoForum;
import org.arrival.local.LocalStack;
import org.arrival.local.PlatformService;
import org.arrival.local.StackSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The forum's coherence checks at size: seeds many actions shared with the workspace's forum through the topics,
 * then times a full evaluation (the coordinator saves the checks' settings, which runs them before answering) and
 * what one event costs (a funding change, until the run it triggers has ended).
 */
final class CoherencePhase {

    /** Times each measurement is taken. */
    static final int TIMES = 5;

    /** The forum's coordinator: kcca-coordinator, forum-coordinator for the city, the demo forum's convenor and chair. */
    static final Reporter COORDINATOR = Reporter.EDITORS.get(0);

    private static final Duration LIMIT = Duration.ofMinutes(60);

    /** What the phase measured. */
    record Result(
            int actions,
            ForumActions.Buckets buckets,
            HistorySeed.Seeded seeded,
            Duration projected,
            List<CheckSettings.LastRun> seedingRuns,
            List<Long> putNanos,
            List<CheckSettings.LastRun> putRuns,
            long cpuPerPutNanos,
            long postgresCpuPerPutNanos,
            List<Long> eventToRunEnd,
            List<Long> eventSeen,
            List<CheckSettings.LastRun> eventRuns,
            Footprint.@Nullable Memory forumAtStart,
            Footprint.@Nullable Memory forumMax,
            List<String> failures) {

        /** The summary's rows: what was measured and its median (the full evaluation, one event). */
        List<Object[]> summary() {
            List<Object[]> rows = new ArrayList<>();
            String actionsChecked = putRuns.isEmpty()
                    ? String.format("%,d more", actions)
                    : String.format("%,d", putRuns.get(putRuns.size() - 1).actions());
            rows.add(new Object[] {
                "full evaluation of the forum's coherence checks (" + actionsChecked
                        + " actions): PUT settings, median",
                putRuns.isEmpty()
                        ? "failed"
                        : duration(median(putNanos)) + " (checks " + duration(median(micros(putRuns))) + ")"
            });
            rows.add(new Object[] {
                "one event to the end of the checks' run it triggers (incl. up to 5 s gathering), median",
                eventRuns.isEmpty()
                        ? "failed"
                        : duration(median(eventToRunEnd)) + " (checks " + duration(median(micros(eventRuns))) + ")"
            });
            return rows;
        }

        Table table() {
            Table t = new Table(
                    "measured",
                    "times",
                    "wall time median / max",
                    "checks' run (lastRun.tookMicros) median / max",
                    "actions / findings of the run");
            t.row(
                    "full evaluation: the coordinator saves the settings (PUT), which runs the forum's checks",
                    putNanos.size(),
                    medianMax(putNanos),
                    medianMax(micros(putRuns)),
                    last(putRuns));
            t.row(
                    "one event: FundingRecorded published → end of the run it triggers (lastRun.at)",
                    eventToRunEnd.size(),
                    medianMax(eventToRunEnd),
                    medianMax(micros(eventRuns)),
                    last(eventRuns));
            t.row(
                    "  the same, until a poll of the settings every 100 ms showed the run",
                    eventSeen.size(),
                    medianMax(eventSeen),
                    "",
                    "");
            t.row(
                    "runs seen while the forum view read the seeded events (they raise the new flags)",
                    seedingRuns.size(),
                    "",
                    medianMax(micros(seedingRuns)),
                    last(seedingRuns));
            return t;
        }

        String notes() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "- Seeded: %,d actions shared with the forum (%,d events: proposals, funding lines, starts) in "
                            + "%s; the forum view held them %s after the seeding began.%n",
                    actions,
                    seeded.events(),
                    duration(seeded.rate().elapsed().toNanos()),
                    duration(projected.toNanos())));
            out.append(String.format(
                    Locale.ROOT,
                    "- Among them: %,d sector × target-group buckets (the largest %,d actions), %,d pairs sharing a "
                            + "sector and a group (those the overlap check compares), %,d of them by different owners "
                            + "in the same division over overlapping periods (overlaps); %,d without funding, %,d "
                            + "naming no need.%n",
                    buckets.buckets(),
                    buckets.largest(),
                    buckets.pairs(),
                    buckets.overlaps(),
                    buckets.unfunded(),
                    buckets.withoutNeed()));
            out.append("- Each PUT, in order: ")
                    .append(String.join(
                            ", ",
                            putNanos.stream().map(CoherencePhase::duration).toList()))
                    .append("; each event's run: ")
                    .append(String.join(
                            ", ",
                            micros(eventRuns).stream()
                                    .map(CoherencePhase::duration)
                                    .toList()))
                    .append('.')
                    .append(System.lineSeparator());
            out.append(String.format(
                    Locale.ROOT,
                    "- CPU per full evaluation: forum %s, PostgreSQL %s.%n",
                    duration(cpuPerPutNanos),
                    duration(postgresCpuPerPutNanos)));
            if (forumMax != null) {
                out.append(String.format(
                        Locale.ROOT,
                        "- Forum service resident memory: %s MiB RSS (%s MiB Pss) before the phase, at most %s MiB "
                                + "RSS (%s MiB Pss) during it.%n",
                        forumAtStart == null ? "-" : Format.mib(forumAtStart.rssKib()),
                        forumAtStart == null ? "-" : Format.mib(forumAtStart.pssKib()),
                        Format.mib(forumMax.rssKib()),
                        Format.mib(forumMax.pssKib())));
            }
            out.append("- The event's time includes the wait for the next gathering pass ")
                    .append("(`arrival.forum.coherence.changed-delay`, every 5 s): up to 5 s.")
                    .append(System.lineSeparator());
            failures.forEach(f -> out.append("- Failed: ").append(f).append(System.lineSeparator()));
            return out.toString();
        }
    }

    private static List<Long> micros(List<CheckSettings.LastRun> runs) {
        return runs.stream().map(r -> r.tookMicros() * 1000).toList();
    }

    private static String last(List<CheckSettings.LastRun> runs) {
        if (runs.isEmpty()) {
            return "-";
        }
        CheckSettings.LastRun r = runs.get(runs.size() - 1);
        return String.format("%,d / %,d", r.actions(), r.findings());
    }

    private static String medianMax(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        return duration(median(nanos)) + " / "
                + duration(nanos.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** A time as milliseconds below 10 s, else as seconds. */
    static String duration(long nanos) {
        return nanos < 10_000_000_000L ? Format.millis(nanos) + " ms" : Format.seconds(nanos / 1e9) + " s";
    }

    private final Http http;
    private final Workspace workspace;
    private final StackSettings settings;
    private final LocalStack stack;
    private final ConsumerLag lag;
    private final CheckSettings checks;

    CoherencePhase(Http http, Workspace workspace, StackSettings settings, LocalStack stack, ConsumerLag lag) {
        this.http = http;
        this.workspace = workspace;
        this.settings = settings;
        this.stack = stack;
        this.lag = lag;
        this.checks = new CheckSettings(http, workspace, COORDINATOR, workspace.forum());
    }

    Result run(int count) {
        UUID forum = workspace.forum();
        List<UUID> owners = members(forum);
        List<UUID> needs = needs(forum);
        ForumActions actions =
                new ForumActions(count, forum, owners, needs, UUID.randomUUID().toString());
        ForumActions.Buckets buckets = actions.buckets();
        Benchmark.log("coherence: " + count + " actions of " + owners.size() + " members, " + needs.size()
                + " needs to name; " + buckets);
        ForumLog log = new ForumLog(settings.logs().resolve("forum.log"));
        List<String> failures = new ArrayList<>();
        Footprint.Memory atStart = Footprint.of(stack).get("forum");
        CheckSettings.Read before = checks.read();
        int actionsBefore = before.lastRun() == null ? 0 : before.lastRun().actions();
        long trackerBefore = trackerTotal(forum);
        try (Watch watch = new Watch(lag, stack)) {
            // seed, and wait for the forum view to hold every action
            long start = System.nanoTime();
            HistorySeed.Seeded seeded = HistorySeed.publish(actions.events(), settings.kafkaBootstrap());
            Benchmark.log("coherence: seeded " + seeded.events() + " events, " + seeded.rate() + ", "
                    + seeded.validated() + " checked against their schema");
            Set<Instant> seen = new TreeSet<>();
            List<CheckSettings.LastRun> seedingRuns = new ArrayList<>();
            workspace.await("the forum view to hold the seeded actions", LIMIT, () -> {
                note(seen, seedingRuns);
                return lag.byGroup().getOrDefault("forum-projection", 0L) == 0
                        && trackerTotal(forum) >= trackerBefore + count;
            });
            Duration projected = Duration.ofNanos(System.nanoTime() - start);
            Benchmark.log("coherence: the forum view holds them after " + projected.toMillis() + " ms");
            // the runs the seeding triggered: until one has read every action, or they fail
            String failed = awaitRun(log, () -> {
                note(seen, seedingRuns);
                return seedingRuns.stream().anyMatch(r -> r.actions() >= actionsBefore + count);
            });
            if (failed != null) {
                failures.add("no run of the checks after the seeding read every action: " + failed);
            }
            quiet(seen, seedingRuns, failures);
            Benchmark.log("coherence: runs while seeding " + seedingRuns);

            // full evaluation: the coordinator saves the settings unchanged, which runs the checks
            List<Long> putNanos = new ArrayList<>();
            List<CheckSettings.LastRun> putRuns = new ArrayList<>();
            CheckSettings.Read current = checks.read();
            Map<String, Long> cpuBefore = Footprint.cpu(stack);
            int refused = 0;
            for (int i = 0; i < TIMES && refused < 2; i++) {
                Instant sent = Instant.now();
                CheckSettings.Saved saved = checks.save(current, LIMIT);
                CheckSettings.Read answer = saved.answer();
                CheckSettings.LastRun run = answer == null ? null : answer.lastRun();
                if (answer == null || run == null || !run.at().isAfter(sent)) {
                    // the settings may be saved while the run failed: the service answers 200 then
                    refused++;
                    failures.add("PUT coherence-settings answered " + saved.status() + " after "
                            + saved.nanos() / 1_000_000 + " ms without a run of the checks: "
                            + log.last().orElse(abbreviate(saved.body())));
                    current = answer == null ? checks.read() : answer;
                    continue;
                }
                current = answer;
                putNanos.add(saved.nanos());
                putRuns.add(run);
                seen.add(run.at());
                Benchmark.log("coherence: PUT settings " + saved.nanos() / 1_000_000 + " ms, " + run);
            }
            Map<String, Long> cpu = Footprint.cpuSince(cpuBefore, Footprint.cpu(stack));
            int puts = Math.max(1, putRuns.size() + refused);
            quiet(seen, new ArrayList<>(), failures);

            // one event: a funding change of a seeded action, until the run it triggers has ended
            List<Long> toRunEnd = new ArrayList<>();
            List<Long> seenAfter = new ArrayList<>();
            List<CheckSettings.LastRun> eventRuns = new ArrayList<>();
            for (int i = 0; i < TIMES; i++) {
                int a = actions.fundedAction(i * 7 + 1);
                HistorySeed.publish(List.of(actions.fundingChange(a, 2, Instant.now())), settings.kafkaBootstrap());
                Instant published = Instant.now(); // acknowledged by the broker
                long publishedNanos = System.nanoTime();
                CheckSettings.LastRun[] run = new CheckSettings.LastRun[1];
                String none = awaitRun(log, () -> {
                    CheckSettings.LastRun last = checks.read().lastRun();
                    if (last != null && last.at().isAfter(published)) {
                        run[0] = last;
                    }
                    return run[0] != null;
                });
                CheckSettings.LastRun triggered = run[0];
                if (none != null || triggered == null) {
                    failures.add("no run of the checks after an event: " + none);
                    break;
                }
                seenAfter.add(System.nanoTime() - publishedNanos);
                toRunEnd.add(Duration.between(published, triggered.at()).toNanos());
                eventRuns.add(triggered);
                seen.add(triggered.at());
                Benchmark.log("coherence: event to run end "
                        + Duration.between(published, triggered.at()).toMillis() + " ms, " + triggered);
                quiet(seen, new ArrayList<>(), failures);
            }
            Footprint.Memory max =
                    Footprint.max(watch.maxMemory(), Footprint.of(stack)).get("forum");
            failures.forEach(f -> Benchmark.log("coherence: " + f));
            return new Result(
                    count,
                    buckets,
                    seeded,
                    projected,
                    seedingRuns,
                    putNanos,
                    putRuns,
                    cpu.getOrDefault("forum", 0L) / puts,
                    cpu.getOrDefault(Footprint.POSTGRES, 0L) / puts,
                    toRunEnd,
                    seenAfter,
                    eventRuns,
                    atStart,
                    max,
                    failures);
        }
    }

    /**
     * Waits, polling every 100 ms, until {@code done} holds; null then. Gives up when the forum's log tells of a
     * failed run of the checks, nothing failed for a minute since and the forum and PostgreSQL are idle (no run
     * under way), or after an hour: what went wrong, then.
     */
    private @Nullable String awaitRun(ForumLog log, java.util.function.BooleanSupplier done) {
        Instant deadline = Instant.now().plus(LIMIT);
        Busy busy = new Busy();
        int failuresSeen = log.failures();
        long changed = System.nanoTime();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (done.getAsBoolean()) {
                    return null;
                }
            } catch (RuntimeException e) {
                // e.g. a service too busy to answer: asked again
            }
            int failures = log.failures();
            if (failures != failuresSeen) {
                failuresSeen = failures;
                changed = System.nanoTime();
            } else if (failures > 0 && System.nanoTime() - changed > 60_000_000_000L && busy.millisPerSecond() < IDLE) {
                return log.last().orElse("failed");
            }
            Workspace.pause(100);
        }
        return "none within " + LIMIT.toMinutes() + " minutes";
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The forum service's log from the phase's start: the failed runs of its checks. */
    static final class ForumLog {

        private final java.nio.file.Path file;
        private long read;
        private int failures;
        private @Nullable String last;

        ForumLog(java.nio.file.Path file) {
            this.file = file;
            this.read = size();
        }

        /** How many failures of a run of the checks (or lack of memory) the log told of since the phase began. */
        int failures() {
            long size = size();
            if (size <= read) {
                return failures;
            }
            try (var in = java.nio.file.Files.newInputStream(file)) {
                in.skipNBytes(read);
                byte[] added = in.readNBytes((int) Math.min(size - read, 64L << 20));
                read += added.length;
                for (String line : new String(added, java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                    if (line.contains("OutOfMemoryError")
                            || (line.contains("coherence check of forum") && line.contains("failed"))) {
                        failures++;
                        last = line.strip();
                    }
                }
            } catch (java.io.IOException e) {
                // unreadable now; read again on the next call
            }
            return failures;
        }

        /** The last failure read, if any. */
        java.util.Optional<String> last() {
            failures();
            return java.util.Optional.ofNullable(last).map(CoherencePhase::abbreviate);
        }

        private long size() {
            try {
                return java.nio.file.Files.size(file);
            } catch (java.io.IOException e) {
                return 0;
            }
        }
    }

    /** Notes a run of the checks not seen before. */
    private void note(Set<Instant> seen, List<CheckSettings.LastRun> runs) {
        CheckSettings.LastRun last = checks.read().lastRun();
        if (last != null && seen.add(last.at())) {
            runs.add(last);
        }
    }

    /**
     * Waits until no consumer is behind and no run of the checks ended for a while: two gathering delays and twice
     * the last run's length, so that a run under way when the wait began is seen. Gives up after 20 minutes (a
     * failure then).
     */
    private void quiet(Set<Instant> seen, List<CheckSettings.LastRun> runs, List<String> failures) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        String state = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                CheckSettings.Read first = checks.read();
                long took = first.lastRun() == null ? 0 : first.lastRun().tookMicros() / 1000;
                Busy busy = new Busy();
                Workspace.pause(10_000 + 2 * took);
                note(seen, runs);
                CheckSettings.Read second = checks.read();
                Map<String, Long> behind = lag.byGroup();
                double cpu = busy.millisPerSecond();
                state = "lag " + behind + ", forum and PostgreSQL busy " + Math.round(cpu) + " ms/s";
                if (behind.values().stream().allMatch(l -> l == 0)
                        && Objects.equals(first.lastRun(), second.lastRun())
                        && cpu < IDLE) {
                    return;
                }
            } catch (RuntimeException e) {
                state = e.getMessage();
                Workspace.pause(1000);
            }
        }
        failures.add("the platform did not settle within 20 minutes: " + state);
    }

    /** CPU of the forum and PostgreSQL below which no run of the checks is under way (ms per second). */
    static final double IDLE = 150;

    /** The CPU the forum service and PostgreSQL used per second since the last reading, at least ten seconds ago. */
    private final class Busy {

        private Map<String, Long> at = Footprint.cpu(stack);
        private long when = System.nanoTime();
        private double millisPerSecond = Double.MAX_VALUE;

        double millisPerSecond() {
            long now = System.nanoTime();
            if (now - when >= 10_000_000_000L) {
                Map<String, Long> cpu = Footprint.cpu(stack);
                Map<String, Long> used = Footprint.cpuSince(at, cpu);
                long nanos = used.getOrDefault("forum", 0L) + used.getOrDefault(Footprint.POSTGRES, 0L);
                millisPerSecond = nanos / 1e6 / ((now - when) / 1e9);
                at = cpu;
                when = now;
            }
            return millisPerSecond;
        }
    }

    /** The workspace's editing organisations, each checked to hold an active seat in the forum. */
    private List<UUID> members(UUID forum) {
        String token = workspace.token(COORDINATOR);
        JsonNode f = get(PlatformService.REGISTRY, "/forums/" + forum, token);
        UUID city = UUID.fromString(DemoForum.KCCA);
        if (!List.of(text(f, "convenorId"), text(f, "chairId"), text(f, "secretariatId"))
                .contains(city.toString())) {
            throw new IllegalStateException("the city coordinates no more the forum " + forum);
        }
        Set<String> seated = new TreeSet<>();
        for (JsonNode m : get(PlatformService.REGISTRY, "/forums/" + forum + "/memberships", token)) {
            if ("ACTIVE".equals(m.get("status").asString())) {
                seated.add(m.get("stakeholderId").asString());
            }
        }
        List<UUID> owners = new ArrayList<>();
        for (Reporter editor : Reporter.EDITORS) {
            UUID org = Objects.requireNonNull(editor.organisation(), "an editor acts for an organisation");
            if (!seated.contains(org.toString())) {
                throw new IllegalStateException(editor.username() + "'s organisation has no seat in the forum");
            }
            owners.add(org);
        }
        return owners;
    }

    /** The needs of the forum's coverage view, for actions to name. */
    private List<UUID> needs(UUID forum) {
        Set<UUID> ids = new TreeSet<>();
        JsonNode cells =
                get(PlatformService.FORUM, "/forums/" + forum + "/needs-coverage", workspace.token(COORDINATOR));
        for (JsonNode cell : cells) {
            for (JsonNode id : cell.get("needIds")) {
                ids.add(UUID.fromString(id.asString()));
            }
        }
        return List.copyOf(ids);
    }

    private long trackerTotal(UUID forum) {
        return get(PlatformService.FORUM, "/forums/" + forum + "/tracker?size=1", workspace.token(COORDINATOR))
                .get("totalItems")
                .asLong();
    }

    private JsonNode get(PlatformService service, String path, String token) {
        Http.Answer a = http.get(workspace.url(service, path), token);
        if (!a.is(200)) {
            throw new IllegalStateException("GET " + path + " answered " + a.status() + ": " + a.body());
        }
        return a.json();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }

    /** The median of a few figures (the middle one; the lower middle for an even count). */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
    }
}
