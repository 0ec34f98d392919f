package org.arrival.benchmarks.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformClient;
import org.arrival.local.PlatformService;
import org.arrival.local.StackSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the benchmark sets up through the public APIs, as the demo forum's members would: each editing member
 * records a plan and actions shared with the Kampala forum and commits to them; the city sets up a small working
 * group (with the statistics office) whose one action carries the freshness probe's reports; the donor subscribes
 * to progress reports in the forum, the statistics office to those in the working group.
 */
public final class Workspace {

    private final PlatformClient api;
    private final StackSettings settings;
    private final UUID forum;
    private final UUID workingGroup;
    private final List<ActionUnderReport> loadActions;
    private final ActionUnderReport probeAction;

    private Workspace(
            PlatformClient api,
            StackSettings settings,
            UUID forum,
            UUID workingGroup,
            List<ActionUnderReport> loadActions,
            ActionUnderReport probeAction) {
        this.api = api;
        this.settings = settings;
        this.forum = forum;
        this.workingGroup = workingGroup;
        this.loadActions = loadActions;
        this.probeAction = probeAction;
    }

    public static Workspace create(PlatformClient api, StackSettings settings, int actions) {
        String chair = token(api, Reporter.EDITORS.get(0));
        UUID forum = demoForum(api, chair);
        UUID workingGroup = workingGroup(api, chair);
        List<ActionUnderReport> load = new ArrayList<>();
        Map<Reporter, UUID> plans = new HashMap<>();
        for (Reporter editor : Reporter.EDITORS) {
            plans.put(editor, plan(api, editor, forum));
        }
        for (int i = 0; i < actions; i++) {
            Reporter editor = Reporter.EDITORS.get(i % Reporter.EDITORS.size());
            UUID plan = Objects.requireNonNull(plans.get(editor), "every editor has a plan");
            load.add(new ActionUnderReport(
                    action(api, editor, plan, forum, "Multilingual referral desk, division office " + (i + 1)),
                    editor));
        }
        Reporter city = Reporter.EDITORS.get(0);
        ActionUnderReport probe = new ActionUnderReport(
                action(api, city, null, workingGroup, "Referral pathway mapping for the working group"), city);
        subscribe(api, Reporter.DONOR, forum);
        subscribe(api, Reporter.STATISTICIAN, workingGroup);
        Workspace w = new Workspace(api, settings, forum, workingGroup, List.copyOf(load), probe);
        w.await("the forum view to show every action", Duration.ofMinutes(3), w::forumShowsEveryAction);
        return w;
    }

    public UUID forum() {
        return forum;
    }

    public UUID workingGroup() {
        return workingGroup;
    }

    public List<ActionUnderReport> loadActions() {
        return loadActions;
    }

    public ActionUnderReport probeAction() {
        return probeAction;
    }

    /**
     * The reporter's access token. One caller at a time fetches a new one when it is due (30 s before it expires):
     * a crowd of clients asking Keycloak for the same user's token at once looks like an attack to its brute-force
     * protection, which then locks the user out for a while.
     */
    public String token(Reporter reporter) {
        return token(api, reporter);
    }

    private static final Map<String, ReentrantLock> TOKEN_LOCKS = new ConcurrentHashMap<>();

    private static String token(PlatformClient api, Reporter reporter) {
        ReentrantLock lock = TOKEN_LOCKS.computeIfAbsent(reporter.username(), u -> new ReentrantLock());
        lock.lock();
        try {
            return api.token(reporter.username(), DemoForum.PASSWORD);
        } finally {
            lock.unlock();
        }
    }

    public String url(PlatformService service, String path) {
        return settings.baseUrl(service) + path;
    }

    /** The forum's tracker as its chair sees it: action id to the period end of its latest report ("" if none). */
    public Map<UUID, String> trackerOf(UUID forumId, Reporter viewer) {
        JsonNode page = api.expect(
                200,
                "GET",
                PlatformService.FORUM,
                "/forums/" + forumId + "/tracker?size=200",
                token(viewer),
                null,
                Map.of());
        Map<UUID, String> latest = new HashMap<>();
        for (JsonNode item : page.get("items")) {
            JsonNode end = item.get("reportPeriodEnd");
            latest.put(
                    UUID.fromString(item.get("actionId").asString()),
                    end == null || end.isNull() ? "" : end.asString());
        }
        return latest;
    }

    /** Whether the forum view shows the latest accepted report of every load action. */
    public boolean forumShowsLatestReports() {
        Map<UUID, String> shown = trackerOf(forum, Reporter.EDITORS.get(0));
        for (ActionUnderReport a : loadActions) {
            String expected = a.lastAccepted() == null ? "" : a.lastAccepted().toString();
            if (!expected.equals(shown.get(a.id()))) {
                return false;
            }
        }
        return true;
    }

    /** The donor's unread notifications: one for each progress report in the forum. */
    public long donorUnread() {
        return api.expect(
                        200,
                        "GET",
                        PlatformService.NOTIFICATIONS,
                        "/inbox/unread-count",
                        token(Reporter.DONOR),
                        null,
                        Map.of())
                .get("unread")
                .asLong();
    }

    private boolean forumShowsEveryAction() {
        return trackerOf(forum, Reporter.EDITORS.get(0))
                        .keySet()
                        .containsAll(
                                loadActions.stream().map(ActionUnderReport::id).toList())
                && trackerOf(workingGroup, Reporter.STATISTICIAN).containsKey(probeAction.id());
    }

    /** Waits for a condition of the platform, failing with what was awaited after the timeout. */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e; // e.g. 404 while the forum is not yet known to the view
            }
            pause(250);
        }
        throw new IllegalStateException(
                "timed out waiting for " + what + (last == null ? "" : ": " + last.getMessage()));
    }

    private static UUID demoForum(PlatformClient api, String chair) {
        JsonNode page = api.expect(
                200,
                "GET",
                PlatformService.REGISTRY,
                "/forums?type=COORDINATION_FORUM&member=" + DemoForum.KCCA + "&q="
                        + URLEncoder.encode("Kampala Coordination Forum", StandardCharsets.UTF_8),
                chair,
                null,
                Map.of());
        if (page.get("items").isEmpty()) {
            throw new IllegalStateException("the demo forum is missing: start the stack with its demo (not --no-demo)");
        }
        return UUID.fromString(page.get("items").get(0).get("id").asString());
    }

    private static UUID workingGroup(PlatformClient api, String chair) {
        JsonNode group = api.expect(
                201,
                "POST",
                PlatformService.REGISTRY,
                "/forums",
                chair,
                """
                {"name":"Kampala referral pathways working group","type":"WORKING_GROUP",
                 "geographicScope":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "thematicScope":{"sectors":["HEALTH","DATA"],"populationGroups":["REFUGEES","HOST_COMMUNITY"],
                                  "mandate":"Map referral pathways between the division offices and city health centres."},
                 "convenorId":"%s","chairId":"%s","secretariatId":"%s"}""".formatted(DemoForum.KCCA, DemoForum.KCCA, DemoForum.KCCA),
                Map.of());
        String id = group.get("id").asString();
        api.expect(
                200,
                "POST",
                PlatformService.REGISTRY,
                "/forums/" + id + "/status",
                chair,
                Map.of("status", "ACTIVE", "reason", "Working group set up by the forum"),
                Map.of());
        for (String[] seat : new String[][] {{DemoForum.KCCA, "CHAIR"}, {DemoForum.UBOS, "TECHNICAL_ADVISER"}}) {
            api.expect(
                    201,
                    "POST",
                    PlatformService.REGISTRY,
                    "/forums/" + id + "/memberships",
                    chair,
                    Map.of("stakeholderId", seat[0], "seat", seat[1], "termStart", "2026-01-15"),
                    Map.of());
        }
        return UUID.fromString(id);
    }

    private static UUID plan(PlatformClient api, Reporter editor, UUID forum) {
        JsonNode plan = api.expect(
                201,
                "POST",
                PlatformService.ACTION_PLANS,
                "/plans",
                token(api, editor),
                """
                {"title":"Urban refugee inclusion plan 2025-2027","type":"INTEGRATION_PLAN",
                 "jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "periodStart":"2025-01-01","periodEnd":"2027-12-31","classification":"FORUM","sharedWithForums":["%s"]}""".formatted(forum),
                Map.of());
        return UUID.fromString(plan.get("id").asString());
    }

    private static UUID action(PlatformClient api, Reporter editor, @Nullable UUID plan, UUID forum, String title) {
        String token = token(api, editor);
        JsonNode action = api.expect(
                201,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions",
                token,
                """
                {%s"title":"%s","kind":"SERVICE","sectors":["RECEPTION","HEALTH"],
                 "targetGroups":["REFUGEES","HOST_COMMUNITY"],
                 "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kawempe division"}],
                 "startDate":"2025-01-01","endDate":"2027-12-31","reportingCadence":"QUARTERLY",
                 "frameworkItems":["SDG-10.7","GCM-15"],"classification":"FORUM","sharedWithForums":["%s"]}""".formatted(plan == null ? "" : "\"planId\":\"" + plan + "\",", title, forum),
                Map.of());
        String id = action.get("id").asString();
        for (String status : List.of("COMMITTED", "IN_PROGRESS")) {
            api.expect(
                    200,
                    "POST",
                    PlatformService.ACTION_PLANS,
                    "/actions/" + id + "/status",
                    token,
                    Map.of("status", status),
                    Map.of());
        }
        return UUID.fromString(id);
    }

    /**
     * An in-app subscription to progress reports in the forum, unless the reader has one (a rerun on kept data);
     * retried while the forum is new to the service.
     */
    private static void subscribe(PlatformClient api, Reporter reader, UUID forum) {
        JsonNode mine = api.expect(
                200,
                "GET",
                PlatformService.NOTIFICATIONS,
                "/subscriptions?size=200",
                token(api, reader),
                null,
                Map.of());
        for (JsonNode s : mine.get("items")) {
            if (s.toString().contains(forum.toString()) && s.toString().contains("ProgressReported")) {
                return;
            }
        }
        String body = """
                {"channel":"IN_APP","filter":{"forums":["%s"],"eventTypes":["ProgressReported"]}}""".formatted(forum);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            PlatformClient.Response r = api.call(
                    "POST", PlatformService.NOTIFICATIONS, "/subscriptions", token(api, reader), body, Map.of());
            if (r.status() == 201) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        reader.username() + " could not subscribe: " + r.status() + " " + r.body());
            }
            pause(500);
        }
    }

    /** Sleeps; an interrupt ends the run. */
    public static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
