package org.arrival.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arrival.benchmarks.dataset.DatasetSize;
import org.jspecify.annotations.Nullable;

/**
 * What to run and how long. The full run takes about 20 minutes on two cores; {@code --quick} takes a few minutes with
 * smaller counts, for trying the harness out (its figures are not the ones to quote).
 *
 * @param loadActions actions the closed-loop clients and the open-loop stream report on (one client per action)
 * @param clientLevels concurrent closed-loop clients, one level after the other
 * @param freshnessLoads background load of the freshness runs, as fractions of the best closed-loop throughput
 * @param historyEvents events seeded into the topics before the rebuild
 * @param historyActions actions those events are about
 * @param coherenceActions actions shared with the forum before its coherence checks are timed
 * @param size the data set loaded through the topics before the reads are measured; null: none
 * @param seed the data set's seed (the same seed, the same events)
 * @param readUsers concurrent users of each read, one level after the other
 * @param readRequests requests of each read at each level (a twentieth of them for the exports and the as-of view)
 */
public record Options(
        boolean quick,
        boolean reuse,
        Set<String> skip,
        Path out,
        int loadActions,
        Duration warmUp,
        List<Integer> clientLevels,
        Duration levelDuration,
        List<Double> freshnessLoads,
        Duration freshnessDuration,
        Duration probeEvery,
        long historyEvents,
        int historyActions,
        int coherenceActions,
        @Nullable DatasetSize size,
        long seed,
        List<Integer> readUsers,
        int readRequests) {

    static final List<String> PHASES = List.of(
            "dataset", "reads", "pages", "throughput", "freshness", "rebuild", "baseline", "coherence", "import");

    /** The seed of the data sets unless --seed says otherwise. */
    static final long SEED = 20_261_207L;

    static final String USAGE = """
            benchmarks/run [--quick] [--reuse] [--size=city|region|country] [--seed=N] [--skip=phase,...] [--events=N]
                           [--coherence-actions=N] [--warm-up=SECONDS] [--out=FILE]
              --quick       small counts, a few minutes: to try the harness, not to quote
              --size=S      first load a data set of that size through the topics and measure what people read
                            (city: 1 forum, 2,000 actions; region: 30 forums, 20,000 actions; country: 300 forums,
                            200,000 actions, 5 million progress reports); the rebuild then replays it
              --seed=N      the data set's seed (default 20261207)
              --read-requests=N
                            requests of each read at each number of users (default 200, quick 40; the exports and
                            the as-of view get a twentieth)
              --reuse       keep the stack's data directory from an earlier run (default: start fresh)
              --skip=...    leave out phases: dataset, reads, pages, throughput, freshness, rebuild, baseline,
                            coherence, import
              --events=N    events to seed for the rebuild (default 1000000, quick 50000; with --size, none: the
                            rebuild replays the data set)
              --coherence-actions=N
                            actions shared with the forum before its coherence checks are timed (default 20000,
                            quick 2000)
              --warm-up=S   seconds of load before the first measurement, for the JIT (default 90, quick 15)
              --out=FILE    the Markdown results (default benchmarks/target/results-<time>.md)""";

    static Options parse(String[] args, Path root) {
        List<String> list = Arrays.asList(args);
        boolean quick = list.contains("--quick");
        boolean reuse = list.contains("--reuse");
        Set<String> skip = new HashSet<>();
        Long events = null;
        Integer warmUp = null;
        Integer coherence = null;
        DatasetSize size = null;
        long seed = SEED;
        Integer readRequests = null;
        Path out = root.resolve("benchmarks/target/results-"
                + java.time.LocalDateTime.now(java.time.ZoneId.systemDefault())
                        .withNano(0)
                        .toString()
                        .replace(':', '-')
                + ".md");
        for (String a : args) {
            if (a.startsWith("--skip=")) {
                for (String phase : a.substring(7).split(",")) {
                    if (!PHASES.contains(phase)) {
                        throw new IllegalArgumentException("no phase " + phase + "; phases: " + PHASES);
                    }
                    skip.add(phase);
                }
            } else if (a.startsWith("--events=")) {
                events = Long.parseLong(a.substring(9).replace("_", "").replace(",", ""));
            } else if (a.startsWith("--coherence-actions=")) {
                coherence = Integer.parseInt(a.substring(20).replace("_", "").replace(",", ""));
            } else if (a.startsWith("--size=")) {
                size = DatasetSize.parse(a.substring(7));
            } else if (a.startsWith("--read-requests=")) {
                readRequests = Integer.parseInt(a.substring(16));
            } else if (a.startsWith("--seed=")) {
                seed = Long.parseLong(a.substring(7));
            } else if (a.startsWith("--warm-up=")) {
                warmUp = Integer.parseInt(a.substring(10));
            } else if (a.startsWith("--out=")) {
                out = Path.of(a.substring(6)).toAbsolutePath();
            } else if (!a.equals("--quick") && !a.equals("--reuse")) {
                throw new IllegalArgumentException("unknown option " + a + System.lineSeparator() + USAGE);
            }
        }
        if (quick) {
            long n = events != null ? events : size != null ? 0 : 50_000;
            return new Options(
                    true,
                    reuse,
                    skip,
                    out,
                    16,
                    Duration.ofSeconds(warmUp == null ? 15 : warmUp),
                    List.of(4, 16),
                    Duration.ofSeconds(10),
                    List.of(0.0, 0.5),
                    Duration.ofSeconds(10),
                    Duration.ofMillis(250),
                    n,
                    (int) Math.max(1, n / 100),
                    coherence == null ? 2_000 : coherence,
                    size,
                    seed,
                    List.of(1, 8),
                    readRequests == null ? 40 : readRequests);
        }
        long n = events != null ? events : size != null ? 0 : 1_000_000;
        return new Options(
                false,
                reuse,
                skip,
                out,
                64,
                Duration.ofSeconds(warmUp == null ? 90 : warmUp),
                List.of(1, 4, 16, 64),
                Duration.ofSeconds(30),
                List.of(0.0, 0.25, 0.5, 0.75, 1.0),
                Duration.ofSeconds(30),
                Duration.ofMillis(250),
                n,
                (int) Math.max(1, n / 100),
                coherence == null ? 20_000 : coherence,
                size,
                seed,
                List.of(1, 32),
                readRequests == null ? 200 : readRequests);
    }

    boolean runs(String phase) {
        if ((phase.equals("dataset") || phase.equals("reads")) && size == null) {
            return false;
        }
        return !skip.contains(phase);
    }
}
