package org.arrival.benchmarks.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.benchmarks.measure.Latencies;
import org.arrival.benchmarks.reporting.Reporter;
import org.junit.jupiter.api.Test;

/** Which reads are sent, how often, to which paths; how a figure is set beside its baseline. */
class ReadPhaseTest {

    private static final UUID FORUM = UUID.fromString("3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f");
    private static final UUID ACTION = UUID.fromString("9d0f3c55-2a8e-4d7b-9a51-3c6e1f0b7a42");
    private static final UUID FLAG = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");

    @Test
    void theLastPageHoldsTheLastActions() {
        assertThat(ReadTargets.lastPage(0, 50)).isZero();
        assertThat(ReadTargets.lastPage(1, 50)).isZero();
        assertThat(ReadTargets.lastPage(50, 50)).isZero();
        assertThat(ReadTargets.lastPage(51, 50)).isEqualTo(1);
        assertThat(ReadTargets.lastPage(100, 50)).isEqualTo(1);
        assertThat(ReadTargets.lastPage(101, 50)).isEqualTo(2);
        assertThat(ReadTargets.lastPage(10_000, 50)).isEqualTo(199);
        assertThat(targets(12_345, FLAG).lastPage()).isEqualTo(246);
        assertThatThrownBy(() -> targets(-1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyReadHasItsPathAndCount() {
        List<ReadPhase.Read> reads = ReadPhase.reads(targets(12_345, FLAG), ReadPhase.Load.of(List.of(1, 32), 200));
        assertThat(reads)
                .extracting(ReadPhase.Read::path)
                .contains(
                        "/forums/" + FORUM + "/tracker",
                        "/forums/" + FORUM + "/tracker?sector=HEALTH&status=IN_PROGRESS&sort=-endDate",
                        "/forums/" + FORUM + "/tracker?size=50&page=246",
                        "/forums/" + FORUM + "/tracker/summary",
                        "/forums/" + FORUM + "/who-what-where",
                        "/forums/" + FORUM + "/needs-coverage",
                        "/forums/" + FORUM + "/readiness",
                        "/forums/" + FORUM + "/as-of?at=2024-12-01T00%3A00%3A00Z",
                        "/forums/" + FORUM + "/flags",
                        "/forums/" + FORUM + "/flags/" + FLAG + "/history",
                        "/forums/" + FORUM + "/exports/3w.csv",
                        "/forums/" + FORUM + "/exports/iati.xml",
                        "/",
                        "/forums/" + FORUM,
                        "/actions/" + ACTION);
        assertThat(reads).filteredOn(r -> r.path().contains("/exports/")).allSatisfy(r -> {
            assertThat(r.requests()).isEqualTo(10);
            assertThat(r.accept()).isNotEqualTo("application/json");
        });
        // the as-of view replays years of the forum's history: asked as seldom as the exports
        assertThat(reads)
                .filteredOn(r -> r.path().contains("/as-of"))
                .singleElement()
                .satisfies(r -> assertThat(r.requests()).isEqualTo(10));
        assertThat(reads)
                .filteredOn(r -> !r.path().contains("/exports/") && !r.path().contains("/as-of"))
                .allSatisfy(r -> assertThat(r.requests()).isEqualTo(200));
        assertThat(reads).allSatisfy(r -> assertThat(r.baseline() == null).isEqualTo(r.kind() == ReadPhase.Kind.PAGE));
        assertThat(reads).extracting(ReadPhase.Read::name).doesNotHaveDuplicates();
        // only the reads that take turns may be turned away with a 503
        assertThat(reads)
                .filteredOn(ReadPhase.Read::expensive)
                .extracting(ReadPhase.Read::path)
                .allMatch(p -> p.contains("/as-of") || p.contains("/exports/"))
                .hasSize(3);
    }

    @Test
    void aFlagsHistoryIsReadOnlyWhenThereIsAFlag() {
        assertThat(ReadPhase.reads(targets(10, null), ReadPhase.Load.of(List.of(1), 20)))
                .extracting(ReadPhase.Read::path)
                .noneMatch(p -> p.contains("/history"));
    }

    @Test
    void aLoadNeedsUsersAndRequests() {
        assertThat(ReadPhase.Load.of(List.of(1), 5).exportRequests()).isEqualTo(1);
        assertThatThrownBy(() -> ReadPhase.Load.of(List.of(), 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadPhase.Load.of(List.of(0), 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadPhase.Load.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRatioIsTheP95OverTheBaselines() {
        Latencies.Summary api = new Latencies.Summary(200, 8_000_000, 12_400_000, 20_000_000, 30_000_000, 9_000_000);
        Latencies.Summary sql = new Latencies.Summary(200, 500_000, 1_000_000, 2_000_000, 3_000_000, 600_000);
        assertThat(row(api, sql).ratio()).isEqualTo("12.40x");
        assertThat(row(api, null).ratio()).isEqualTo("-");
        assertThat(row(Latencies.Summary.EMPTY, sql).ratio()).isEqualTo("-");
        assertThat(row(api, Latencies.Summary.EMPTY).ratio()).isEqualTo("-");

        ReadPhase.Result result = new ReadPhase.Result(
                List.of(row(api, sql), row(api, null)),
                List.of(new ReadPhase.Plan("baseline: tracker", "SELECT 1", "Result  (cost=0.00..0.01 rows=1)\n")),
                List.of());
        String table = result.table().markdown();
        assertThat(table)
                .contains("SQL p50 / p95 / p99 ms")
                .contains("8.0 / 12.4 / 20.0")
                .contains("0.5 / 1.0 / 2.0");
        assertThat(table).contains("12.40x").contains("2 (HTTP 503 x2)");
        assertThat(result.plansText())
                .contains("## baseline: tracker")
                .contains("SELECT 1")
                .contains("Result");
    }

    private static ReadPhase.Row row(Latencies.Summary api, Latencies.Summary sql) {
        return new ReadPhase.Row("tracker, first page", 32, 200, api, 41_000, 2, "2 (HTTP 503 x2)", sql, "-");
    }

    private static ReadTargets targets(int actions, UUID flag) {
        return ReadTargets.of(
                FORUM, ACTION, actions, Instant.parse("2024-12-01T00:00:00Z"), flag, Reporter.STATISTICIAN);
    }
}
