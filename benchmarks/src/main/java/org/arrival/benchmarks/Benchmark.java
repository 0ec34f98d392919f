package org.arrival.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.arrival.benchmarks.coherence.CheckSettings;
import org.arrival.benchmarks.database.JdbcBaseline;
import org.arrival.benchmarks.dataset.DatasetSize;
import org.arrival.benchmarks.dataset.NationalDataset;
import org.arrival.benchmarks.events.ConsumerLag;
import org.arrival.benchmarks.events.ForumRebuild;
import org.arrival.benchmarks.events.History;
import org.arrival.benchmarks.events.HistoryEvent;
import org.arrival.benchmarks.events.HistorySeed;
import org.arrival.benchmarks.events.KafkaBaseline;
import org.arrival.benchmarks.events.LiveReading;
import org.arrival.benchmarks.footprint.Footprint;
import org.arrival.benchmarks.measure.Format;
import org.arrival.benchmarks.measure.Latencies;
import org.arrival.benchmarks.measure.Rate;
import org.arrival.benchmarks.measure.Table;
import org.arrival.benchmarks.pages.PageScenario;
import org.arrival.benchmarks.pages.WebSession;
import org.arrival.benchmarks.reads.ReadPhase;
import org.arrival.benchmarks.reads.ReadTargets;
import org.arrival.benchmarks.reporting.FreshnessProbe;
import org.arrival.benchmarks.reporting.Http;
import org.arrival.benchmarks.reporting.Reporter;
import org.arrival.benchmarks.reporting.ReportingLoad;
import org.arrival.benchmarks.reporting.Workspace;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.TopicDefinition;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.local.LocalStack;
import org.arrival.local.PlatformClient;
import org.arrival.local.StackSettings;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark: starts the local stack in a scratch directory, sets up plans and actions through the APIs, then
 * measures write throughput, freshness, the forum view's rebuild, its coherence checks at size and the footprint,
 * next to a plain Kafka and JDBC baseline on the same broker and database, and writes the results as Markdown. {@code benchmarks/run} runs it;
 * docs/performance.md explains the figures.
 */
public final class Benchmark {

    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(20);

    private final Options options;
    private final StackSettings settings;
    private final StringBuilder out = new StringBuilder();
    private final List<String> problems = new ArrayList<>();

    private @Nullable LocalStack stack;

    @SuppressWarnings("NullAway.Init") // set by run() before any phase
    private PlatformClient api;

    @SuppressWarnings("NullAway.Init") // set by run() before any phase
    private Workspace workspace;

    private @Nullable ConsumerLag lag;
    private final Http http = new Http();

    // what the summary needs from the phases
    private ReportingLoad.@Nullable Result best;
    private @Nullable Duration bestCatchUp;
    private Map<String, Footprint.Memory> memoryAtRest = Map.of();
    private Map<String, Footprint.Memory> memoryUnderLoad = Map.of();
    private FreshnessProbe.@Nullable Result freshnessAtHalf;
    private double halfLoad = Double.NaN;
    private KafkaBaseline.@Nullable Throughput writeKafka;
    private @Nullable Rate writeJdbc;
    private ForumRebuild.@Nullable Result rebuild;
    private KafkaBaseline.@Nullable Throughput historyKafka;
    private @Nullable Rate historyJdbc;
    private Latencies.@Nullable Summary kafkaLatency;
    private long reportsForBaseline;

    private Benchmark(Options options, StackSettings settings) {
        this.options = options;
        this.settings = settings;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(Options.USAGE);
            return;
        }
        Path root = StackSettings.findRoot(Path.of(""));
        Options options;
        try {
            options = Options.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String dir = System.getenv()
                .getOrDefault(
                        "ARRIVAL_LOCAL_DIR",
                        root.resolve("benchmarks/target/stack").toString());
        StackSettings settings = StackSettings.of(root, Path.of(dir), !options.reuse(), true, System.getenv());
        boolean complete = new Benchmark(options, settings).run();
        System.exit(complete ? 0 : 1);
    }

    /** Runs every phase asked for; false if one of them failed. */
    private boolean run() {
        double loadBefore = Machine.loadAverage();
        log("machine: " + Machine.describe() + "; load average " + loadBefore);
        Instant began = Instant.now();
        Thread stop = new Thread(this::closeStack, "stop-stack");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            log("starting the local stack in " + settings.dataDir() + (options.reuse() ? " (kept data)" : " (fresh)"));
            stack = LocalStack.start(settings);
            stackStartTimes = stack.readyAfter();
            stackStart = new Table("part", "ready after (s)");
            stackStartTimes.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .forEach(e -> stackStart.row(
                            e.getKey(), Format.seconds(e.getValue().toMillis() / 1000.0)));
            log("stack ready: " + stackStartTimes);
            api = new PlatformClient(settings);
            lag = new ConsumerLag(settings.kafkaBootstrap());
            workspace = Workspace.create(api, settings, options.loadActions());
            log("workspace: forum " + workspace.forum() + ", working group " + workspace.workingGroup() + ", "
                    + workspace.loadActions().size() + " actions under report");
            settle();
            if (options.runs("dataset")) {
                phase("dataset", this::dataset);
                settle();
            }
            memoryAtRest = Footprint.of(stack);
            if (options.runs("reads") && dataset != null) {
                phase("reads", this::reads);
            }
            if (options.runs("throughput") || options.runs("freshness")) {
                warmUp();
                settle();
            }
            idleCpu();
            if (options.runs("pages")) {
                phase("pages", this::pages);
            }
            if (options.runs("throughput")) {
                phase("throughput", this::throughput);
            }
            if (options.runs("freshness")) {
                phase("freshness", this::freshness);
            }
            if (options.runs("baseline")) {
                phase("write baseline", this::writeBaseline);
            }
            if (options.runs("rebuild")) {
                phase("rebuild", this::rebuild);
            }
            if (options.runs("coherence")) {
                // last: the actions it adds to the forum would weigh on every phase after it
                phase("coherence", this::coherence);
            }
            if (options.runs("import")) {
                // after everything: each run adds its rows to the forum as new actions
                phase("import", this::spreadsheetImport);
            }
        } catch (RuntimeException e) {
            problems.add("the run stopped: " + e);
            e.printStackTrace();
        } finally {
            closeStack();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException ignored) {
                // shutting down already
            }
        }
        String results = results(began, loadBefore, Machine.loadAverage());
        System.out.println();
        System.out.println(results);
        try {
            Files.createDirectories(options.out().getParent());
            Files.writeString(options.out(), results);
            log("results written to " + options.out());
        } catch (IOException e) {
            log("could not write " + options.out() + ": " + e);
        }
        return problems.isEmpty();
    }

    private synchronized void closeStack() {
        if (lag != null) {
            lag.close();
            lag = null;
        }
        if (stack != null) {
            log("stopping the stack");
            stack.close();
            stack = null;
        }
    }

    /** The running stack: the phases run between its start and closeStack(). */
    private LocalStack stack() {
        return Objects.requireNonNull(stack, "the phases run while the stack is up");
    }

    /** The consumer-lag reader, open while the stack is up. */
    private ConsumerLag lag() {
        return Objects.requireNonNull(lag, "the phases run while the stack is up");
    }

    private void phase(String name, Runnable phase) {
        log("---- " + name);
        try {
            phase.run();
        } catch (RuntimeException e) {
            problems.add(name + " failed: " + e.getMessage());
            log(name + " failed: " + e);
            e.printStackTrace();
        }
    }

    /** Waits until nothing is in flight: every group caught up and nothing new for two seconds. */
    private void settle() {
        workspace.await("the consumers to catch up", CATCH_UP_LIMIT, () -> lag().total() == 0);
        Workspace.pause(2000);
        workspace.await("the consumers to catch up", CATCH_UP_LIMIT, () -> lag().total() == 0);
    }

    /**
     * CPU each part uses per second at rest, after the warm-up: consumers polling, schedulers, the broker serving
     * them. Taken off the CPU a load level used, so that what remains is what the reports cost.
     */
    private Map<String, Long> idlePerSecond = Map.of();

    private void idleCpu() {
        // a minute at least in a full run, so that the forum's coherence checks (every minute) are counted fairly
        Duration d = options.quick() ? Duration.ofSeconds(15) : Duration.ofSeconds(65);
        Map<String, Long> before = Footprint.cpu(stack());
        Workspace.pause(d.toMillis());
        Map<String, Long> used = Footprint.cpuSince(before, Footprint.cpu(stack()));
        Map<String, Long> perSecond = new java.util.LinkedHashMap<>();
        used.forEach((k, v) -> perSecond.put(k, v * 1000 / d.toMillis()));
        idlePerSecond = perSecond;
        log("CPU at rest, ms per second: "
                + perSecond.entrySet().stream()
                        .map(e -> shortName(e.getKey()) + " " + Format.millis(e.getValue()))
                        .toList());
    }

    private void warmUp() {
        log("warming up for " + options.warmUp().toSeconds() + " s");
        ReportingLoad load = new ReportingLoad(http, workspace);
        long before = workspace.donorUnread();
        // every action and as many clients as the busiest level: the JIT sees the load to come
        ReportingLoad.Result r = load.closedLoop(options.loadActions(), options.warmUp());
        catchUp(before + r.accepted());
        missing(new FreshnessProbe(http, workspace).run(Duration.ofSeconds(3), options.probeEvery()));
        log("warm-up: " + r.rate() + ", " + r.latency().millis() + " ms");
    }

    /**
     * Time from now until the forum view shows every action's latest accepted report, the donor's inbox holds the
     * notifications of every report, and no consumer group is behind.
     */
    private Duration catchUp(long donorNotifications) {
        long start = System.nanoTime();
        workspace.await(
                "the forum view and notifications to catch up",
                CATCH_UP_LIMIT,
                () -> lag().total() == 0
                        && workspace.donorUnread() >= donorNotifications
                        && workspace.forumShowsLatestReports());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private final Table pages = new Table(
            "signed in as",
            "page",
            "status",
            "server time p50 / p95 (ms)",
            "weight, compressed (KB): page + assets = total");

    /** What a person waits for and downloads, page by page, on the demo forum and the workspace. */
    private void pages() {
        // every page kind a person reaches, each asked for this often: the full run stays within minutes
        int warmUp = options.quick() ? 3 : 5;
        int times = options.quick() ? 10 : 30;
        for (String user : List.of("kcca-coordinator", "ngo-editor", "ubos-statistician", "dcic-officer")) {
            WebSession session = WebSession.signIn(
                    settings.baseUrl(org.arrival.local.PlatformService.WEB),
                    user,
                    org.arrival.local.DemoForum.PASSWORD);
            PageScenario scenario = new PageScenario(session, options.quick() ? 8 : 20);
            for (PageScenario.Page p : scenario.measure(scenario.crawl(), warmUp, times)) {
                pages.row(
                        user,
                        p.kind(),
                        p.status(),
                        Format.millis(p.time().p50()) + " / "
                                + Format.millis(p.time().p95()),
                        Format.kilobytes(p.htmlBytes()) + " + " + Format.kilobytes(p.assetBytes()) + " = "
                                + Format.kilobytes(p.weight()));
                log(user + " " + p.kind() + ": " + p.time().millis() + " ms, " + p.weight() + " bytes");
                if (p.time().p95() > 150_000_000L || p.weight() > 200_000) {
                    log("  beyond the target (p95 150 ms, 200 KB): " + p.kind());
                }
            }
        }
    }

    private final Table throughput = new Table(
            "clients",
            "accepted reports/s",
            "latency p50 / p95 / p99 (ms)",
            "refused / failed",
            "max consumer lag during",
            "caught up after (s)",
            "reports/s incl. catch-up");

    private void throughput() {
        ReportingLoad load = new ReportingLoad(http, workspace);
        for (int clients : options.clientLevels()) {
            long before = workspace.donorUnread();
            ReportingLoad.Result r;
            Duration caughtUp;
            try (Watch watch = new Watch(lag(), stack())) {
                Map<String, Long> cpuBefore = Footprint.cpu(stack());
                r = load.closedLoop(clients, options.levelDuration());
                caughtUp = catchUp(before + r.accepted());
                long levelNanos = r.rate().elapsed().plus(caughtUp).toNanos();
                cpuPerReport(
                        clients + " clients",
                        Footprint.cpuSince(cpuBefore, Footprint.cpu(stack())),
                        levelNanos,
                        r.accepted());
                memoryUnderLoad = Footprint.max(memoryUnderLoad, watch.maxMemory());
                double endToEnd =
                        r.accepted() / (r.rate().elapsed().plus(caughtUp).toNanos() / 1e9);
                throughput.row(
                        clients,
                        Format.rate(r.rate().perSecond()),
                        r.latency().millis(),
                        r.refused() + " / " + r.failed(),
                        watch.worstLag(),
                        Format.seconds(caughtUp.toMillis() / 1000.0),
                        Format.rate(endToEnd));
                log(clients + " clients: " + r.rate() + ", " + r.latency().millis() + " ms, lag " + watch.worstLag()
                        + ", caught up after " + caughtUp.toMillis() + " ms, load average " + watch.meanLoadAverage());
            }
            r.problems().forEach(p -> log("  refused: " + p));
            if (best == null || r.rate().perSecond() > best.rate().perSecond()) {
                best = r;
                bestCatchUp = caughtUp;
            }
        }
    }

    private @Nullable Table cpu;

    /**
     * CPU time each part used per accepted report over a level, the catch-up included and what the part uses at rest
     * over as long taken off; and how many reports per second two otherwise idle cores could carry at that cost.
     */
    private void cpuPerReport(String level, Map<String, Long> used, long levelNanos, long reports) {
        if (reports == 0) {
            return;
        }
        if (cpu == null) {
            List<String> header = new ArrayList<>(List.of("level"));
            used.keySet().forEach(k -> header.add(shortName(k)));
            header.add("stack total");
            header.add("reports/s 2 idle cores could carry");
            cpu = new Table(header.toArray(String[]::new));
            List<Object> rest = new ArrayList<>(List.of("at rest (ms of CPU per second)"));
            long stackIdle = 0;
            for (String part : used.keySet()) {
                long idle = idlePerSecond.getOrDefault(part, 0L);
                rest.add(Format.millis(idle));
                stackIdle += part.equals(Footprint.HARNESS) ? 0 : idle;
            }
            rest.add(Format.millis(stackIdle));
            rest.add("");
            cpu.row(rest.toArray());
        }
        List<Object> row = new ArrayList<>(List.of(level));
        long stackNanos = 0;
        long stackIdle = 0;
        for (var e : used.entrySet()) {
            long idle = idlePerSecond.getOrDefault(e.getKey(), 0L) * levelNanos / 1_000_000_000L;
            long marginal = Math.max(0, e.getValue() - idle);
            row.add(Format.millis(marginal / reports));
            if (!e.getKey().equals(Footprint.HARNESS)) {
                stackNanos += marginal;
                stackIdle += idlePerSecond.getOrDefault(e.getKey(), 0L);
            }
        }
        row.add(Format.millis(stackNanos / reports));
        row.add(stackNanos == 0 ? "-" : Format.rate((2e9 - stackIdle) * reports / stackNanos));
        cpu.row(row.toArray());
        log(level + ": CPU ms per report " + row);
    }

    private static String shortName(String part) {
        return part.equals(Footprint.HARNESS)
                ? "harness (driver)"
                : part.equals(Footprint.POSTGRES) ? "postgres" : part;
    }

    private final Table freshness = new Table(
            "background load (target → achieved reports/s)",
            "probe write p50 / p95 / p99 (ms)",
            "forum view p50 / p95 / p99 (ms)",
            "notification p50 / p95 / p99 (ms)",
            "probes (effects seen after 30 s, never seen)",
            "max consumer lag during");

    private void freshness() {
        double saturation = best != null ? best.rate().perSecond() : 100;
        ReportingLoad load = new ReportingLoad(http, workspace);
        FreshnessProbe probe = new FreshnessProbe(http, workspace);
        for (double fraction : options.freshnessLoads()) {
            double target = fraction * saturation;
            long before = workspace.donorUnread();
            try (Watch watch = new Watch(lag(), stack())) {
                CompletableFuture<ReportingLoad.Result> background = target <= 0
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.supplyAsync(() -> load.openLoop(target, options.freshnessDuration()));
                FreshnessProbe.Result p = probe.run(
                        options.freshnessDuration(),
                        options.probeEvery(),
                        () -> workspace.await("the consumers to catch up", CATCH_UP_LIMIT, () -> lag().total() == 0));
                ReportingLoad.Result r = background.join();
                missing(p);
                catchUp(before + (r == null ? 0 : r.accepted()));
                String level = r == null
                        ? "none (idle)"
                        : String.format(
                                Locale.ROOT,
                                "%.0f%% of saturation: %s → %s",
                                fraction * 100,
                                Format.rate(target),
                                Format.rate(r.rate().perSecond()));
                freshness.row(
                        level,
                        p.write().millis(),
                        p.forumView().millis(),
                        p.notification().millis(),
                        p.probes() + " (" + p.late() + " late, " + p.missing() + " missing)",
                        watch.worstLag());
                log("freshness at " + level + ": view " + p.forumView().millis() + ", inbox "
                        + p.notification().millis() + " ms, load average " + watch.meanLoadAverage());
                if (fraction == 0.5) {
                    freshnessAtHalf = p;
                    halfLoad = r == null ? 0 : r.rate().perSecond();
                }
            }
        }
    }

    /** A probe's effect that a final lookup by its id did not find is lost, not late: the run fails. */
    private void missing(FreshnessProbe.Result p) {
        if (p.missing() > 0) {
            problems.add("freshness: " + p.missing() + " effects never seen: " + p.missingIds());
            log("MISSING effects: " + p.missingIds());
        }
    }

    private void writeBaseline() {
        reportsForBaseline = best == null ? 20_000 : Math.max(20_000, best.accepted());
        History reports = new History(
                reportsForBaseline,
                (int) Math.max(1, reportsForBaseline / 100),
                Reporter.EDITORS.stream().map(Reporter::organisation).toList(),
                "write-baseline");
        log("Kafka baseline: " + reportsForBaseline + " records of progress-report size");
        writeKafka = KafkaBaseline.throughput(reports, settings.kafkaBootstrap(), lag().admin());
        log("Kafka baseline: produce " + writeKafka.produce() + ", consume " + writeKafka.consume());
        writeJdbc = new JdbcBaseline(settings)
                .insertReports(
                        reportsForBaseline,
                        History.narrative(),
                        List.of(
                                new IndicatorValue(
                                        "Division offices with an operating multilingual referral desk",
                                        "desks",
                                        0.0,
                                        5.0,
                                        2.0),
                                new IndicatorValue(
                                        "Referrals with a written slip to city health centres",
                                        "referrals",
                                        0.0,
                                        4000.0,
                                        1130.0)));
        log("JDBC baseline: " + writeJdbc);
        kafkaLatency = KafkaBaseline.endToEnd(
                settings.kafkaBootstrap(),
                lag().admin(),
                1200,
                200,
                options.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(20));
        log("Kafka end-to-end latency: " + kafkaLatency.millis() + " ms");
    }

    private static final long BASELINE_EVENTS = 1_000_000;

    private DatasetPhase.@Nullable Result dataset;

    private void dataset() {
        DatasetSize size = Objects.requireNonNull(options.size(), "the phase runs with a size");
        try (Watch watch = new Watch(lag(), stack())) {
            dataset = new DatasetPhase(settings, stack(), lag(), workspace).load(size, options.seed());
            memoryUnderLoad = Footprint.max(memoryUnderLoad, watch.maxMemory());
        }
    }

    private ReadPhase.@Nullable Result reads;

    /** What a person waits for on the data set's large forum, next to what the database alone takes. */
    private void reads() {
        NationalDataset d =
                Objects.requireNonNull(dataset, "the reads follow the data set").dataset();
        fullEvaluation(d.largestForum());
        ReadTargets targets = ReadTargets.of(
                d.largestForum(),
                workspace.probeAction().id(),
                d.visibleInLargestForum(),
                NationalDataset.END.minus(Duration.ofDays(730)),
                firstFlag(d.largestForum()),
                Reporter.STATISTICIAN);
        ReadPhase.Result r =
                ReadPhase.run(http, workspace, settings, targets, options.readUsers(), options.readRequests());
        reads = r;
        r.rows().stream()
                .filter(row -> row.failures() > 0)
                .forEach(row ->
                        problems.add("read " + row.read() + " at " + row.users() + " users: " + row.failureText()));
        Path plans = options.out()
                .resolveSibling(options.out().getFileName().toString().replace(".md", "") + "-plans.md");
        try {
            Files.createDirectories(plans.getParent());
            Files.writeString(plans, r.plansText());
            log("query plans written to " + plans);
        } catch (IOException e) {
            log("could not write " + plans + ": " + e);
        }
    }

    private final List<String> checksAtSize = new ArrayList<>();

    /**
     * The large forum's coherence checks evaluated in full, a few times: the city's coordinator (the city chairs the
     * forum) saves the settings unchanged, which runs every check before the answer. Also lets the first run after
     * the load end before the reads begin.
     */
    private void fullEvaluation(UUID forum) {
        CheckSettings checks = new CheckSettings(http, workspace, CoherencePhase.COORDINATOR, forum);
        CheckSettings.Read current = checks.read();
        for (int i = 0; i < CoherencePhase.TIMES; i++) {
            Instant sent = Instant.now();
            CheckSettings.Saved saved = checks.save(current, Duration.ofMinutes(30));
            CheckSettings.Read answer = saved.answer();
            CheckSettings.LastRun run = answer == null ? null : answer.lastRun();
            if (answer == null || run == null || !run.at().isAfter(sent)) {
                problems.add("coherence at size: PUT coherence-settings answered " + saved.status()
                        + " without a run of the checks: " + saved.body());
                return;
            }
            current = answer;
            String line = String.format(
                    "full evaluation of the large forum's checks: PUT %s ms, the checks' run %s ms, %,d actions, "
                            + "%,d findings",
                    Format.millis(saved.nanos()),
                    Format.millis(run.tookMicros() * 1000),
                    run.actions(),
                    run.findings());
            log(line);
            checksAtSize.add(line);
        }
    }

    /** A flag of the forum the reader may read (the newest), or null when the checks raised none. */
    private @Nullable UUID firstFlag(UUID forum) {
        Http.Answer a = http.get(
                workspace.url(org.arrival.local.PlatformService.FORUM, "/forums/" + forum + "/flags"),
                workspace.token(Reporter.STATISTICIAN));
        if (!a.is(200) || a.json().path("items").isEmpty()) {
            return null;
        }
        return UUID.fromString(a.json().path("items").get(0).get("flagId").asString());
    }

    private HistorySeed.@Nullable Seeded seeded;
    private @Nullable Rate liveCatchUp;
    private final Map<String, Rate> liveByGroup = new java.util.LinkedHashMap<>();
    private @Nullable Map<String, Long> liveCpu;
    private @Nullable Map<String, Long> rebuildCpu;
    private long topicEvents;

    /** Seeds years of history into the topics and measures the live consumers reading it. */
    private History seedHistory() {
        History history = new History(
                options.historyEvents(),
                options.historyActions(),
                Reporter.EDITORS.stream().map(Reporter::organisation).toList(),
                UUID.randomUUID().toString());
        log("seeding " + history.size() + " events about " + options.historyActions() + " actions");
        Map<String, Long> cpuBefore = Footprint.cpu(stack());
        LiveReading.Result read =
                LiveReading.publish(history, settings.kafkaBootstrap(), lag(), workspace, Duration.ofHours(3));
        seeded = read.seeded();
        log("seeded: " + seeded.rate() + ", mean " + Math.round(seeded.meanSize()) + " bytes, " + seeded.validated()
                + " checked against their schema");
        liveCatchUp = read.allRead();
        liveByGroup.putAll(read.byGroup());
        log("live consumers caught up: " + liveCatchUp + " " + liveByGroup);
        Map<String, Long> cpuAfterLive = Footprint.cpu(stack());
        liveCpu = Footprint.cpuSince(cpuBefore, cpuAfterLive);
        return history;
    }

    private void rebuild() {
        Iterable<HistoryEvent> history;
        DatasetPhase.Result loaded = dataset;
        if (options.historyEvents() > 0) {
            history = seedHistory();
        } else if (loaded != null) {
            // the data set is in the topics already; the baselines take its first million events
            history =
                    () -> java.util.stream.StreamSupport.stream(loaded.dataset().spliterator(), false)
                            .limit(BASELINE_EVENTS)
                            .iterator();
        } else {
            history = List.of();
        }
        topicEvents = lag().eventsIn(EventCatalogue.instance().topics().stream()
                .map(TopicDefinition::name)
                .toList());
        try (Watch watch = new Watch(lag(), stack())) {
            Map<String, Long> cpuBeforeRebuild = Footprint.cpu(stack());
            rebuild = ForumRebuild.run(api, Duration.ofHours(2));
            rebuildCpu = Footprint.cpuSince(cpuBeforeRebuild, Footprint.cpu(stack()));
            memoryUnderLoad = Footprint.max(memoryUnderLoad, watch.maxMemory());
        }
        log("rebuild " + rebuild.status() + ": " + rebuild.rate()
                + (rebuild.error() == null ? "" : " " + rebuild.error()));
        if (options.runs("baseline") && history.iterator().hasNext()) {
            historyKafka = KafkaBaseline.throughput(history, settings.kafkaBootstrap(), lag().admin());
            log("Kafka baseline of the history: produce " + historyKafka.produce() + ", consume "
                    + historyKafka.consume());
            historyJdbc = new JdbcBaseline(settings).insertEvents(history);
            log("JDBC baseline of the history: " + historyJdbc);
        }
    }

    private CoherencePhase.@Nullable Result coherence;

    private void coherence() {
        settle();
        coherence = new CoherencePhase(http, workspace, settings, stack(), lag()).run(options.coherenceActions());
        coherence.failures().forEach(f -> problems.add("coherence: " + f));
    }

    /** Rows of the spreadsheet imported: 5,000 in a full run. */
    static final int IMPORT_ROWS = 5_000;

    private static final int IMPORT_RUNS = 3;

    private final Table spreadsheetImport = new Table("step", "rows", "median (s)", "runs (s)");

    private void spreadsheetImport() {
        settle();
        int rows = options.quick() ? 500 : IMPORT_ROWS;
        org.arrival.benchmarks.reporting.SpreadsheetImportRun importer =
                new org.arrival.benchmarks.reporting.SpreadsheetImportRun(http, workspace);
        List<Long> previews = new java.util.ArrayList<>();
        List<Long> applies = new java.util.ArrayList<>();
        for (int run = 1; run <= IMPORT_RUNS; run++) {
            var timing = importer.run(Reporter.EDITORS.get(1), rows, run);
            previews.add(timing.previewMillis());
            applies.add(timing.applyMillis());
            log("import of " + rows + " rows, run " + run + ": preview " + timing.previewMillis() + " ms, apply "
                    + timing.applyMillis() + " ms");
            settle();
        }
        spreadsheetImport.row(
                "preview (upload, read, judge, store)",
                String.format("%,d", rows),
                Format.seconds(org.arrival.benchmarks.reporting.SpreadsheetImportRun.median(previews) / 1000.0),
                previews.stream()
                        .map(m -> Format.seconds(m / 1000.0))
                        .collect(java.util.stream.Collectors.joining(", ")));
        spreadsheetImport.row(
                "apply (one transaction, an event per action)",
                String.format("%,d", rows),
                Format.seconds(org.arrival.benchmarks.reporting.SpreadsheetImportRun.median(applies) / 1000.0),
                applies.stream()
                        .map(m -> Format.seconds(m / 1000.0))
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    // ---- the results

    private String results(Instant began, double loadBefore, double loadAfter) {
        String nl = System.lineSeparator();
        out.append("## Results").append(nl).append(nl);
        out.append("- Run: ")
                .append(began)
                .append(" to ")
                .append(Instant.now())
                .append(options.quick() ? " (**--quick**: small counts, not figures to quote)" : "")
                .append(nl);
        out.append("- Machine: ").append(Machine.describe()).append(nl);
        out.append(String.format(
                Locale.ROOT, "- Load average (1 min) before the run %.1f, after %.1f%n", loadBefore, loadAfter));
        out.append(nl).append(summary().markdown()).append(nl);
        if (stackStart != null) {
            out.append("### Start of the local stack (fresh data directory: ")
                    .append(!options.reuse())
                    .append(')')
                    .append(nl)
                    .append(nl)
                    .append(stackStart.markdown())
                    .append(nl);
        }
        if (dataset != null) {
            out.append("### Data set: ")
                    .append(dataset.dataset())
                    .append(", loaded through the topics")
                    .append(nl)
                    .append(nl)
                    .append(dataset.table().markdown())
                    .append(nl)
                    .append(dataset.costs().markdown())
                    .append(nl);
        }
        if (reads != null) {
            out.append("### Reads of the data set's large forum: p50 / p95 / p99 over a fixed number of requests, ")
                    .append("next to a plain SQL query over the same rows")
                    .append(nl)
                    .append(nl)
                    .append(reads.table().markdown())
                    .append(nl);
            reads.notes().forEach(n -> out.append("- ").append(n).append(nl));
            checksAtSize.forEach(n -> out.append("- ").append(n).append(nl));
            out.append(nl);
        }
        if (!pages.isEmpty()) {
            out.append("### Pages of the web application: time to the last byte over loopback, and weight")
                    .append(nl)
                    .append(nl)
                    .append(pages.markdown())
                    .append(nl);
        }
        if (!throughput.isEmpty()) {
            out.append("### Write throughput: closed-loop clients, ")
                    .append(options.levelDuration().toSeconds())
                    .append(" s each")
                    .append(nl)
                    .append(nl)
                    .append(throughput.markdown())
                    .append(nl);
        }
        if (cpu != null) {
            out.append("### CPU time per accepted report (ms) by process, catch-up included, use at rest taken off")
                    .append(nl)
                    .append(nl)
                    .append(cpu.markdown())
                    .append(nl);
        }
        if (!freshness.isEmpty()) {
            out.append("### Freshness: write response to effect visible, ")
                    .append(options.freshnessDuration().toSeconds())
                    .append(" s per level, a probe every ")
                    .append(options.probeEvery().toMillis())
                    .append(" ms, polled every ")
                    .append(FreshnessProbe.POLL_EVERY.toMillis())
                    .append(" ms")
                    .append(nl)
                    .append(nl)
                    .append(freshness.markdown())
                    .append(nl);
        }
        Table rebuildTable = rebuildTable();
        if (!rebuildTable.isEmpty()) {
            out.append("### Rebuild of the forum view")
                    .append(nl)
                    .append(nl)
                    .append(rebuildTable.markdown())
                    .append(nl);
        }
        if (liveCpu != null || rebuildCpu != null) {
            out.append("### CPU time per event of the history (µs) by process")
                    .append(nl)
                    .append(nl)
                    .append(historyCpuTable().markdown())
                    .append(nl);
        }
        if (!spreadsheetImport.isEmpty()) {
            out.append("### Import of a spreadsheet of new actions: median of ")
                    .append(IMPORT_RUNS)
                    .append(" runs")
                    .append(nl)
                    .append(nl)
                    .append(spreadsheetImport.markdown())
                    .append(nl);
        }
        if (coherence != null) {
            out.append("### Coherence checks of the forum with ")
                    .append(String.format("%,d", coherence.actions()))
                    .append(" more actions")
                    .append(nl)
                    .append(nl)
                    .append(coherence.table().markdown())
                    .append(nl)
                    .append(coherence.notes())
                    .append(nl);
        }
        out.append("### Resident memory (MiB)")
                .append(nl)
                .append(nl)
                .append(memoryTable().markdown())
                .append(nl);
        if (!problems.isEmpty()) {
            out.append("### Problems").append(nl).append(nl);
            problems.forEach(p -> out.append("- ").append(p).append(nl));
        }
        return out.toString();
    }

    private @Nullable Table stackStart;

    private Table summary() {
        Table t = new Table("figure", "measured", "target (2 cores)", "baseline it is bounded by", "ratio");
        if (best != null) {
            t.row(
                    "sustained write throughput over HTTP (progress reports/s, best level)",
                    Format.rate(best.rate().perSecond()) + " (p99 "
                            + Format.millis(best.latency().p99()) + " ms)",
                    "≥ 1,000",
                    writeJdbc == null
                            ? "-"
                            : "PostgreSQL, JDBC batches of the same rows: " + Format.rate(writeJdbc.perSecond()) + "/s",
                    writeJdbc == null ? "-" : Format.ratio(best.rate().perSecond(), writeJdbc.perSecond()));
            if (writeKafka != null) {
                t.row(
                        "",
                        "",
                        "",
                        "Kafka, plain producer, same records: "
                                + Format.rate(writeKafka.produce().perSecond()) + "/s",
                        Format.ratio(
                                best.rate().perSecond(), writeKafka.produce().perSecond()));
            }
            double endToEnd =
                    best.accepted() / (best.rate().elapsed().plus(bestCatchUp).toNanos() / 1e9);
            t.row("same, counted until the forum view and notifications caught up", Format.rate(endToEnd), "", "", "");
        }
        if (freshnessAtHalf != null) {
            String kafka = kafkaLatency == null
                    ? "-"
                    : "Kafka produce → consume p99 " + Format.millis(kafkaLatency.p99()) + " ms";
            t.row(
                    "freshness p99, forum view, at half the best load (" + Format.rate(halfLoad) + "/s)",
                    Format.millis(freshnessAtHalf.forumView().p99()) + " ms",
                    "< 250 ms",
                    kafka,
                    kafkaLatency == null
                            ? "-"
                            : Format.ratio((double) freshnessAtHalf.forumView().p99(), (double) kafkaLatency.p99()));
            t.row(
                    "freshness p99, notification stored, same load",
                    Format.millis(freshnessAtHalf.notification().p99()) + " ms",
                    "< 250 ms",
                    kafka,
                    kafkaLatency == null
                            ? "-"
                            : Format.ratio(
                                    (double) freshnessAtHalf.notification().p99(), (double) kafkaLatency.p99()));
        }
        if (rebuild != null) {
            t.row(
                    "rebuild of the forum view (events/s)",
                    Format.rate(rebuild.rate().perSecond()),
                    "≥ 20,000",
                    historyJdbc == null
                            ? "-"
                            : "PostgreSQL, JDBC batches of the event-log rows: " + Format.rate(historyJdbc.perSecond())
                                    + "/s",
                    historyJdbc == null ? "-" : Format.ratio(rebuild.rate().perSecond(), historyJdbc.perSecond()));
            if (historyKafka != null) {
                t.row(
                        "",
                        "",
                        "",
                        "Kafka, plain consumer, same records: "
                                + Format.rate(historyKafka.consume().perSecond()) + "/s",
                        Format.ratio(
                                rebuild.rate().perSecond(),
                                historyKafka.consume().perSecond()));
            }
        }
        if (coherence != null) {
            coherence.summary().forEach(r -> t.row(r[0], r[1], "", "", ""));
        }
        if (!memoryUnderLoad.isEmpty()) {
            t.row(
                    "whole stack resident under load (sum of Pss, harness excluded)",
                    Format.mib(Footprint.totalPssKib(memoryUnderLoad, false)) + " MiB",
                    "< 3,072 MiB",
                    "",
                    "");
        }
        if (stackStartTimes != null && stackStartTimes.containsKey("platform")) {
            t.row(
                    "start of the local stack until every service is healthy",
                    Format.seconds(stackStartTimes.get("platform").toMillis() / 1000.0) + " s",
                    "",
                    "",
                    "");
        }
        return t;
    }

    private @Nullable Map<String, Duration> stackStartTimes;

    private Table rebuildTable() {
        Table t = new Table("step", "events", "time (s)", "events/s");
        if (seeded != null) {
            t.row(
                    "seed the history into the topics (plain producer, " + Math.round(seeded.meanSize())
                            + " bytes a record)",
                    String.format("%,d", seeded.events()),
                    Format.seconds(seeded.rate().elapsed().toMillis() / 1000.0),
                    Format.rate(seeded.rate().perSecond()));
        }
        if (liveCatchUp != null) {
            t.row(
                    "live consumers (forum view, notifications) read it, seeding included",
                    String.format("%,d", liveCatchUp.count()),
                    Format.seconds(liveCatchUp.elapsed().toMillis() / 1000.0),
                    Format.rate(liveCatchUp.perSecond()));
            liveByGroup.forEach((group, rate) -> t.row(
                    "  of which " + group + " (consumer group) was done after",
                    String.format("%,d", rate.count()),
                    Format.seconds(rate.elapsed().toMillis() / 1000.0),
                    Format.rate(rate.perSecond())));
        }
        if (rebuild != null) {
            t.row(
                    "POST /admin/rebuild until COMPLETED (" + rebuild.status() + "; topics held "
                            + String.format("%,d", topicEvents) + " events)",
                    String.format("%,d", rebuild.eventsRead()),
                    Format.seconds(rebuild.rate().elapsed().toMillis() / 1000.0),
                    Format.rate(rebuild.rate().perSecond()));
        }
        if (historyKafka != null) {
            t.row(
                    "baseline: plain producer, same records, own topic",
                    String.format("%,d", historyKafka.produce().count()),
                    Format.seconds(historyKafka.produce().elapsed().toMillis() / 1000.0),
                    Format.rate(historyKafka.produce().perSecond()));
            t.row(
                    "baseline: plain consumer reads them from the beginning",
                    String.format("%,d", historyKafka.consume().count()),
                    Format.seconds(historyKafka.consume().elapsed().toMillis() / 1000.0),
                    Format.rate(historyKafka.consume().perSecond()));
        }
        if (historyJdbc != null) {
            t.row(
                    "baseline: JDBC batches of 1,000 event-log rows",
                    String.format("%,d", historyJdbc.count()),
                    Format.seconds(historyJdbc.elapsed().toMillis() / 1000.0),
                    Format.rate(historyJdbc.perSecond()));
        }
        if (writeKafka != null) {
            t.row(
                    "write baseline: plain producer, progress-report records",
                    String.format("%,d", writeKafka.produce().count()),
                    Format.seconds(writeKafka.produce().elapsed().toMillis() / 1000.0),
                    Format.rate(writeKafka.produce().perSecond()));
        }
        if (writeJdbc != null) {
            t.row(
                    "write baseline: JDBC batches of 1,000 progress-report rows",
                    String.format("%,d", writeJdbc.count()),
                    Format.seconds(writeJdbc.elapsed().toMillis() / 1000.0),
                    Format.rate(writeJdbc.perSecond()));
        }
        return t;
    }

    private Table historyCpuTable() {
        Map<String, Long> parts = Objects.requireNonNull(
                liveCpu != null ? liveCpu : rebuildCpu, "asked for only once the history phase measured CPU");
        List<String> header = new ArrayList<>(List.of("step"));
        parts.keySet().forEach(k -> header.add(shortName(k)));
        header.add("stack total");
        Table t = new Table(header.toArray(String[]::new));
        if (liveCpu != null) {
            long events = Objects.requireNonNull(seeded, "the history is seeded before the consumers read it")
                    .events();
            t.row(cpuRow("seeding and the live consumers reading it", liveCpu, events));
        }
        if (rebuildCpu != null) {
            long events = Objects.requireNonNull(rebuild, "its CPU is measured around the rebuild")
                    .eventsRead();
            t.row(cpuRow("the rebuild", rebuildCpu, events));
        }
        return t;
    }

    private static Object[] cpuRow(String step, Map<String, Long> used, long events) {
        List<Object> row = new ArrayList<>(List.of(step));
        long stack = 0;
        for (var e : used.entrySet()) {
            row.add(Format.rate(e.getValue() / 1000.0 / Math.max(1, events)));
            stack += e.getKey().equals(Footprint.HARNESS) ? 0 : e.getValue();
        }
        row.add(Format.rate(stack / 1000.0 / Math.max(1, events)));
        return row.toArray();
    }

    private Table memoryTable() {
        Table t = new Table(
                "part", "processes", "RSS at rest", "Pss at rest", "RSS under load (max)", "Pss under load (max)");
        List<String> parts = new ArrayList<>(memoryAtRest.keySet());
        memoryUnderLoad.keySet().stream().filter(k -> !parts.contains(k)).forEach(parts::add);
        Footprint.Memory none = new Footprint.Memory(0, 0, 0);
        for (String part : parts) {
            Footprint.Memory rest = memoryAtRest.getOrDefault(part, none);
            Footprint.Memory load = memoryUnderLoad.getOrDefault(part, none);
            t.row(
                    part,
                    Math.max(rest.processes(), load.processes()),
                    Format.mib(rest.rssKib()),
                    Format.mib(rest.pssKib()),
                    Format.mib(load.rssKib()),
                    Format.mib(load.pssKib()));
        }
        t.row(
                "**stack (harness excluded)**",
                "",
                "",
                Format.mib(Footprint.totalPssKib(memoryAtRest, false)),
                "",
                Format.mib(Footprint.totalPssKib(memoryUnderLoad, false)));
        return t;
    }

    static void log(String message) {
        System.out.println("[bench "
                + java.time.LocalTime.now(java.time.ZoneId.systemDefault()).withNano(0) + "] " + message);
    }
}
