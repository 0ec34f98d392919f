package org.arrival.benchmarks.reads;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrival.benchmarks.measure.Format;
import org.arrival.benchmarks.measure.Latencies;
import org.arrival.benchmarks.measure.Table;
import org.arrival.benchmarks.reporting.Http;
import org.arrival.benchmarks.reporting.Workspace;
import org.arrival.local.PlatformService;
import org.arrival.local.StackSettings;
import org.jspecify.annotations.Nullable;

/**
 * Read latency of what a person waits for in a large forum: the forum view's API (the tracker's first page, a
 * filtered and sorted page, its last page, its summary, who-what-where, needs coverage, readiness, as-of, the flags'
 * first page, a flag's history), its two exports and three pages of the web application ("My work", the forum, an
 * action). Each read is sent a fixed number of times by 1, then 32 (or the given numbers of) concurrent users in a
 * closed loop, after a short warm-up; its latencies are set beside those of plain SQL over the same rows in the forum
 * view's database, sent the same number of times over as many connections. Any answer other than 2xx is counted and
 * reported, never measured, and fails the run, except a 503 to an expensive read (the as-of view, the exports): the
 * service turning away a read it has no turn for, reported beside the latencies. The plans of the baselines and of the statements the service
 * runs for the tracker are kept, as {@code EXPLAIN (ANALYZE, BUFFERS)} prints them.
 */
public final class ReadPhase {

    /** The concurrent users each read is measured at, unless given. */
    public static final List<Integer> USERS = List.of(1, 32);

    /** Requests of each read at each number of users, unless given. */
    public static final int REQUESTS = 200;

    /** The filter and sort of the filtered tracker read. */
    static final String SECTOR = "HEALTH";

    static final String STATUS = "IN_PROGRESS";
    static final String SORT = "-endDate";

    private static final String JSON = "application/json";

    private ReadPhase() {}

    /**
     * How much each read is asked: the numbers of concurrent users, the requests at each (exports, being large, get
     * fewer) and the unmeasured warm-up requests before each measurement.
     */
    public record Load(List<Integer> users, int requests, int exportRequests, int warmUp) {

        public Load {
            users = List.copyOf(users);
            if (users.isEmpty() || users.stream().anyMatch(u -> u < 1)) {
                throw new IllegalArgumentException("at least one number of users, each at least 1: " + users);
            }
            if (requests < 1 || exportRequests < 1 || warmUp < 0) {
                throw new IllegalArgumentException(
                        "requests " + requests + ", export requests " + exportRequests + ", warm-up " + warmUp);
            }
        }

        /** The requests given, a twentieth of them (at least 1) for the exports, 10 warm-up requests. */
        public static Load of(List<Integer> users, int requests) {
            return new Load(users, requests, Math.max(1, requests / 20), 10);
        }
    }

    enum Kind {
        API,
        PAGE
    }

    /**
     * One read: a path of the forum view's API or of the web application, what it accepts, how many times it is
     * sent, and its SQL baseline (none for the web pages).
     */
    record Read(
            String name,
            Kind kind,
            String path,
            String accept,
            int requests,
            @Nullable List<Query> baseline) {

        /** One of the forum's expensive reads, which take turns: a 503 is the service turning it away. */
        boolean expensive() {
            return path.contains("/as-of") || path.contains("/exports/");
        }
    }

    /**
     * One read at one number of users: the latencies of the answers and of the baseline, in nanoseconds; the bytes of
     * the largest 2xx answer (the body as UTF-8 for the API, compressed as sent for the pages).
     */
    public record Row(
            String read,
            int users,
            int requests,
            Latencies.Summary latency,
            long bytes,
            int failures,
            String failureText,
            Latencies.@Nullable Summary sql,
            String sqlFailures) {

        /** The read's p95 over its baseline's, e.g. "12.40x"; "-" without a baseline or without answers. */
        public String ratio() {
            if (sql == null || latency.count() == 0 || sql.count() == 0) {
                return "-";
            }
            return Format.ratio(latency.p95(), sql.p95());
        }
    }

    /** A statement's plan as it ran. */
    public record Plan(String name, String sql, String plan) {}

    /** What the phase measured, with the plans of the baselines and of the service's tracker statements. */
    public record Result(List<Row> rows, List<Plan> plans, List<String> notes) {

        public Table table() {
            Table t = new Table(
                    "read",
                    "users",
                    "requests",
                    "p50 / p95 / p99 ms",
                    "kB",
                    "failures",
                    "SQL p50 / p95 / p99 ms",
                    "p95 / SQL p95");
            for (Row r : rows) {
                t.row(
                        r.read(),
                        r.users(),
                        r.requests(),
                        r.latency().millis(),
                        r.latency().count() == 0 ? "-" : Format.kilobytes(r.bytes()),
                        r.failureText() + (r.sqlFailures().equals("-") ? "" : "; SQL " + r.sqlFailures()),
                        r.sql() == null ? "-" : r.sql().millis(),
                        r.ratio());
            }
            return t;
        }

        /** Every plan, headed by its name and statement, for a file of its own. */
        public String plansText() {
            StringBuilder out = new StringBuilder();
            for (Plan p : plans) {
                out.append("## ")
                        .append(p.name())
                        .append("\n\n")
                        .append(p.sql())
                        .append("\n\n");
                out.append(p.plan()).append('\n');
            }
            return out.toString();
        }
    }

    /** The reads at the given numbers of users, each sent {@code requests} times (exports a twentieth of that). */
    public static Result run(
            Http http,
            Workspace workspace,
            StackSettings settings,
            ReadTargets targets,
            List<Integer> users,
            int requests) {
        return run(http, workspace, settings, targets, Load.of(users, requests));
    }

    public static Result run(Http http, Workspace workspace, StackSettings settings, ReadTargets targets, Load load) {
        List<Read> reads = reads(targets, load);
        List<Row> rows = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Tokens tokens = new Tokens(() -> workspace.token(targets.reader()));
        WebSessions pages = new WebSessions(
                settings.baseUrl(PlatformService.WEB), targets.reader().username(), targets.password());
        int most = load.users().stream().mapToInt(Integer::intValue).max().orElse(1);
        boolean signedIn = true;
        try {
            pages.signIn(most);
        } catch (RuntimeException e) {
            signedIn = false;
            notes.add("the web pages were not read: " + targets.reader().username() + " could not sign in: "
                    + e.getMessage());
        }
        try (ForumDatabase db = new ForumDatabase(settings)) {
            db.connections(most);
            for (Read read : reads) {
                if (read.kind() == Kind.PAGE && !signedIn) {
                    continue;
                }
                ClosedLoop.Request request = read.kind() == Kind.API
                        ? user -> {
                            Http.Answer a = http.get(
                                    workspace.url(PlatformService.FORUM, read.path()), tokens.get(), read.accept());
                            return new ClosedLoop.Sample(a.status(), ForumDatabase.utf8(a.body()), a.nanos());
                        }
                        : user -> pages.fetch(user, read.path());
                List<Query> baseline = read.baseline();
                for (int u : load.users()) {
                    ClosedLoop.run(u, Math.min(load.warmUp(), read.requests()), request);
                    ClosedLoop.Outcome measured = ClosedLoop.run(u, read.requests(), request);
                    ClosedLoop.Outcome sql = null;
                    if (baseline != null) {
                        ClosedLoop.Request query = user -> db.run(user, baseline);
                        ClosedLoop.run(u, Math.min(load.warmUp(), read.requests()), query);
                        sql = ClosedLoop.run(u, read.requests(), query);
                    }
                    Row row = new Row(
                            read.name(),
                            u,
                            read.requests(),
                            measured.latencies().summary(),
                            measured.bytes(),
                            measured.failed() - (read.expensive() ? measured.shed() : 0),
                            measured.failureText(),
                            sql == null ? null : sql.latencies().summary(),
                            sql == null ? "-" : sql.failureText());
                    rows.add(row);
                    System.out.println("[bench] read " + row.read() + ", " + u + " users: "
                            + row.latency().millis()
                            + " ms (SQL " + (row.sql() == null ? "-" : row.sql().millis()) + " ms), failures "
                            + row.failureText());
                }
            }
            for (Read read : reads) {
                List<Query> baseline = read.baseline();
                if (baseline == null) {
                    continue;
                }
                for (int i = 0; i < baseline.size(); i++) {
                    Query q = baseline.get(i);
                    String name = "baseline: " + read.name() + (baseline.size() > 1 ? " (" + (i + 1) + ")" : "");
                    plans.add(new Plan(name, q.sql(), db.explain(q)));
                }
            }
            serviceTrackerPlans(http, workspace, targets, tokens, db, plans, notes);
        }
        return new Result(List.copyOf(rows), List.copyOf(plans), List.copyOf(notes));
    }

    /** The reads in the order they are measured: the API's, the exports, then the web pages. */
    static List<Read> reads(ReadTargets t, Load load) {
        String forum = "/forums/" + t.forum();
        int n = load.requests();
        int exports = load.exportRequests();
        List<Read> reads = new ArrayList<>();
        reads.add(new Read(
                "tracker, first page", Kind.API, forum + "/tracker", JSON, n, Baselines.trackerPage(t.forum(), 0)));
        reads.add(new Read(
                "tracker, " + SECTOR + " " + STATUS + " by " + SORT,
                Kind.API,
                forum + "/tracker?sector=" + SECTOR + "&status=" + STATUS + "&sort=" + SORT,
                JSON,
                n,
                Baselines.trackerFiltered(t.forum(), SECTOR, STATUS)));
        reads.add(new Read(
                "tracker, last page (" + t.lastPage() + ")",
                Kind.API,
                forum + "/tracker?size=" + ReadTargets.PAGE_SIZE + "&page=" + t.lastPage(),
                JSON,
                n,
                Baselines.trackerPage(t.forum(), t.lastPage())));
        reads.add(new Read(
                "tracker summary", Kind.API, forum + "/tracker/summary", JSON, n, Baselines.trackerSummary(t.forum())));
        reads.add(new Read(
                "who-what-where", Kind.API, forum + "/who-what-where", JSON, n, Baselines.whoWhatWhere(t.forum())));
        reads.add(new Read(
                "needs coverage", Kind.API, forum + "/needs-coverage", JSON, n, Baselines.needsCoverage(t.forum())));
        reads.add(new Read("readiness", Kind.API, forum + "/readiness", JSON, n, Baselines.readiness()));
        reads.add(new Read(
                "as-of " + t.asOf().truncatedTo(ChronoUnit.SECONDS),
                Kind.API,
                forum + "/as-of?at=" + URLEncoder.encode(t.asOf().toString(), StandardCharsets.UTF_8),
                JSON,
                exports,
                Baselines.asOf(t.forum(), t.asOf())));
        reads.add(new Read("flags", Kind.API, forum + "/flags", JSON, n, Baselines.flags(t.forum())));
        UUID flag = t.flagId();
        if (flag != null) {
            reads.add(new Read(
                    "flag history",
                    Kind.API,
                    forum + "/flags/" + flag + "/history",
                    JSON,
                    n,
                    Baselines.flagHistory(flag)));
        }
        reads.add(new Read(
                "export 3w.csv",
                Kind.API,
                forum + "/exports/3w.csv",
                "text/csv",
                exports,
                Baselines.export(t.forum())));
        reads.add(new Read(
                "export iati.xml",
                Kind.API,
                forum + "/exports/iati.xml",
                "application/xml",
                exports,
                Baselines.export(t.forum())));
        reads.add(new Read("page: My work", Kind.PAGE, "/", "text/html", n, null));
        reads.add(new Read("page: forum", Kind.PAGE, forum, "text/html", n, null));
        // the data set's actions live in the topics only: the action page (read from the action-plans service) is
        // asked about an action recorded through it
        reads.add(new Read("page: action", Kind.PAGE, "/actions/" + t.action(), "text/html", n, null));
        return List.copyOf(reads);
    }

    /**
     * The plans of the statements the forum view runs for three tracker pages (its count and its page), from the copy
     * of its SQL, with the reader's read policy as the service reads it; and whether the copy counts the actions the
     * API counts.
     */
    private static void serviceTrackerPlans(
            Http http,
            Workspace workspace,
            ReadTargets targets,
            Tokens tokens,
            ForumDatabase db,
            List<Plan> plans,
            List<String> notes) {
        try {
            int generation = db.activeGeneration();
            SqlViewer viewer = db.viewer(targets.reader().organisation());
            List<TrackerSql.Page> pages = List.of(
                    TrackerSql.Page.first(),
                    new TrackerSql.Page(SECTOR, STATUS, SORT, ReadTargets.PAGE_SIZE, 0),
                    new TrackerSql.Page(null, null, "title", ReadTargets.PAGE_SIZE, targets.lastPage()));
            List<String> names = List.of("first page", "filtered and sorted", "last page");
            for (int i = 0; i < pages.size(); i++) {
                List<Query> statements = TrackerSql.statements(generation, targets.forum(), viewer, pages.get(i));
                plans.add(new Plan(
                        "service: tracker " + names.get(i) + ", count",
                        statements.get(0).sql(),
                        db.explain(statements.get(0))));
                plans.add(new Plan(
                        "service: tracker " + names.get(i) + ", page",
                        statements.get(1).sql(),
                        db.explain(statements.get(1))));
            }
            long copy = db.count(TrackerSql.statements(generation, targets.forum(), viewer, TrackerSql.Page.first())
                    .get(0));
            Http.Answer api = http.get(
                    workspace.url(PlatformService.FORUM, "/forums/" + targets.forum() + "/tracker?size=1"),
                    tokens.get());
            long served = api.is(200) ? api.json().get("totalItems").asLong() : -1;
            notes.add(
                    copy == served
                            ? "the copy of the tracker's SQL counts the " + copy + " actions the API counts"
                            : "the copy of the tracker's SQL counts " + copy + " actions, the API " + served
                                    + ": its plans may not be the service's");
        } catch (SQLException | RuntimeException e) {
            notes.add("the service's tracker plans could not be read: " + e.getMessage());
        }
    }

    /** The reader's access token, fetched again once a minute (Keycloak's are valid for several). */
    static final class Tokens {

        private static final long REFRESH_NANOS = 60_000_000_000L;

        private final Supplier<String> fetch;
        private @Nullable String token;
        private long fetchedAt;

        Tokens(Supplier<String> fetch) {
            this.fetch = fetch;
        }

        synchronized String get() {
            long now = System.nanoTime();
            if (token == null || now - fetchedAt > REFRESH_NANOS) {
                token = fetch.get();
                fetchedAt = now;
            }
            return token;
        }
    }
}
