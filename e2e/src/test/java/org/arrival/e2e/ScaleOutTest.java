package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.arrival.local.DemoForum;
import org.arrival.local.LocalStack;
import org.arrival.local.PlatformService;
import org.arrival.local.StackSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Every service and the web application as two instances on the running stack: a second instance of each is started
 * beside the stack's own (same database, same consumer groups, its own port) and stopped at the end. It shows that
 * the consumers of a group share the partitions and the work; that exactly one outbox relay per service holds the
 * publishing lock and that the other instance takes over when the leader is killed with SIGKILL, with an aggregate's
 * events neither lost nor reordered; that a web session survives the death of the web instance it was opened on;
 * that a forum live stream reconnects to the other forum instance and misses no change; and that a rebuild of the
 * forum view started on one instance switches every instance over. Each fail-over is timed and written to
 * {@code target/scale-out.txt}; only a take-over beyond a minute counts as a failure.
 *
 * <p>The stack's own instances that are killed are restarted by its supervisor; the test waits for them and stops
 * the second instances, so the stack is left as the other tests expect.
 */
@ExtendWith(PlatformExtension.class)
@Order(Integer.MAX_VALUE - 1)
class ScaleOutTest {

    private static final Duration TAKE_OVER_LIMIT = Duration.ofSeconds(60);
    private static final Duration EFFECT_LIMIT = Duration.ofSeconds(120);
    private static final Duration PART_UP = Duration.ofMinutes(4);
    private static final String CITY = "kcca-coordinator";
    private static final String ADMIN = "platform-admin";
    private static final String PROGRESS = "org.arrival.actionplans.ProgressReported.v1";

    private RunningPlatform platform;
    private LocalStack stack;
    private StackSettings settings;
    private final String tag = RunTag.random();
    private final Map<String, String> measured = new LinkedHashMap<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** The action whose progress reports are the sequence written across the kills. */
    private String actionId;

    private int seq;

    @Test
    void twoInstancesOfEveryServiceShareTheWorkAndTakeOverFromEachOther() throws Exception {
        platform = RunningPlatform.get();
        stack = platform.stack;
        settings = platform.settings();
        Instant start = Instant.now();
        try {
            startSecondInstances();
            oneRelayPerServiceHoldsTheLock();
            bothConsumersOfEachGroupHavePartitionsAndHandleEvents();
            aWebSessionSurvivesItsInstance();
            theOtherRelayTakesOverWithoutLossOrReordering();
            aLiveStreamReconnectsToTheOtherForumAndMissesNoChange();
            aRebuildOnOneForumSwitchesEveryInstance();
        } finally {
            leaveAsBefore();
            measured.put("whole test", seconds(Duration.between(start, Instant.now())));
            writeReport();
        }
    }

    // ---- the second instances

    private void startSecondInstances() throws Exception {
        Instant t0 = Instant.now();
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> started = new ArrayList<>();
            for (PlatformService s : PlatformService.values()) {
                started.add(starting.submit(() -> stack.startInstance(s, 2)));
            }
            for (Future<String> f : started) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
        measured.put("second instances of all six started and healthy", seconds(Duration.between(t0, Instant.now())));
    }

    private void leaveAsBefore() {
        Instant t0 = Instant.now();
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PlatformService s : PlatformService.values()) {
                stopping.submit(() -> {
                    try {
                        stack.stopInstance(s, 2);
                    } catch (RuntimeException e) {
                        notes.add("stopping " + LocalStack.partName(s, 2) + " failed: " + e.getMessage());
                    }
                });
            }
        }
        measured.put("second instances stopped (SIGTERM)", seconds(Duration.between(t0, Instant.now())));
        for (PlatformService s : PlatformService.values()) {
            stack.awaitUp(s.module(), PART_UP);
        }
        // the stack's own instances consume every partition again, at once
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, Map<Integer, Integer>> left = Map.of();
        while (Instant.now().isBefore(deadline)) {
            try {
                left = partitionsPerInstance();
            } catch (Exception e) {
                notes.add("the consumer groups could not be read: " + e);
            }
            if (left.values().stream().noneMatch(byInstance -> byInstance.containsKey(2))) {
                break;
            }
            sleep(500);
        }
        measured.put("partitions per instance after the second instances stopped", left.toString());
        assertThat(left.values())
                .as("members of the second instances left in the groups")
                .allSatisfy(byInstance -> assertThat(byInstance).doesNotContainKey(2));
        // the stack's own instances lead the relays again
        for (PlatformService s : relayServices()) {
            Instant until = Instant.now().plus(TAKE_OVER_LIMIT);
            while (!List.of(StackSettings.instanceName(s, 1)).equals(lockHolders(s))
                    && Instant.now().isBefore(until)) {
                sleep(200);
            }
            assertThat(lockHolders(s))
                    .as("the outbox lock of %s after the test", s.module())
                    .containsExactly(StackSettings.instanceName(s, 1));
        }
    }

    // ---- the outbox relays

    private List<PlatformService> relayServices() {
        List<PlatformService> withOutbox = new ArrayList<>();
        for (PlatformService s : PlatformService.values()) {
            Boolean has = query(s.database(), "SELECT to_regclass('outbox_event') IS NOT NULL", rs -> rs.getBoolean(1));
            if (Boolean.TRUE.equals(has)) {
                withOutbox.add(s);
            }
        }
        return withOutbox;
    }

    /** The application names of the connections holding the service's outbox lock. */
    private List<String> lockHolders(PlatformService service) {
        List<String> holders = queryAll(service.database(), """
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND l.objid::text::bigint
                       = (hashtext('arrival-outbox:' || current_schema())::bigint & 4294967295)""", rs -> rs.getString(1));
        return holders == null ? List.of() : holders;
    }

    private void oneRelayPerServiceHoldsTheLock() {
        List<PlatformService> relays = relayServices();
        assertThat(relays)
                .as("services with an outbox")
                .contains(PlatformService.ACTION_PLANS, PlatformService.REGISTRY);
        List<String> leaders = new ArrayList<>();
        for (PlatformService s : relays) {
            List<String> holders = lockHolders(s);
            assertThat(holders)
                    .as("the instances of %s holding its outbox lock", s.module())
                    .hasSize(1);
            assertThat(holders.getFirst()).isIn(StackSettings.instanceName(s, 1), StackSettings.instanceName(s, 2));
            leaders.add(holders.getFirst());
        }
        measured.put("outbox lock holders (one per service)", String.join(", ", leaders));
    }

    private void theOtherRelayTakesOverWithoutLossOrReordering() throws Exception {
        PlatformService s = PlatformService.ACTION_PLANS;
        String leader = lockHolders(s).getFirst();
        int leaderInstance = leader.equals(StackSettings.instanceName(s, 1)) ? 1 : 2;
        int survivor = 3 - leaderInstance;
        String survivorName = StackSettings.instanceName(s, survivor);
        actionId = createAction(settings.baseUrl(s, survivor), true);
        int reports = 16;
        int killAfter = 6;
        List<Integer> accepted = new CopyOnWriteArrayList<>();
        AtomicBoolean killNow = new AtomicBoolean();
        Instant killedAt;
        try (ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < reports; i++) {
                    accepted.add(report(settings.baseUrl(s, survivor)));
                    if (i + 1 == killAfter) {
                        killNow.set(true);
                    }
                    sleep(300);
                }
                return null;
            });
            while (!killNow.get() && !writing.isDone()) {
                sleep(20);
            }
            killedAt = Instant.now();
            stack.kill(LocalStack.partName(s, leaderInstance));
            // the leader is gone now: whatever is published from here on, the survivor published
            Instant gone = Instant.now();
            Instant lockedAt = null;
            Instant publishedAt = null;
            Instant deadline = killedAt.plus(TAKE_OVER_LIMIT);
            while ((lockedAt == null || publishedAt == null) && Instant.now().isBefore(deadline)) {
                if (lockedAt == null && List.of(survivorName).equals(lockHolders(s))) {
                    lockedAt = Instant.now();
                }
                if (publishedAt == null) {
                    publishedAt = query(
                            s.database(),
                            "SELECT min(published_at) FROM outbox_event WHERE published_at > ?",
                            rs -> rs.getTimestamp(1) == null
                                    ? null
                                    : rs.getTimestamp(1).toInstant(),
                            Timestamp.from(gone));
                }
                sleep(100);
            }
            writing.get(2, TimeUnit.MINUTES);
            assertThat(publishedAt)
                    .as(
                            "%s published nothing within %d s of killing the leader %s",
                            survivorName, TAKE_OVER_LIMIT.toSeconds(), leader)
                    .isNotNull();
            assertThat(lockedAt)
                    .as("%s holds the outbox lock after the kill", survivorName)
                    .isNotNull();
            measured.put(
                    "relay take-over (action-plans): kill -9 of " + leader + " -> first event published by "
                            + survivorName,
                    seconds(Duration.between(killedAt, publishedAt)));
            measured.put(
                    "relay take-over: kill -> " + survivorName + " holds the lock",
                    seconds(Duration.between(killedAt, lockedAt)));
        }
        // every report of the sequence, in the order written, in the forum's log of the topic (offset order)
        List<Integer> logged = awaitLoggedSequence(accepted.size());
        assertThat(logged)
                .as("the reports on action %s as the forum consumed them, in topic order", actionId)
                .containsExactlyElementsOf(accepted);
        measured.put(
                "relay take-over: reports written across the kill / in the topic in order",
                accepted.size() + " / " + logged.size());
    }

    /** The sequence numbers of the action's reports in the forum's event log, in topic order, once all are there. */
    private List<Integer> awaitLoggedSequence(int expected) {
        Instant deadline = Instant.now().plus(EFFECT_LIMIT);
        List<Integer> logged = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<String> narratives = queryAll(
                    "arrival_forum",
                    "SELECT payload->'report'->>'narrative' FROM event_log WHERE event_type = ? AND message_key = ?"
                            + " ORDER BY kafka_offset",
                    rs -> rs.getString(1),
                    PROGRESS,
                    actionId);
            if (narratives != null) {
                logged = narratives.stream().map(this::seqIn).toList();
                if (logged.size() >= expected) {
                    return logged;
                }
            }
            sleep(500);
        }
        return logged;
    }

    // ---- the consumers

    private record Member(String module, int instance, Set<TopicPartition> partitions) {}

    /** The consumer group members of the services' instances, from the broker. */
    private List<Member> members() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        List<Member> members = new ArrayList<>();
        try (Admin admin = Admin.create(config)) {
            for (ConsumerGroupDescription g : LocalStack.consumerGroups(admin)) {
                for (MemberDescription m : g.members()) {
                    String id = m.groupInstanceId().orElse("");
                    for (PlatformService s : PlatformService.values()) {
                        if (id.startsWith(s.module() + "-local-2-")) {
                            members.add(new Member(s.module(), 2, m.assignment().topicPartitions()));
                        } else if (id.startsWith(s.module() + "-local-")) {
                            members.add(new Member(s.module(), 1, m.assignment().topicPartitions()));
                        }
                    }
                }
            }
        }
        return members;
    }

    /** Which instance of the module consumes each partition now. */
    private Map<TopicPartition, Integer> owners(String module) throws Exception {
        Map<TopicPartition, Integer> owners = new HashMap<>();
        for (Member m : members()) {
            if (m.module().equals(module)) {
                m.partitions().forEach(p -> owners.put(p, m.instance()));
            }
        }
        return owners;
    }

    /** How many partitions each instance of each service consumes now. */
    private Map<String, Map<Integer, Integer>> partitionsPerInstance() throws Exception {
        Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
        for (Member m : members()) {
            counts.computeIfAbsent(m.module(), k -> new TreeMap<>())
                    .merge(m.instance(), m.partitions().size(), Integer::sum);
        }
        return counts;
    }

    private void bothConsumersOfEachGroupHavePartitionsAndHandleEvents() throws Exception {
        Instant t0 = Instant.now();
        Instant deadline = t0.plus(EFFECT_LIMIT);
        Map<String, Map<Integer, Integer>> partitionsPerInstance;
        while (true) {
            partitionsPerInstance = partitionsPerInstance();
            boolean shared = !partitionsPerInstance.isEmpty()
                    && partitionsPerInstance.values().stream()
                            .allMatch(byInstance ->
                                    byInstance.getOrDefault(1, 0) > 0 && byInstance.getOrDefault(2, 0) > 0);
            if (shared || Instant.now().isAfter(deadline)) {
                break;
            }
            sleep(1000);
        }
        measured.put("partitions per instance, by service (after the rebalance)", partitionsPerInstance.toString());
        assertThat(partitionsPerInstance).as("consumer groups of the services").containsKey("forum");
        partitionsPerInstance.forEach((module, byInstance) -> assertThat(byInstance)
                .as("partitions of %s's instances 1 and 2", module)
                .containsKeys(1, 2)
                .allSatisfy((instance, n) -> assertThat(n).isPositive()));

        // the forum's consumers apply what arrives on their own partitions: new actions, keyed by their ids
        Map<TopicPartition, Integer> before = owners("forum");
        List<String> actions = new ArrayList<>();
        // 24 keys over three partitions: an instance owning one of them gets none with odds of (2/3)^24, under 1e-4
        for (int i = 0; i < 24; i++) {
            actions.add(createAction(settings.baseUrl(PlatformService.ACTION_PLANS, 1 + i % 2), false));
        }
        Map<Integer, Integer> applied = new TreeMap<>();
        Instant until = Instant.now().plus(EFFECT_LIMIT);
        while (Instant.now().isBefore(until)) {
            List<TopicPartition> rows = queryAll(
                    "arrival_forum",
                    "SELECT DISTINCT ON (message_key) topic, kafka_partition FROM event_log WHERE message_key = ANY (?)",
                    rs -> new TopicPartition(rs.getString(1), rs.getInt(2)),
                    (Object) actions.toArray(String[]::new));
            if (rows != null && rows.size() == actions.size()) {
                Map<TopicPartition, Integer> after = owners("forum");
                if (!after.equals(before)) {
                    notes.add(
                            "the forum's assignment changed while the actions were applied; counted by the one after");
                }
                applied.clear();
                rows.forEach(tp -> applied.merge(after.getOrDefault(tp, 0), 1, Integer::sum));
                break;
            }
            sleep(500);
        }
        measured.put("forum: new actions applied per instance (by the owner of their partition)", applied.toString());
        assertThat(applied.values().stream().mapToInt(Integer::intValue).sum())
                .as("new actions in the forum's event log")
                .isEqualTo(actions.size());
        assertThat(applied).as("forum instances that applied new actions").containsKeys(1, 2);
    }

    // ---- the web session

    private void aWebSessionSurvivesItsInstance() throws Exception {
        BrowserCookies cookies = new BrowserCookies();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        String web1 = settings.baseUrl(PlatformService.WEB, 1);
        String web2 = settings.baseUrl(PlatformService.WEB, 2);
        // Keycloak's real login page, reached from the first web instance (the one the realm sends browsers back to)
        HttpResponse<String> login = browser.send(get(web1 + "/"), HttpResponse.BodyHandlers.ofString());
        assertThat(login.uri().toString()).startsWith(settings.issuer());
        Matcher form = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>").matcher(login.body());
        assertThat(form.find()).as("Keycloak's login form").isTrue();
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
        assertThat(action.find()).isTrue();
        String post = action.group(1).replace("&amp;", "&");
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(post))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + enc(CITY) + "&password=" + enc(DemoForum.PASSWORD) + "&credentialId="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.uri().toString())
                .as("where signing in led: %s", signedIn.body())
                .startsWith(web1);
        assertThat(signedIn.body()).as("the signed-in page on web-1").contains("id=\"who\"");
        String session = cookies.value("ARRIVAL_SESSION");
        assertThat(session).as("the ARRIVAL_SESSION cookie after signing in").isNotNull();
        HttpClient plain = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        assertThat(plain.send(get(web2 + "/"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("web-2 without the cookie sends the browser to sign in")
                .isEqualTo(302);

        Instant killed = Instant.now();
        stack.kill("web");
        HttpResponse<String> onOther = null;
        Instant deadline = killed.plus(TAKE_OVER_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                onOther = plain.send(
                        HttpRequest.newBuilder(URI.create(web2 + "/"))
                                .timeout(Duration.ofSeconds(20))
                                .header("Cookie", "ARRIVAL_SESSION=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (onOther.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                onOther = null;
            }
            sleep(200);
        }
        assertThat(onOther).as("web-2 answered with the session of web-1").isNotNull();
        assertThat(onOther.statusCode()).as("web-2 with web-1's session cookie").isEqualTo(200);
        assertThat(onOther.body()).as("still signed in on web-2").contains("id=\"who\"");
        measured.put(
                "web session: kill -9 of web-1 -> signed-in page from web-2 with the same cookie",
                seconds(Duration.between(killed, Instant.now())));
    }

    /**
     * The cookies of one host as a browser keeps them for 127.0.0.1, which it treats as a secure origin: Keycloak's
     * login cookies are {@code Secure}, which Java's own cookie manager never sends over http. Paths and ports are
     * ignored (Keycloak and the web application share the host; each ignores the other's cookies).
     */
    private static final class BrowserCookies extends java.net.CookieHandler {
        private final Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (values.isEmpty()) {
                return Map.of();
            }
            StringBuilder header = new StringBuilder();
            values.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            return Map.of("Cookie", List.of(header.toString()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, list) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String header : list) {
                        for (HttpCookie c : HttpCookie.parse(header)) {
                            if (c.hasExpired()) {
                                values.remove(c.getName());
                            } else {
                                values.put(c.getName(), c.getValue());
                            }
                        }
                    }
                }
            });
        }

        String value(String name) {
            return values.get(name);
        }
    }

    // ---- the live stream

    private void aLiveStreamReconnectsToTheOtherForumAndMissesNoChange() throws Exception {
        String forum1 = settings.baseUrl(PlatformService.FORUM, 1);
        String forum2 = settings.baseUrl(PlatformService.FORUM, 2);
        stack.awaitUp("forum", PART_UP);
        Map<TopicPartition, Integer> owners = owners("forum");
        Set<TopicPartition> ofFirst = new java.util.HashSet<>();
        owners.forEach((tp, instance) -> {
            if (instance == 1) {
                ofFirst.add(tp);
            }
        });
        try (LiveStream onA = LiveStream.open(http, forum1, platform.forumId, token(CITY), null)) {
            onA.await(e -> e.event().equals("ready"), Duration.ofSeconds(30), "ready on forum-1");
            int c1 = report(settings.baseUrl(PlatformService.ACTION_PLANS, 2));
            Instant t1 = Instant.now();
            onA.await(
                    e -> e.event().equals("changed") && e.data().contains("tracker"),
                    EFFECT_LIMIT,
                    "a hint for change " + c1 + " on forum-1");
            awaitTracker(forum1, c1, t1, EFFECT_LIMIT);
            measured.put(
                    "live stream: change 1 (before the kill) hinted on forum-1 and read there",
                    seconds(Duration.between(t1, Instant.now())));
            String lastId = onA.lastId();

            Instant killed = Instant.now();
            stack.kill("forum");
            int c2 = report(settings.baseUrl(PlatformService.ACTION_PLANS, 2));
            // the consumer side: events keep coming, some on the partitions forum-1 held
            AtomicBoolean loading = new AtomicBoolean(true);
            try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
                load.submit(() -> {
                    while (loading.get()) {
                        createAction(settings.baseUrl(PlatformService.ACTION_PLANS, 2), false);
                        sleep(700);
                    }
                    return null;
                });
                onA.awaitEnd(Duration.ofSeconds(30));
                // as a browser's EventSource: after the server's retry time, again with the last id it saw
                sleep(onA.retry());
                try (LiveStream onB = LiveStream.open(http, forum2, platform.forumId, token(CITY), lastId)) {
                    onB.await(e -> e.event().equals("ready"), Duration.ofSeconds(30), "ready on forum-2");
                    measured.put(
                            "live stream: kill -9 of forum-1 -> stream open again on forum-2 (incl. 3 s retry)",
                            seconds(Duration.between(killed, Instant.now())));
                    // the reconnected page fetches every part again (the web application's relay asks it to), then
                    // follows the hints: change 2, made while no stream was open, shows either way
                    String how = tracker(forum2, actionId) == c2 ? "read on reconnect" : "hinted later";
                    awaitTrackerFollowingHints(onB, forum2, c2, EFFECT_LIMIT);
                    measured.put(
                            "live stream: change 2 (made after the kill) seen through forum-2 (" + how + ")",
                            seconds(Duration.between(killed, Instant.now())));
                    int c3 = report(settings.baseUrl(PlatformService.ACTION_PLANS, 2));
                    Instant t3 = Instant.now();
                    awaitTrackerFollowingHints(onB, forum2, c3, EFFECT_LIMIT);
                    measured.put(
                            "live stream: change 3 (after the reconnect) hinted on forum-2 and read there",
                            seconds(Duration.between(t3, Instant.now())));
                }
                // the consumer rebalance: the first event applied again on a partition forum-1 held
                Instant applied = null;
                Instant deadline = killed.plus(EFFECT_LIMIT);
                while (applied == null && Instant.now().isBefore(deadline)) {
                    applied = firstLoggedAfter(killed, ofFirst);
                    if (applied == null) {
                        sleep(500);
                    }
                }
                loading.set(false);
                stack.awaitUp("forum", PART_UP);
                measured.put(
                        "forum-1 restarted by the supervisor: kill -> up",
                        seconds(Duration.between(killed, Instant.now())));
                assertThat(applied)
                        .as("an event applied on forum-1's partitions after its kill")
                        .isNotNull();
                measured.put(
                        "consumer fail-over (forum): kill -9 of forum-1 -> first event applied on its partitions",
                        seconds(Duration.between(killed, applied)));
            }
        }
    }

    /** The earliest event logged after the instant on one of the partitions. */
    private Instant firstLoggedAfter(Instant after, Set<TopicPartition> partitions) {
        List<Object[]> rows = queryAll(
                "arrival_forum",
                "SELECT topic, kafka_partition, logged_at FROM event_log WHERE logged_at > ? ORDER BY logged_at",
                rs -> new Object[] {
                    rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()
                },
                Timestamp.from(after));
        if (rows == null) {
            return null;
        }
        for (Object[] r : rows) {
            if (partitions.contains(new TopicPartition((String) r[0], (Integer) r[1]))) {
                return (Instant) r[2];
            }
        }
        return null;
    }

    /** Follows the stream's hints: fetches the tracker again after each until it shows report {@code expected}. */
    private void awaitTrackerFollowingHints(LiveStream stream, String forum, int expected, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (tracker(forum, actionId) != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the tracker on " + forum + " never showed report " + expected + " of action "
                        + actionId + "; the stream's events: " + stream.events());
            }
            stream.next(Duration.ofSeconds(2));
        }
    }

    private void awaitTracker(String forum, int expected, Instant since, Duration limit) {
        Instant deadline = since.plus(limit);
        while (tracker(forum, actionId) != expected) {
            assertThat(Instant.now())
                    .as("tracker on %s shows report %d", forum, expected)
                    .isBefore(deadline);
            sleep(300);
        }
    }

    /** The action's percentage in the forum's tracker as one forum instance shows it; -1 if absent. */
    private int tracker(String forum, String action) {
        for (int page = 0; page < 20; page++) {
            JsonNode p = platform.api.expect(
                    200,
                    "GET",
                    forum,
                    "/forums/" + platform.forumId + "/tracker?size=200&page=" + page,
                    token(CITY),
                    null,
                    Map.of());
            for (JsonNode item : p.get("items")) {
                if (action.equals(item.path("actionId").asString(""))) {
                    return item.path("percentComplete").asInt(-1);
                }
            }
            if (p.get("items").size() < 200) {
                break;
            }
        }
        return -1;
    }

    // ---- the rebuild

    private void aRebuildOnOneForumSwitchesEveryInstance() throws Exception {
        String forum1 = settings.baseUrl(PlatformService.FORUM, 1);
        String forum2 = settings.baseUrl(PlatformService.FORUM, 2);
        stack.awaitUp("forum", PART_UP);
        Integer before = query("arrival_forum", "SELECT generation FROM fv_active_generation", rs -> rs.getInt(1));
        try (LiveStream onA = LiveStream.open(http, forum1, platform.forumId, token(CITY), null)) {
            onA.await(e -> e.event().equals("ready"), Duration.ofSeconds(30), "ready on forum-1");
            Instant t0 = Instant.now();
            JsonNode started = platform.api.expect(202, "POST", forum2, "/admin/rebuild", token(ADMIN), null, Map.of());
            String id = started.get("id").asString();
            int generation = started.get("generation").asInt();
            assertThat(generation).isNotEqualTo(before);
            JsonNode status = started;
            Instant deadline = t0.plus(Duration.ofMinutes(5));
            while (status.get("status").asString().equals("RUNNING")
                    && Instant.now().isBefore(deadline)) {
                sleep(500);
                // read through the other instance
                status = platform.api.expect(200, "GET", forum1, "/admin/rebuild/" + id, token(ADMIN), null, Map.of());
            }
            assertThat(status.get("status").asString())
                    .as("the rebuild as forum-1 tells it: %s", status)
                    .isEqualTo("COMPLETED");
            assertThat(status.get("generation").asInt()).isEqualTo(generation);
            Instant completed = Instant.now();
            // every instance's live streams are told that every view changed
            onA.await(
                    e -> e.event().equals("changed")
                            && e.data().contains("flags")
                            && e.data().contains("readiness")
                            && e.data().contains("tracker"),
                    Duration.ofSeconds(30),
                    "the rebuild's hint on forum-1");
            Integer active = query("arrival_forum", "SELECT generation FROM fv_active_generation", rs -> rs.getInt(1));
            assertThat(active).as("the active generation").isEqualTo(generation);
            // forum-1 reads the new tables: the sequence's last report is there
            assertThat(tracker(forum1, actionId)).isEqualTo(seq);
            assertThat(tracker(forum2, actionId)).isEqualTo(seq);
            measured.put(
                    "rebuild started on forum-2, generation " + before + " -> " + generation
                            + ": start -> COMPLETED read through forum-1 ("
                            + status.path("eventsRead").asLong()
                            + " events)",
                    seconds(Duration.between(t0, completed)));
            measured.put(
                    "rebuild: COMPLETED -> every-view hint on forum-1's stream",
                    seconds(Duration.between(completed, Instant.now())));
        }
    }

    // ---- writes

    private String createAction(String actionPlans, boolean inProgress) {
        String token = token(CITY);
        JsonNode action = platform.api.expect(
                201, "POST", actionPlans, "/actions", token, """
                {"title":"Scale-out %s","kind":"SERVICE","sectors":["HEALTH"],
                 "startDate":"2020-01-01","endDate":"2030-12-31","reportingCadence":"QUARTERLY",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(tag, platform.forumId), Map.of());
        String id = action.get("id").asString();
        if (inProgress) {
            for (String status : List.of("COMMITTED", "IN_PROGRESS")) {
                platform.api.expect(
                        200,
                        "POST",
                        actionPlans,
                        "/actions/" + id + "/status",
                        token,
                        Map.of("status", status),
                        Map.of());
            }
        }
        return id;
    }

    /** The next report of the sequence on the action, through the given action-plans instance; its number. */
    private synchronized int report(String actionPlans) {
        int n = ++seq;
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        platform.api.expect(
                201,
                "POST",
                actionPlans,
                "/actions/" + actionId + "/reports",
                token(CITY),
                """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":%d,"rag":"GREEN",
                 "narrative":"Scale-out report scaleout%ss%d"}""".formatted(end.minusDays(n), end, n, tag, n),
                Map.of());
        return n;
    }

    private int seqIn(String narrative) {
        Matcher m = Pattern.compile("scaleout" + tag + "s(\\d+)").matcher(narrative == null ? "" : narrative);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private String token(String user) {
        return platform.token(user);
    }

    // ---- the live stream as a browser's EventSource reads it

    private record Sse(String event, String id, String data, Instant at) {}

    private static final class LiveStream implements AutoCloseable {
        private final java.util.concurrent.LinkedBlockingQueue<Sse> queue =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final List<Sse> seen = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        private volatile InputStream body;
        private volatile String lastId;
        private volatile long retry = 3000;
        private Thread reader;

        static LiveStream open(HttpClient http, String forum, String forumId, String token, String lastEventId) {
            LiveStream s = new LiveStream();
            s.lastId = lastEventId;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(forum + "/forums/" + forumId + "/stream"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            s.reader = Thread.ofVirtual().start(() -> s.read(http, request.build()));
            return s;
        }

        private void read(HttpClient http, HttpRequest request) {
            try {
                HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                body = r.body();
                if (r.statusCode() != 200) {
                    queue.add(new Sse("status " + r.statusCode(), null, "", Instant.now()));
                    return;
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                String event = "message";
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty() || !"message".equals(event)) {
                            Sse e = new Sse(event, id, data.toString(), Instant.now());
                            if (id != null) {
                                lastId = id;
                            }
                            seen.add(e);
                            queue.add(e);
                        }
                        event = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("retry:")) {
                        retry = Long.parseLong(line.substring(6).strip());
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the server went away: what a browser sees as an error, then reconnects
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ended.countDown();
            }
        }

        Sse await(java.util.function.Predicate<Sse> what, Duration limit, String describe) {
            Instant deadline = Instant.now().plus(limit);
            while (Instant.now().isBefore(deadline)) {
                Sse e = next(Duration.between(Instant.now(), deadline));
                if (e != null && what.test(e)) {
                    return e;
                }
            }
            throw new AssertionError(
                    "no " + describe + " within " + limit.toSeconds() + " s; the stream's events: " + seen);
        }

        Sse next(Duration wait) {
            try {
                return queue.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void awaitEnd(Duration limit) throws InterruptedException {
            assertThat(ended.await(limit.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the stream ended when its instance died")
                    .isTrue();
        }

        String lastId() {
            return lastId;
        }

        long retry() {
            return retry;
        }

        List<Sse> events() {
            return seen;
        }

        @Override
        public void close() {
            InputStream b = body;
            if (b != null) {
                try {
                    b.close();
                } catch (IOException ignored) {
                    // gone already
                }
            }
            reader.interrupt();
        }
    }

    // ---- the databases, read-only

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String database, String sql, Row<T> row, Object... args) {
        List<T> all = queryAll(database, sql, row, args);
        return all == null || all.isEmpty() ? null : all.getFirst();
    }

    private <T> List<T> queryAll(String database, String sql, Row<T> row, Object... args) {
        try (Connection c = DriverManager.getConnection(
                        settings.jdbcUrl(database) + "?connectTimeout=3&socketTimeout=20&ApplicationName=scale-out",
                        "arrival",
                        "arrival");
                PreparedStatement s = c.prepareStatement(sql)) {
            c.setReadOnly(true);
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            notes.add("reading " + database + " failed: " + e.getMessage());
            return null;
        }
    }

    // ---- the report

    private void writeReport() {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder(nl)
                .append("Scale-out ")
                .append(tag)
                .append(": two instances of every service (the stack's own and one started beside it)")
                .append(nl);
        measured.forEach((what, value) -> out.append(String.format("  %-100s %s%n", what, value)));
        out.append("  times in seconds; a take-over beyond ")
                .append(TAKE_OVER_LIMIT.toSeconds())
                .append(" s fails the test")
                .append(nl);
        notes.forEach(n -> out.append("  note: ").append(n).append(nl));
        System.out.println(out);
        try {
            Path target = settings.dataDir().getParent();
            Files.writeString(target.resolve("scale-out.txt"), out.toString());
        } catch (IOException | RuntimeException e) {
            System.out.println("[scale-out] could not write scale-out.txt: " + e.getMessage());
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String seconds(Duration d) {
        return String.format("%.1f", d.toMillis() / 1000.0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
