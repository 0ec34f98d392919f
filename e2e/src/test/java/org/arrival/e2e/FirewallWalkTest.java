package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformClient.Response;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The firewall over every surface, from the outside: the refugee-led association (hidden from enforcement bodies)
 * and RESTRICTED records appear in the forum's coherence flags, in a commitment's cascade, in a checklist round's
 * respondents and in an action's participants; then the immigration enforcement unit walks every GET operation of
 * every service (read from their own OpenAPI descriptions) with every id the test knows, the forum's live stream,
 * its inbox, its e-mails, a webhook of its own and the forum's exports. No id, title or name of the hidden
 * association or of a restricted record may appear anywhere. The same walk as the forum's chair must find them,
 * which shows that the walk reaches the places where they are.
 */
@ExtendWith(PlatformExtension.class)
class FirewallWalkTest {

    private static RunningPlatform platform;
    private static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    private static final String DCIC_ADMIN = "dcic-admin-" + TAG;

    /** Strings the enforcement body may never see, and what they are (for the failure message). */
    private static final Map<String, String> FORBIDDEN = new LinkedHashMap<>();
    /** Every id the walk fills path variables with: the forbidden ones and ordinary ones. */
    private static final Set<String> IDS = new LinkedHashSet<>();

    private static final List<String> DELIVERIES = new CopyOnWriteArrayList<>();
    private static final List<String> STREAMED = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;

    @BeforeAll
    static void fixture() throws Exception {
        platform = RunningPlatform.get();
        String forum = platform.forumId;
        forbid(DemoForum.RLO, "the hidden association's id");
        forbid("Umoja", "the hidden association's name");
        IDS.add(forum);
        IDS.add(DemoForum.KCCA);
        IDS.add(DemoForum.NGO);
        IDS.add(DemoForum.DCIC);

        // the enforcement unit listens: an administrator of its own, a webhook to a receiver here, subscriptions
        new KeycloakAdmin(platform.settings())
                .createUser(DCIC_ADMIN, DemoForum.PASSWORD, DemoForum.DCIC, "org-admin", "org-editor");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                DELIVERIES.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String dcic = token(DCIC_ADMIN);
        JsonNode webhook = post(PlatformService.NOTIFICATIONS, "/webhooks", dcic, """
                {"url":"http://127.0.0.1:%d/hook","description":"enforcement unit's own system",
                 "eventTypes":["ActionProposed","ActionUpdated","ProgressReported","ContributionMade",
                  "FundingRecorded","MilestoneRecorded","NeedIdentified","NeedUpdated","InputContributed",
                  "CoherenceFlagRaised","CoherenceFlagUpdated","AssessmentRoundOpened","ChecklistScoresPublished",
                  "ChecklistGapIdentified","PopulationEstimateRecorded","StakeholderRegistered","MembershipGranted"]}""".formatted(
                        receiver.getAddress().getPort()));
        IDS.add(webhook.get("id").asString());
        post(PlatformService.NOTIFICATIONS, "/subscriptions", dcic, """
                {"scope":"ORGANISATION","channel":"WEBHOOK","webhookId":"%s","filter":{"forums":["%s"]}}""".formatted(
                        webhook.get("id").asString(), forum));
        post(PlatformService.NOTIFICATIONS, "/subscriptions", dcic, """
                {"channel":"EMAIL","address":"%s@demo.arrival.example","filter":{"forums":["%s"]}}""".formatted(DCIC_ADMIN, forum));
        post(PlatformService.NOTIFICATIONS, "/subscriptions", token("dcic-officer"), """
                {"channel":"IN_APP","filter":{"forums":["%s"]}}""".formatted(forum));
        Thread stream = Thread.ofVirtual().start(() -> listen(forum, token("dcic-officer")));

        // the hidden association records a forum action with no funding: the forum raises a flag about it
        String rlo = token("rlo-editor");
        String title = "Umoja women's health escort in Kisenyi " + TAG;
        JsonNode action = post(PlatformService.ACTION_PLANS, "/actions", rlo, """
                {"title":"%s","description":"Volunteers walk newly arrived women to the clinic",
                 "kind":"SERVICE","sectors":["HEALTH"],"targetGroups":["REFUGEES"],
                 "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"}],
                 "startDate":"2026-03-01","endDate":"2026-12-31","reportingCadence":"QUARTERLY",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(title, forum));
        forbid(action.get("id").asString(), "the hidden association's action");
        forbid(title, "the hidden association's action's title");
        move(rlo, action.get("id").asString(), "COMMITTED");

        // the city names the association as a participant of one of its actions
        String city = token("kcca-coordinator");
        JsonNode cityAction = post(PlatformService.ACTION_PLANS, "/actions", city, """
                {"title":"Clinic outreach days in Kisenyi %s","kind":"SERVICE","sectors":["HEALTH"],
                 "startDate":"2026-03-01","endDate":"2026-12-31","reportingCadence":"QUARTERLY",
                 "participants":[{"organisationId":"%s","role":"IMPLEMENTING"},{"organisationId":"%s","role":"IMPLEMENTING"}],
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(
                        TAG, DemoForum.RLO, DemoForum.NGO, forum));
        IDS.add(cityAction.get("id").asString());

        // the national department commits the city and the association; the association implements it locally
        String opm = token("opm-refugees-editor");
        JsonNode commitment = post(PlatformService.ACTION_PLANS, "/actions", opm, """
                {"title":"Community health workers from the refugee community %s","kind":"COMMITMENT",
                 "sectors":["HEALTH"],"startDate":"2026-01-01","endDate":"2027-12-31","reportingCadence":"QUARTERLY",
                 "requiresLocalImplementation":true,"expectedImplementers":["%s","%s"],
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(
                        TAG, DemoForum.KCCA, DemoForum.RLO, forum));
        IDS.add(commitment.get("id").asString());
        move(opm, commitment.get("id").asString(), "COMMITTED");
        String localTitle = "Umoja health volunteers for the national programme " + TAG;
        JsonNode local = post(PlatformService.ACTION_PLANS, "/actions", rlo, """
                {"title":"%s","kind":"SERVICE","sectors":["HEALTH"],"startDate":"2026-03-01","endDate":"2027-12-31",
                 "reportingCadence":"QUARTERLY","implementsActionId":"%s",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(
                        localTitle, commitment.get("id").asString(), forum));
        forbid(local.get("id").asString(), "the hidden association's local action");
        forbid(localTitle, "the hidden association's local action's title");

        // the NGO records a RESTRICTED need with no action, and a RESTRICTED action: flags name them
        String ngo = token("ngo-editor");
        String needStatement = "Safe houses for survivors referred by the protection desk " + TAG;
        JsonNode need = post(PlatformService.ASSESSMENTS, "/needs", ngo, """
                {"statement":"%s","sector":"PROTECTION_RIGHTS","populationGroups":["REFUGEES"],
                 "area":{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"},"severity":"HIGH",
                 "classification":"RESTRICTED","sharedWithForums":["%s"]}""".formatted(needStatement, forum));
        forbid(need.get("id").asString(), "a RESTRICTED need");
        forbid(needStatement, "a RESTRICTED need's statement");
        platform.api.expect(
                200,
                "POST",
                PlatformService.ASSESSMENTS,
                "/needs/" + need.get("id").asString() + "/status",
                ngo,
                Map.of("status", "VALIDATED"),
                Map.of());
        String restrictedTitle = "Confidential referral pathway for survivors " + TAG;
        JsonNode restricted =
                post(PlatformService.ACTION_PLANS, "/actions", ngo, """
                {"title":"%s","kind":"SERVICE","sectors":["PROTECTION_RIGHTS"],"startDate":"2026-03-01",
                 "endDate":"2026-12-31","reportingCadence":"QUARTERLY",
                 "classification":"RESTRICTED","sharedWithForums":["%s"]}""".formatted(restrictedTitle, forum));
        forbid(restricted.get("id").asString(), "a RESTRICTED action");
        forbid(restrictedTitle, "a RESTRICTED action's title");
        move(ngo, restricted.get("id").asString(), "COMMITTED");

        // and one action the enforcement unit may hear of: its webhook must be told of it
        String openTitle = "Market lighting in Kisenyi " + TAG;
        IDS.add(post(PlatformService.ACTION_PLANS, "/actions", city, """
                {"title":"%s","kind":"SERVICE","sectors":["INFRA_TRANSPORT"],"startDate":"2026-03-01",
                 "endDate":"2026-12-31","reportingCadence":"QUARTERLY",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(openTitle, forum))
                .get("id")
                .asString());

        // wait until the forum's coherence checks have flagged the hidden association's action
        awaitFlagAbout(forum, action.get("id").asString());
        // and the notifications have gone out
        Instant until = Instant.now().plusSeconds(90);
        while (DELIVERIES.stream().noneMatch(d -> d.contains(openTitle))
                && Instant.now().isBefore(until)) {
            Thread.sleep(500);
        }
        Thread.sleep(2_000);
        stream.interrupt();
    }

    @Test
    void theEnforcementUnitFindsNoTraceOfThemAnywhere() throws Exception {
        Walk walk = walk(token("dcic-officer"));
        walk.also(walk(token(DCIC_ADMIN)));
        walk.surface("the forum's live stream", String.join("\n", STREAMED));
        walk.surface("webhook deliveries to the enforcement unit", String.join("\n", DELIVERIES));
        for (Path mail : mailsTo(DCIC_ADMIN)) {
            walk.surface("e-mail " + mail.getFileName(), Files.readString(mail));
        }
        System.out.println("Firewall walk: " + walk.summary());
        assertThat(walk.leaks).as("what the enforcement unit saw").isEmpty();
        assertThat(walk.requests).isGreaterThan(100);
        assertThat(DELIVERIES)
                .as("the enforcement unit's webhook heard of the forum's other events")
                .anyMatch(d -> d.contains("Market lighting in Kisenyi " + TAG));
    }

    @Test
    void theSameWalkAsTheChairFindsThem() throws Exception {
        Walk chair = walk(token("kcca-coordinator"));
        Set<String> seen = new LinkedHashSet<>();
        chair.leaks.forEach(l -> seen.add(l.what()));
        assertThat(seen)
                .contains(
                        "the hidden association's id",
                        "the hidden association's action's title",
                        "a RESTRICTED need's statement",
                        "a RESTRICTED action's title");
        assertThat(chair.leaks).anyMatch(l -> l.where().contains("/flags"));
        assertThat(chair.leaks).anyMatch(l -> l.where().contains("/cascade"));
    }

    // ---- the walk

    private record Leak(String where, String what) {}

    private static final class Walk {
        final List<Leak> leaks = new ArrayList<>();
        int requests;
        int operations;
        int surfaces;

        void surface(String where, String body) {
            surface(where, body, "");
        }

        /** What an answer says, apart from what the request itself said (a 404 repeats the id it was asked for). */
        void surface(String where, String body, String asked) {
            surfaces++;
            FORBIDDEN.forEach((value, what) -> {
                if (body.contains(value) && !asked.contains(value)) {
                    leaks.add(new Leak(where, what));
                }
            });
        }

        void also(Walk other) {
            leaks.addAll(other.leaks);
            requests += other.requests;
            operations += other.operations;
            surfaces += other.surfaces;
        }

        String summary() {
            return operations + " GET operations, " + requests + " requests, " + surfaces
                    + " answers and messages read";
        }
    }

    private static Walk walk(String token) {
        Walk walk = new Walk();
        for (PlatformService service : PlatformService.values()) {
            if (service == PlatformService.WEB) {
                continue; // pages, not an API: EnforcementBrowserTest walks them in a browser
            }
            JsonNode api = platform.api.expect(200, "GET", service, "/v3/api-docs", null, null, Map.of());
            api.path("paths").properties().forEach(path -> {
                JsonNode get = path.getValue().get("get");
                if (get == null || path.getKey().endsWith("/stream")) {
                    return;
                }
                walk.operations++;
                for (String concrete : concrete(path.getKey(), get)) {
                    Response r = platform.api.call("GET", service, concrete, token, null, Map.of());
                    walk.requests++;
                    walk.surface(
                            service.name().toLowerCase() + " GET " + concrete + " (" + r.status() + ")",
                            r.body(),
                            concrete);
                }
            });
        }
        return walk;
    }

    /** The operation's path with its variables filled from every id the test knows, and its required query set. */
    private static List<String> concrete(String template, JsonNode operation) {
        List<String> paths = List.of(template);
        int variables = (int) template.chars().filter(c -> c == '{').count();
        for (int i = 0; i < variables; i++) {
            List<String> next = new ArrayList<>();
            for (String p : paths) {
                int start = p.indexOf('{');
                int end = p.indexOf('}', start);
                for (String id : IDS) {
                    next.add(p.substring(0, start) + id + p.substring(end + 1));
                }
            }
            paths = next.size() > 400 ? next.subList(0, 400) : next;
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asString())
                    || !parameter.path("required").asBoolean(false)) {
                continue;
            }
            String name = parameter.path("name").asString();
            String value = switch (name) {
                case "at", "since", "from" ->
                    Instant.now()
                            .minus(30, ChronoUnit.DAYS)
                            .truncatedTo(ChronoUnit.SECONDS)
                            .toString();
                case "forum", "forumId" -> platform.forumId;
                default -> "1";
            };
            query.append(query.isEmpty() ? "?" : "&")
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return paths.stream().map(p -> p + query).toList();
    }

    // ---- the fixture's plumbing

    private static void forbid(String value, String what) {
        FORBIDDEN.put(value, what);
        try {
            UUID.fromString(value);
            IDS.add(value);
        } catch (IllegalArgumentException e) {
            // a title or a name, not an id
        }
    }

    private static String token(String username) {
        return platform.token(username);
    }

    private static JsonNode post(PlatformService service, String path, String token, String body) {
        return platform.api.expect(201, "POST", service, path, token, body, Map.of());
    }

    private static void move(String token, String action, String status) {
        platform.api.expect(
                200,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions/" + action + "/status",
                token,
                Map.of("status", status),
                Map.of());
    }

    private static void awaitFlagAbout(String forum, String record) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            Response flags = platform.api.call(
                    "GET",
                    PlatformService.FORUM,
                    "/forums/" + forum + "/flags?size=200",
                    token("kcca-coordinator"),
                    null,
                    Map.of());
            if (flags.status() == 200 && flags.body().contains(record)) {
                return;
            }
            Thread.sleep(3_000);
        }
        throw new AssertionError("the forum's coherence checks never flagged " + record);
    }

    /** Reads the forum's live stream as the enforcement unit until interrupted. */
    private static void listen(String forum, String token) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(platform.settings().baseUrl(PlatformService.FORUM) + "/forums/" + forum + "/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            HttpResponse<Stream<String>> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
            response.body().forEach(STREAMED::add);
        } catch (IOException e) {
            STREAMED.add("(stream ended: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Path> mailsTo(String username) throws IOException {
        Path mail = platform.settings().dataDir().resolve("mail");
        if (!Files.isDirectory(mail)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(mail)) {
            return files.filter(f -> {
                        try {
                            return Files.readString(f).contains(username + "@demo.arrival.example");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .toList();
        }
    }

    @AfterAll
    static void closeReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }
}
