package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.arrival.e2e.AppliedEffects.ForumRow;
import org.arrival.e2e.AppliedEffects.NotificationRow;
import org.arrival.e2e.DeadLetterWatch.DeadLetter;
import org.arrival.e2e.ReportLoad.Attempt;
import org.arrival.e2e.ReportLoad.Outcome;
import org.arrival.e2e.ReportLoad.Target;
import org.arrival.local.DemoForum;
import org.arrival.local.LocalStack;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The platform under faults, counted end to end. A steady load of progress reports from the city and the NGO, each
 * on actions of its own, runs for the whole test while parts of the stack fail in turn, each recovering before the
 * next: the Kafka broker, the forum, the notifications and the action-plans services are killed with SIGKILL (the
 * stack's supervisor restarts them), then PostgreSQL is stopped for 30 seconds and for 4 minutes. Afterwards every
 * report the API accepted must be in the forum view exactly once and in each subscriber's inbox exactly once, in the
 * order the API accepted them per action, and no dead-letter topic may hold a record written during the run. Per
 * fault it prints what was accepted, what took effect, duplicates, dead letters and how long recovery took.
 *
 * <p>It disturbs the stack every other test shares, so it runs last (junit-platform.properties orders classes by
 * {@link Order}; the others keep the default) and leaves every part up.
 */
@ExtendWith(PlatformExtension.class)
@Order(Integer.MAX_VALUE)
class FaultRunTest {

    private static final Duration PACE = Duration.ofMillis(1200);
    private static final Duration PART_UP = Duration.ofMinutes(3);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(120);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
    private static final Duration FINAL_LIMIT = Duration.ofMinutes(3);
    /** The final wait ends early once nothing more arrives for this long: what is missing then is lost. */
    private static final Duration FINAL_STALL = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofSeconds(1);

    private static final String CITY = "kcca-coordinator";
    private static final String NGO = "ngo-editor";
    /** Follows everything reported in the forum (the demo's subscription, and one made here to be sure). */
    private static final String FORUM_FOLLOWER = "ngo-editor";
    /** Follows the city's actions only. */
    private static final String CITY_FOLLOWER = "opm-refugees-editor";

    private RunningPlatform platform;
    private LocalStack stack;
    private AppliedEffects effects;
    private DeadLetterWatch deadLetters;
    private ReportLoad load;
    private final String tag = RunTag.random();
    private final List<Phase> phases = new ArrayList<>();
    private boolean postgresHeld;
    /** PostgreSQL's synchronous_commit and fsync as the stack runs it. */
    private String synchronousCommit;

    private String fsync;

    /** What kind of recovery a fault is measured by. */
    private enum Recovery {
        CONSUMER_FORUM,
        CONSUMER_NOTIFICATIONS,
        PRODUCER,
        BACKLOG,
        NONE
    }

    /** A stretch of the run: a fault and its recovery, or the steady load before and the catch-up after. */
    private static final class Phase {
        final String name;
        final Instant start;
        Instant end;
        Map<TopicPartition, Long> deadLettersAtStart;
        Map<TopicPartition, Long> deadLettersAtEnd;
        Map<String, Long> restartsAtStart;
        Map<String, Long> restartsAtEnd;
        Double recoverySeconds;
        String recoveryNote = "";
        /** How long the part was down: from the kill until it answered again, or held. */
        Duration down;

        Phase(String name, Instant start) {
            this.name = name;
            this.start = start;
        }
    }

    @Test
    void everyAcceptedReportTakesEffectOnceInOrderWhilePartsFail() throws Exception {
        platform = RunningPlatform.get();
        stack = platform.stack;
        effects = new AppliedEffects(platform.settings());
        Instant runStart = Instant.now();
        synchronousCommit = effects.serverSetting("synchronous_commit");
        fsync = effects.serverSetting("fsync");
        try (DeadLetterWatch dlt = new DeadLetterWatch(platform.settings().kafkaBootstrap())) {
            deadLetters = dlt;
            List<Target> targets = prepare();
            load = new ReportLoad(
                    targets,
                    platform.api,
                    platform.settings().baseUrl(PlatformService.ACTION_PLANS),
                    tag,
                    LocalDate.now(ZoneOffset.UTC).minusDays(1),
                    PACE);
            Map<TopicPartition, Long> deadLettersBefore = deadLetters.ends();
            try {
                Phase steady = begin("steady load, no fault");
                load.start();
                // the first reports reach the forum and both subscribers: the subscriptions cover the load's actions
                if (await(
                                RECOVERY_LIMIT,
                                s -> s.acceptedCount() >= targets.size() && s.caughtUp() ? Instant.now() : null)
                        == null) {
                    throw new AssertionError("before any fault, the load's first reports did not reach the forum view "
                            + "and both subscribers (" + FORUM_FOLLOWER + ", " + CITY_FOLLOWER + ") within "
                            + RECOVERY_LIMIT.toSeconds() + " s; attempts so far: " + load.attempts());
                }
                steady.recoveryNote = "-";

                kill("kill -9 Kafka broker", "kafka", Recovery.BACKLOG);
                kill("kill -9 forum", "forum", Recovery.CONSUMER_FORUM);
                kill("kill -9 notifications", "notifications", Recovery.CONSUMER_NOTIFICATIONS);
                kill("kill -9 action-plans", "action-plans", Recovery.PRODUCER);
                stopPostgres("stop PostgreSQL 30 s", Duration.ofSeconds(30));
                stopPostgres("stop PostgreSQL 4 min", Duration.ofMinutes(4));

                Phase after = begin("after the faults: catch-up");
                load.stop();
                awaitFinal();
                after.recoveryNote = "-";
                end(after);
            } finally {
                leaveHealthy();
            }
            Duration wall = Duration.between(runStart, Instant.now());
            Count count = count(deadLettersBefore);
            String table = table(count, wall);
            System.out.println(table);
            writeReport(table);
            assertThat(count.failures).as("the fault run's findings%n%s", table).isEmpty();
        }
    }

    // ---- setup: actions of the city and the NGO, subscriptions that cover their reports

    private List<Target> prepare() {
        List<Target> targets = new ArrayList<>();
        for (String[] owner : new String[][] {{CITY, "city"}, {CITY, "city"}, {NGO, "NGO"}, {NGO, "NGO"}}) {
            String token = platform.token(owner[0]);
            JsonNode action = platform.api.expect(
                    201,
                    "POST",
                    PlatformService.ACTION_PLANS,
                    "/actions",
                    token,
                    """
                    {"title":"Fault run %s: %s action %d","kind":"SERVICE","sectors":["HEALTH"],
                     "startDate":"2020-01-01","endDate":"2030-12-31","reportingCadence":"QUARTERLY",
                     "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(tag, owner[1], targets.size(), platform.forumId),
                    Map.of());
            String id = action.get("id").asString();
            for (String status : List.of("COMMITTED", "IN_PROGRESS")) {
                platform.api.expect(
                        200,
                        "POST",
                        PlatformService.ACTION_PLANS,
                        "/actions/" + id + "/status",
                        token,
                        Map.of("status", status),
                        Map.of());
            }
            targets.add(new Target(id, owner[0], owner[1]));
        }
        // the demo made these; made again here so the test does not depend on them (one notification per event and
        // person either way)
        subscribe(FORUM_FOLLOWER, """
                {"channel":"IN_APP","filter":{"forums":["%s"],"eventTypes":["ProgressReported"]}}""".formatted(platform.forumId));
        subscribe(CITY_FOLLOWER, """
                {"channel":"IN_APP","filter":{"organisations":["%s"],"eventTypes":["ProgressReported"]}}""".formatted(DemoForum.KCCA));
        return targets;
    }

    private void subscribe(String user, String body) {
        platform.api.expect(
                201, "POST", PlatformService.NOTIFICATIONS, "/subscriptions", platform.token(user), body, Map.of());
    }

    // ---- the faults

    private void kill(String name, String part, Recovery recovery) {
        Phase phase = begin(name);
        Instant killed = Instant.now();
        stack.kill(part);
        stack.awaitUp(part, PART_UP);
        phase.down = Duration.between(killed, Instant.now());
        recover(phase, recovery, recovery == Recovery.BACKLOG ? Instant.now() : killed);
    }

    private void stopPostgres(String name, Duration down) throws InterruptedException {
        Phase phase = begin(name);
        Instant stopped = Instant.now();
        stack.hold("postgres");
        postgresHeld = true;
        Thread.sleep(down); // the fault itself
        stack.release("postgres");
        postgresHeld = false;
        Instant released = Instant.now();
        stack.awaitUp("postgres", PART_UP);
        phase.down = Duration.between(stopped, Instant.now());
        recover(phase, Recovery.BACKLOG, released);
    }

    /**
     * Waits for the fault's recovery and measures it from {@code from} (the kill, or the broker's restart, or
     * PostgreSQL's release), then for every part to be up and everything accepted so far to have taken effect.
     */
    private void recover(Phase phase, Recovery recovery, Instant from) {
        Instant at = await(RECOVERY_LIMIT, s -> s.recoveredAt(recovery, from));
        if (at == null) {
            phase.recoveryNote = "not within " + RECOVERY_LIMIT.toSeconds() + " s";
        } else {
            phase.recoverySeconds = Math.max(0, Duration.between(from, at).toMillis() / 1000.0);
        }
        awaitParts();
        // what was accepted since the fault took effect; anything missing from before is the final count's business
        await(CATCH_UP_LIMIT, s -> s.caughtUp(phase.start) ? Instant.now() : null);
        end(phase);
    }

    private Phase begin(String name) {
        Instant now = Instant.now();
        if (!phases.isEmpty()) {
            end(phases.getLast());
        }
        Phase phase = new Phase(name, now);
        phase.deadLettersAtStart = deadLetters.ends();
        phase.restartsAtStart = restarts();
        phases.add(phase);
        System.out.println("[fault run] " + now + " " + name);
        return phase;
    }

    private void end(Phase phase) {
        if (phase.end == null) {
            phase.end = Instant.now();
            phase.deadLettersAtEnd = deadLetters.ends();
            phase.restartsAtEnd = restarts();
        }
    }

    private static List<String> parts() {
        List<String> parts = new ArrayList<>(List.of("postgres", "kafka", "keycloak"));
        for (PlatformService s : PlatformService.values()) {
            parts.add(s.name().toLowerCase().replace('_', '-'));
        }
        return parts;
    }

    private Map<String, Long> restarts() {
        Map<String, Long> r = new LinkedHashMap<>();
        for (String part : parts()) {
            r.put(part, (long) stack.restarts(part));
        }
        return r;
    }

    private void awaitParts() {
        for (String part : parts()) {
            stack.awaitUp(part, PART_UP);
        }
    }

    private void leaveHealthy() {
        if (load != null) {
            load.stop();
        }
        if (postgresHeld) {
            stack.release("postgres");
            postgresHeld = false;
        }
        awaitParts();
    }

    /** After the last fault: until every accepted report took effect, or nothing more arrives, or the limit. */
    private void awaitFinal() {
        Instant deadline = Instant.now().plus(FINAL_LIMIT);
        Instant lastProgress = Instant.now();
        long seen = -1;
        while (Instant.now().isBefore(deadline)) {
            Snapshot s = snapshot();
            if (s != null) {
                if (s.caughtUp()) {
                    return;
                }
                if (s.effectCount() != seen) {
                    seen = s.effectCount();
                    lastProgress = Instant.now();
                } else if (Duration.between(lastProgress, Instant.now()).compareTo(FINAL_STALL) > 0) {
                    System.out.println("[fault run] nothing more arrived for " + FINAL_STALL.toSeconds() + " s");
                    return;
                }
            }
            sleep(POLL);
        }
    }

    /** Polls until {@code done} names the instant the condition was met; null after the limit. */
    private Instant await(Duration limit, Function<Snapshot, Instant> done) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Snapshot s = snapshot();
            Instant at = s == null ? null : done.apply(s);
            if (at != null) {
                return at;
            }
            sleep(POLL);
        }
        return null;
    }

    // ---- what has taken effect so far, from the services' own tables

    private Snapshot snapshot() {
        List<Attempt> attempts = load.attempts();
        List<String> actionIds = load.targets().stream().map(Target::actionId).toList();
        List<ForumRow> forum = effects.forum(actionIds);
        if (forum == null) {
            return null;
        }
        List<String> accepted = attempts.stream()
                .filter(a -> a.outcome() == Outcome.ACCEPTED)
                .map(Attempt::reportId)
                .toList();
        List<NotificationRow> notifications = effects.notifications(accepted);
        if (notifications == null) {
            return null;
        }
        return new Snapshot(attempts, load.targets(), forum, notifications);
    }

    /** One reading of the load and of the forum's and the notifications' tables. */
    private static final class Snapshot {
        final List<Attempt> attempts;
        final List<Target> targets;
        final Map<String, Instant> forum = new HashMap<>();
        final Map<String, Instant> toForumFollower = new HashMap<>();
        final Map<String, Instant> toCityFollower = new HashMap<>();
        final Instant lastNotification;
        final List<Instant> notificationTimes;

        Snapshot(
                List<Attempt> attempts,
                List<Target> targets,
                List<ForumRow> forumRows,
                List<NotificationRow> notifications) {
            this.attempts = attempts;
            this.targets = targets;
            forumRows.forEach(r -> forum.merge(r.reportId(), r.loggedAt(), FaultRunTest::earlier));
            for (NotificationRow n : notifications) {
                if (n.recipientUser() == null) {
                    continue;
                }
                if (DemoForum.NGO.equals(n.recipientOrg())) {
                    toForumFollower.merge(n.reportId(), n.createdAt(), FaultRunTest::earlier);
                } else if (DemoForum.OPM.equals(n.recipientOrg())) {
                    toCityFollower.merge(n.reportId(), n.createdAt(), FaultRunTest::earlier);
                }
            }
            notificationTimes =
                    notifications.stream().map(NotificationRow::createdAt).toList();
            lastNotification =
                    notificationTimes.stream().max(Comparator.naturalOrder()).orElse(null);
        }

        List<Attempt> accepted() {
            return attempts.stream()
                    .filter(a -> a.outcome() == Outcome.ACCEPTED)
                    .toList();
        }

        long acceptedCount() {
            return accepted().size();
        }

        long effectCount() {
            return forum.size() + toForumFollower.size() + toCityFollower.size();
        }

        /** Every report accepted so far is in the forum view and with its subscribers. */
        boolean caughtUp() {
            return caughtUp(Instant.MIN);
        }

        /** Every report accepted from {@code since} on is in the forum view and with its subscribers. */
        boolean caughtUp(Instant since) {
            for (Attempt a : accepted()) {
                if (a.sent().isBefore(since)) {
                    continue;
                }
                if (!forum.containsKey(a.reportId()) || !toForumFollower.containsKey(a.reportId())) {
                    return false;
                }
                if ("city".equals(targets.get(a.action()).owner()) && !toCityFollower.containsKey(a.reportId())) {
                    return false;
                }
            }
            return true;
        }

        /** When the recovery after {@code from} was complete, or null if it is not yet. */
        Instant recoveredAt(Recovery kind, Instant from) {
            return switch (kind) {
                // the forum applied an event again
                case CONSUMER_FORUM ->
                    forum.values().stream()
                            .filter(t -> t.isAfter(from))
                            .min(Comparator.naturalOrder())
                            .orElse(null);
                // the notifications service wrote a notification again
                case CONSUMER_NOTIFICATIONS ->
                    notificationTimes.stream()
                            .filter(t -> t.isAfter(from))
                            .min(Comparator.naturalOrder())
                            .orElse(null);
                // the first report accepted after the kill reached the forum
                case PRODUCER ->
                    accepted().stream()
                            .filter(a -> a.sent().isAfter(from))
                            .findFirst()
                            .map(a -> forum.get(a.reportId()))
                            .orElse(null);
                // everything accepted before the restart, and the first report accepted after it, reached the forum
                case BACKLOG -> {
                    Instant latest = null;
                    for (Attempt a : accepted()) {
                        Instant t = forum.get(a.reportId());
                        if (!a.answered().isAfter(from)) {
                            if (t == null) {
                                yield null;
                            }
                            latest = later(latest, t);
                        } else if (a.sent().isAfter(from)) {
                            yield t == null ? null : later(latest, t);
                        }
                    }
                    yield null;
                }
                case NONE -> Instant.now();
            };
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    // ---- the count

    /**
     * A report the load sent and the action-plans service stored, with when the service accepted it (its own
     * reportedAt, taken under the action's lock: the order of acceptance even for writes whose answer was lost).
     */
    private record Stored(Attempt attempt, String reportId, Instant reportedAt) {}

    /** A report as the action-plans service lists it. */
    private record Listed(String reportId, Instant reportedAt) {}

    private static final class Count {
        final List<String> failures = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Stored reports by marker. */
        final Map<String, Stored> stored = new LinkedHashMap<>();

        final Map<String, Integer> forum = new HashMap<>();
        final Map<String, Integer> toForumFollower = new HashMap<>();
        final Map<String, Integer> toCityFollower = new HashMap<>();
        final Map<String, Integer> forumByMarker = new HashMap<>();
        final Set<String> deadLetteredReports = new LinkedHashSet<>();
        /** Each stored report's place among its action's reports, in the order the API accepted them. */
        final Map<String, Integer> rank = new HashMap<>();

        List<DeadLetter> deadLetters = List.of();
    }

    private Count count(Map<TopicPartition, Long> deadLettersBefore) {
        Count c = new Count();
        List<Attempt> attempts = load.attempts();
        Map<String, Attempt> byMarker = attempts.stream().collect(Collectors.toMap(Attempt::marker, a -> a));
        List<Target> targets = load.targets();

        // what the action-plans service stored, read back through its API: settles writes whose answer was lost
        Map<String, Listed> storedIds = new HashMap<>();
        for (Target t : targets) {
            storedIds.putAll(storedReports(t));
        }
        List<String> lostAtSource = new ArrayList<>();
        List<String> storedUnanswered = new ArrayList<>();
        for (Attempt a : attempts) {
            Listed listed = storedIds.get(a.marker());
            if (a.outcome() == Outcome.ACCEPTED) {
                if (listed == null) {
                    lostAtSource.add(describe(a));
                } else {
                    c.stored.put(a.marker(), new Stored(a, listed.reportId(), listed.reportedAt()));
                }
            } else if (listed != null) {
                c.stored.put(a.marker(), new Stored(a, listed.reportId(), listed.reportedAt()));
                storedUnanswered.add(describe(a));
            }
        }
        if (!storedUnanswered.isEmpty()) {
            c.notes.add(storedUnanswered.size() + " writes answered with an error or not at all were stored all the"
                    + " same (the client did not repeat them; they are counted as accepted): "
                    + first(storedUnanswered));
        }
        for (int i = 0; i < targets.size(); i++) {
            int action = i;
            List<Stored> accepted = c.stored.values().stream()
                    .filter(s -> s.attempt().action() == action)
                    .sorted(Comparator.comparing(Stored::reportedAt)
                            .thenComparingInt(s -> s.attempt().seq()))
                    .toList();
            for (int k = 0; k < accepted.size(); k++) {
                c.rank.put(accepted.get(k).attempt().marker(), k);
            }
        }
        storedIds.keySet().stream()
                .filter(m -> !byMarker.containsKey(m))
                .forEach(m -> c.failures.add("the action-plans service holds a report the load never sent: " + m));
        if (!lostAtSource.isEmpty()) {
            c.failures.add(lostAtSource.size() + " reports answered 2xx are missing in the action-plans service: "
                    + first(lostAtSource));
        }
        Map<String, String> markerOfReport = new HashMap<>();
        c.stored.forEach((m, s) -> markerOfReport.put(s.reportId(), m));

        // nothing dead-lettered during the run
        c.deadLetters = deadLetters.since(deadLettersBefore);
        for (DeadLetter d : c.deadLetters) {
            String marker = markerOfReport.get(d.subject());
            if (marker == null && d.value().contains("faultrun" + tag)) {
                marker = markerIn(d.value());
            }
            if (marker != null) {
                c.deadLetteredReports.add(marker);
            }
        }
        if (!c.deadLetters.isEmpty()) {
            Map<String, Long> byTopic = c.deadLetters.stream()
                    .collect(Collectors.groupingBy(
                            d -> d.topic() + " (" + d.type() + ")", TreeMap::new, Collectors.counting()));
            c.failures.add(c.deadLetters.size() + " records were dead-lettered during the run, "
                    + c.deadLetteredReports.size()
                    + " of them the load's valid reports " + first(new ArrayList<>(c.deadLetteredReports))
                    + "; by topic: "
                    + byTopic + "; first error: " + c.deadLetters.getFirst().error());
        }

        // the forum view: each report's event applied once, in the order accepted per action
        List<ForumRow> forumRows =
                effects.forum(targets.stream().map(Target::actionId).toList());
        if (forumRows == null) {
            c.failures.add("the forum's database could not be read for the count");
            forumRows = List.of();
        }
        for (ForumRow r : forumRows) {
            c.forum.merge(r.reportId(), 1, Integer::sum);
            String marker = markerIn(r.narrative());
            if (marker != null) {
                c.forumByMarker.merge(marker, 1, Integer::sum);
            }
        }
        expectOnce(c, "the forum view", c.forum, targets, t -> true);
        c.forumByMarker.forEach((m, n) -> {
            if (n > 1) {
                c.failures.add("the forum view holds " + n + " distinct events for report " + m + " (a duplicate)");
            }
        });
        Map<String, List<Integer>> forumOrder = new LinkedHashMap<>();
        forumRows.stream()
                .sorted(Comparator.comparing(ForumRow::loggedAt)
                        .thenComparingInt(ForumRow::partition)
                        .thenComparingLong(ForumRow::offset))
                .forEach(r -> {
                    String m = markerOfReport.get(r.reportId());
                    if (m != null) {
                        Attempt a = c.stored.get(m).attempt();
                        forumOrder
                                .computeIfAbsent(targets.get(a.action()).actionId(), k -> new ArrayList<>())
                                .add(c.rank.get(m));
                    }
                });
        checkOrder(c, "the forum view", forumOrder);

        // the subscribers' inboxes, through the notifications API
        inbox(c, FORUM_FOLLOWER, c.toForumFollower, markerOfReport);
        expectOnce(c, FORUM_FOLLOWER + "'s inbox", c.toForumFollower, targets, t -> true);
        inbox(c, CITY_FOLLOWER, c.toCityFollower, markerOfReport);
        expectOnce(c, CITY_FOLLOWER + "'s inbox", c.toCityFollower, targets, t -> "city".equals(t.owner()));

        // the forum's tracker shows, for each action, the last report accepted
        trackerShowsLastReports(c, targets);

        return c;
    }

    /** Every stored report of the targets {@code expected} selects is there once; says which are missing, by fault. */
    private void expectOnce(
            Count c,
            String where,
            Map<String, Integer> seen,
            List<Target> targets,
            java.util.function.Predicate<Target> expected) {
        Map<String, List<String>> missingByPhase = new LinkedHashMap<>();
        List<String> duplicated = new ArrayList<>();
        int missing = 0;
        int total = 0;
        for (Stored s : c.stored.values()) {
            if (!expected.test(targets.get(s.attempt().action()))) {
                continue;
            }
            total++;
            int n = seen.getOrDefault(s.reportId(), 0);
            if (n == 0) {
                missing++;
                missingByPhase
                        .computeIfAbsent(phaseOf(s.attempt()).name, k -> new ArrayList<>())
                        .add(describe(s.attempt()));
            } else if (n > 1) {
                duplicated.add(s.attempt().marker() + " x" + n);
            }
        }
        if (missing > 0) {
            StringBuilder b = new StringBuilder(where + " lacks " + missing + " of " + total + " accepted reports:");
            missingByPhase.forEach((phase, list) -> b.append(" ")
                    .append(list.size())
                    .append(" accepted during '")
                    .append(phase)
                    .append("' ")
                    .append(first(list))
                    .append(';'));
            long dead = missingByPhase.values().stream()
                    .flatMap(List::stream)
                    .filter(d -> c.deadLetteredReports.stream().anyMatch(m -> d.startsWith(m + " ")))
                    .count();
            b.append(
                    dead == missing
                            ? " all of them dead-lettered"
                            : dead > 0
                                    ? " " + dead + " of them dead-lettered, " + (missing - dead)
                                            + " gone without a trace"
                                    : " none of them dead-lettered: gone without a trace");
            if ("off".equals(synchronousCommit)) {
                b.append(" (PostgreSQL runs with synchronous_commit=off: a stop that kills it loses the commits of its"
                        + " last fraction of a second, a consumer's claim and effect among them, after the consumer"
                        + " committed its offset)");
            }
            c.failures.add(b.toString());
        }
        if (!duplicated.isEmpty()) {
            c.failures.add(where + " holds " + duplicated.size() + " reports more than once: " + first(duplicated));
        }
    }

    /** Each action's reports, as ranks in the order the API accepted them, must come in increasing order. */
    private void checkOrder(Count c, String where, Map<String, List<Integer>> order) {
        order.forEach((action, ranks) -> {
            for (int i = 1; i < ranks.size(); i++) {
                if (ranks.get(i) < ranks.get(i - 1)) {
                    c.failures.add(where + " has action " + action + "'s reports out of order: the "
                            + ordinal(ranks.get(i)) + " report accepted comes after the " + ordinal(ranks.get(i - 1)));
                    return;
                }
            }
        });
    }

    private static String ordinal(int rank) {
        int n = rank + 1;
        String suffix = n % 100 >= 11 && n % 100 <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** The reports of the load stored by the action-plans service for the target, by marker. */
    private Map<String, Listed> storedReports(Target t) {
        Map<String, Listed> out = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode p = platform.api.expect(
                    200,
                    "GET",
                    PlatformService.ACTION_PLANS,
                    "/actions/" + t.actionId() + "/reports?size=200&sort=reportedAt&page=" + page,
                    platform.token(t.user()),
                    null,
                    Map.of());
            for (JsonNode r : p.get("items")) {
                String marker = markerIn(r.path("narrative").asString(""));
                if (marker != null) {
                    out.put(
                            marker,
                            new Listed(
                                    r.get("id").asString(),
                                    Instant.parse(r.get("reportedAt").asString())));
                }
            }
            if (p.get("items").size() < 200) {
                return out;
            }
        }
    }

    /** Counts the person's own notifications about the stored reports; checks their order per action. */
    private void inbox(Count c, String user, Map<String, Integer> seen, Map<String, String> markerOfReport) {
        List<JsonNode> items = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int page = 0; ; page++) {
            JsonNode p = platform.api.expect(
                    200,
                    "GET",
                    PlatformService.NOTIFICATIONS,
                    "/inbox?size=200&page=" + page,
                    platform.token(user),
                    null,
                    Map.of());
            for (JsonNode item : p.get("items")) {
                // a notification written while paging shifts the pages: each is counted once, by its id
                if (ids.add(item.get("id").asString()) && item.path("personal").asBoolean(false)) {
                    items.add(item);
                }
            }
            if (p.get("items").size() < 200) {
                break;
            }
        }
        Map<String, List<Integer>> order = new LinkedHashMap<>();
        for (JsonNode item : items.reversed()) { // the inbox lists the newest first
            String report = item.path("subjectId").asString("");
            String marker = markerOfReport.get(report);
            if (marker == null) {
                continue;
            }
            seen.merge(report, 1, Integer::sum);
            Attempt a = c.stored.get(marker).attempt();
            order.computeIfAbsent(load.targets().get(a.action()).actionId(), k -> new ArrayList<>())
                    .add(c.rank.get(marker));
        }
        checkOrder(c, user + "'s inbox", order);
    }

    private void trackerShowsLastReports(Count c, List<Target> targets) {
        JsonNode tracker = platform.api.expect(
                200,
                "GET",
                PlatformService.FORUM,
                "/forums/" + platform.forumId + "/tracker?size=200",
                platform.token(CITY),
                null,
                Map.of());
        Map<String, JsonNode> items = new HashMap<>();
        tracker.get("items").forEach(i -> items.put(i.get("actionId").asString(), i));
        for (int i = 0; i < targets.size(); i++) {
            int action = i;
            Stored last = c.stored.values().stream()
                    .filter(s -> s.attempt().action() == action)
                    .max(Comparator.comparingInt(s -> c.rank.get(s.attempt().marker())))
                    .orElse(null);
            JsonNode item = items.get(targets.get(i).actionId());
            if (last == null) {
                continue;
            }
            int shown = item == null ? -1 : item.path("percentComplete").asInt(-1);
            if (shown != ReportLoad.percent(last.attempt().seq())) {
                c.failures.add("the forum's tracker shows " + shown + "% for action "
                        + targets.get(i).actionId()
                        + ", not the " + ReportLoad.percent(last.attempt().seq()) + "% of its last accepted report "
                        + last.attempt().marker());
            }
        }
    }

    private Phase phaseOf(Attempt a) {
        Phase found = phases.getFirst();
        for (Phase p : phases) {
            if (!a.sent().isBefore(p.start)) {
                found = p;
            }
        }
        return found;
    }

    private String markerIn(String text) {
        if (text == null) {
            return null;
        }
        int at = text.indexOf("faultrun" + tag);
        if (at < 0) {
            return null;
        }
        int end = at;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(at, end);
    }

    private static String describe(Attempt a) {
        return a.marker() + " (sent " + a.sent() + ", " + a.detail() + ")";
    }

    private static String first(List<String> list) {
        return list.size() <= 3
                ? list.toString()
                : list.subList(0, 3).toString().replace("]", ", ... " + (list.size() - 3) + " more]");
    }

    // ---- the table

    private String table(Count c, Duration wall) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder(nl);
        out.append(String.format(
                "Fault run %s: %d actions (%s), one report per %.1f s on each; wall time %d min %02d s%n",
                tag,
                load.targets().size(),
                load.targets().stream().map(Target::owner).collect(Collectors.joining(", ")),
                PACE.toMillis() / 1000.0,
                wall.toMinutes(),
                wall.toSecondsPart()));
        String format = "%-27s | %8s | %6s | %8s | %7s | %14s | %9s | %13s | %10s | %13s | %10s | %s%n";
        out.append(String.format(
                format,
                "fault",
                "window s",
                "down s",
                "accepted",
                "refused",
                "no answer",
                "forum",
                "notifications",
                "duplicates",
                "dead-lettered",
                "recovery s",
                "restarted"));
        long acceptedTotal = 0;
        long forumTotal = 0;
        long expectedForum = 0;
        long notifiedTotal = 0;
        long expectedNotified = 0;
        long duplicatesTotal = 0;
        long deadTotal = 0;
        for (Phase p : phases) {
            List<Attempt> in =
                    load.attempts().stream().filter(a -> phaseOf(a) == p).toList();
            long accepted =
                    in.stream().filter(a -> a.outcome() == Outcome.ACCEPTED).count();
            long refused =
                    in.stream().filter(a -> a.outcome() == Outcome.REFUSED).count();
            long unknown =
                    in.stream().filter(a -> a.outcome() == Outcome.UNKNOWN).count();
            long unknownStored = in.stream()
                    .filter(a -> a.outcome() == Outcome.UNKNOWN && c.stored.containsKey(a.marker()))
                    .count();
            List<Stored> stored = c.stored.values().stream()
                    .filter(s -> phaseOf(s.attempt()) == p)
                    .toList();
            long forum = stored.stream()
                    .filter(s -> c.forum.getOrDefault(s.reportId(), 0) > 0)
                    .count();
            long expected = 0;
            long notified = 0;
            long duplicates = 0;
            for (Stored s : stored) {
                duplicates += Math.max(0, c.forum.getOrDefault(s.reportId(), 0) - 1)
                        + Math.max(0, c.forumByMarker.getOrDefault(s.attempt().marker(), 0) - 1)
                        + Math.max(0, c.toForumFollower.getOrDefault(s.reportId(), 0) - 1)
                        + Math.max(0, c.toCityFollower.getOrDefault(s.reportId(), 0) - 1);
                expected++;
                notified += c.toForumFollower.getOrDefault(s.reportId(), 0) > 0 ? 1 : 0;
                if ("city".equals(load.targets().get(s.attempt().action()).owner())) {
                    expected++;
                    notified += c.toCityFollower.getOrDefault(s.reportId(), 0) > 0 ? 1 : 0;
                }
            }
            long dead =
                    p.deadLettersAtEnd == null ? 0 : DeadLetterWatch.gained(p.deadLettersAtStart, p.deadLettersAtEnd);
            String restarted = p.restartsAtEnd == null
                    ? ""
                    : p.restartsAtEnd.entrySet().stream()
                            .filter(e -> e.getValue() > p.restartsAtStart.getOrDefault(e.getKey(), 0L))
                            .map(e -> e.getKey()
                                    + (e.getValue() - p.restartsAtStart.getOrDefault(e.getKey(), 0L) > 1
                                            ? " x" + (e.getValue() - p.restartsAtStart.getOrDefault(e.getKey(), 0L))
                                            : ""))
                            .collect(Collectors.joining(", "));
            out.append(String.format(
                    format,
                    p.name,
                    seconds(Duration.between(p.start, p.end)),
                    p.down == null ? "-" : seconds(p.down),
                    accepted,
                    refused,
                    unknown == 0 ? "0" : unknown + " (" + unknownStored + " stored)",
                    forum + "/" + stored.size(),
                    notified + "/" + expected,
                    duplicates,
                    dead,
                    p.recoverySeconds != null ? String.format("%.1f", p.recoverySeconds) : p.recoveryNote,
                    restarted.isEmpty() ? "-" : restarted));
            acceptedTotal += accepted;
            forumTotal += forum;
            expectedForum += stored.size();
            notifiedTotal += notified;
            expectedNotified += expected;
            duplicatesTotal += duplicates;
            deadTotal += dead;
        }
        out.append(String.format(
                format,
                "total",
                seconds(Duration.between(phases.getFirst().start, phases.getLast().end)),
                "",
                acceptedTotal,
                "",
                "",
                forumTotal + "/" + expectedForum,
                notifiedTotal + "/" + expectedNotified,
                duplicatesTotal,
                deadTotal,
                "",
                ""));
        out.append("forum: reports applied once / stored; notifications: (report, subscriber) pairs seen / expected, ")
                .append(FORUM_FOLLOWER)
                .append(" for every report, ")
                .append(CITY_FOLLOWER)
                .append(" for the city's")
                .append(nl);
        out.append("down: kill or stop -> the part answers again; no answer: the write's outcome unknown to the"
                        + " client, settled by reading the reports back")
                .append(nl);
        out.append(
                        "recovery: killed consumer: kill -> its first event applied again; action-plans: kill -> first report"
                                + " accepted after it in the forum view;")
                .append(nl)
                .append("          broker, PostgreSQL: restart/release -> all reports accepted before it and the first"
                        + " after it in the forum view")
                .append(nl);
        out.append("PostgreSQL: synchronous_commit=")
                .append(synchronousCommit)
                .append(", fsync=")
                .append(fsync)
                .append(nl);
        c.notes.forEach(n -> out.append("note: ").append(n).append(nl));
        if (!c.deadLetters.isEmpty()) {
            out.append("dead letters of the run:").append(nl);
            c.deadLetters.stream()
                    .collect(Collectors.groupingBy(d -> d.topic() + " " + d.type(), TreeMap::new, Collectors.toList()))
                    .forEach((k, list) -> out.append("  ")
                            .append(list.size())
                            .append(" x ")
                            .append(k)
                            .append(": ")
                            .append(abbreviate(list.getFirst().error()))
                            .append(nl));
        }
        if (c.failures.isEmpty()) {
            out.append("0 lost, 0 duplicated, 0 dead-lettered, order per action kept")
                    .append(nl);
        } else {
            c.failures.forEach(f -> out.append("FINDING: ").append(f).append(nl));
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "(no message)" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static String seconds(Duration d) {
        return String.format("%.1f", d.toMillis() / 1000.0);
    }

    /** The table also goes next to the stack's data (surefire keeps the test's output in its reports). */
    private void writeReport(String table) {
        try {
            Path target = platform.settings().dataDir().getParent();
            Files.writeString(target.resolve("fault-run.txt"), table);
        } catch (IOException | RuntimeException e) {
            System.out.println("[fault run] could not write fault-run.txt: " + e.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
