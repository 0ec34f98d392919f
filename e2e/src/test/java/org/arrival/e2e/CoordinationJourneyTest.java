package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformClient.Response;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * One round of coordination through the real stack: the city reports progress on a shared action, the NGO comments
 * on it, the refugee-led association contributes to a need; the forum view shows all three, the right members are
 * told, and the enforcement body sees none of the restricted records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(PlatformExtension.class)
class CoordinationJourneyTest {

    private static RunningPlatform platform;
    private static Instant before;
    private static String actionId;
    private static String needId;
    private static String restrictedNeedId;
    private static String commentId;
    private static String inputId;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.get();
        before = Instant.now();
    }

    @Test
    @Order(1)
    void theCityPublishesAProgressReportOnAnActionSharedWithTheForum() {
        String city = platform.token("kcca-coordinator");
        JsonNode action = platform.api.expect(
                201, "POST", PlatformService.ACTION_PLANS, "/actions", city, """
                {"title":"Mobile birth and school registration desk in Kisenyi",
                 "description":"City staff register children's births and school places at the Kisenyi market every week",
                 "kind":"SERVICE","sectors":["EDUCATION","LEGAL_STATUS"],
                 "targetGroups":["REFUGEES","URBAN_DISPLACED","HOST_COMMUNITY"],
                 "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"}],
                 "startDate":"2026-03-01","endDate":"2027-02-28","reportingCadence":"QUARTERLY",
                 "frameworkItems":["SDG-16.9","UNH-R9.1"],
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(platform.forumId), Map.of());
        actionId = action.get("id").asString();
        for (String status : List.of("COMMITTED", "IN_PROGRESS")) {
            platform.api.expect(
                    200,
                    "POST",
                    PlatformService.ACTION_PLANS,
                    "/actions/" + actionId + "/status",
                    city,
                    Map.of("status", status),
                    Map.of());
        }
        JsonNode report = platform.api.expect(
                201, "POST", PlatformService.ACTION_PLANS, "/actions/" + actionId + "/reports", city, """
                {"periodStart":"2026-06-01","periodEnd":"2026-08-31","percentComplete":40,"rag":"GREEN",
                 "narrative":"The desk opened in June; 310 children registered, most of them refugees without papers",
                 "indicators":[{"name":"Children registered","unit":"children","baseline":0,"target":800,"actual":310}]}""", Map.of());
        assertThat(report.get("percentComplete").asInt()).isEqualTo(40);

        // another organisation may not report on the city's action
        Response refused = platform.api.call(
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions/" + actionId + "/reports",
                platform.token("ngo-editor"),
                """
                {"periodStart":"2026-09-01","periodEnd":"2026-09-30","percentComplete":90,"rag":"GREEN"}""",
                Map.of());
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void theNgoCommentsOnTheCitysAction() {
        JsonNode comment = platform.api.expect(
                201,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions/" + actionId + "/contributions",
                platform.token("ngo-editor"),
                """
                {"kind":"COMMENT","text":"Our outreach workers can bring families from Katwe on Thursdays; shall we align?"}""",
                Map.of());
        assertThat(comment.get("kind").asString()).isEqualTo("COMMENT");
        commentId = comment.get("id").asString();
    }

    @Test
    @Order(3)
    void theRefugeeLedAssociationContributesAnInputToTheCitysNeed() {
        String city = platform.token("kcca-coordinator");
        needId = platform.api
                .expect(
                        201,
                        "POST",
                        PlatformService.ASSESSMENTS,
                        "/needs",
                        city,
                        """
                {"statement":"Refugee children in Kisenyi cannot enrol because schools ask for birth certificates",
                 "sector":"EDUCATION","populationGroups":["REFUGEES","URBAN_DISPLACED"],
                 "area":{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"},"severity":"HIGH",
                 "barriers":["DOCUMENTATION"],"evidenceReferences":["City education office survey, 2026"],
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(platform.forumId),
                        Map.of())
                .get("id")
                .asString();
        // the association contributes once the need is out, as a person would after seeing it (notifications route
        // an input to the owner of a need they have heard of; an input that overtakes its need reaches only the forum)
        String reader = platform.token("ngo-editor");
        await(
                "the need is out in the forum view",
                () -> platform.api
                                .call(
                                        "GET",
                                        PlatformService.FORUM,
                                        "/forums/" + platform.forumId + "/needs-coverage",
                                        reader,
                                        null,
                                        Map.of())
                                .body()
                                .contains(needId)
                        ? true
                        : null);
        JsonNode input = platform.api.expect(
                201,
                "POST",
                PlatformService.ASSESSMENTS,
                "/inputs",
                platform.token("rlo-editor"),
                """
                {"subjectType":"NEED","subjectId":"%s","kind":"COMMUNITY_CONSULTATION",
                 "summary":"Parents told us schools turn children away without a birth certificate; the desk helps",
                 "provenance":"Two listening sessions held by the association's volunteers in Kisenyi",
                 "collectedOn":"2026-10-03","participants":34,"classification":"FORUM",
                 "sharedWithForums":["%s"]}""".formatted(needId, platform.forumId),
                Map.of());
        assertThat(input.get("subjectId").asString()).isEqualTo(needId);
        inputId = input.get("id").asString();
        // a restricted need of the association: protection concerns it shares only with the forum's members
        restrictedNeedId = platform.api
                .expect(
                        201,
                        "POST",
                        PlatformService.ASSESSMENTS,
                        "/needs",
                        platform.token("rlo-editor"),
                        """
                {"statement":"Members without papers avoid clinics after reports of identity checks nearby",
                 "sector":"HEALTH","populationGroups":["UNDOCUMENTED_MIGRANTS","REFUGEES"],
                 "area":{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"},"severity":"CRITICAL",
                 "barriers":["TRUST","LEGAL_STATUS"],"classification":"RESTRICTED","sharedWithForums":["%s"]}""".formatted(platform.forumId),
                        Map.of())
                .get("id")
                .asString();
    }

    @Test
    @Order(4)
    void theForumViewShowsTheReportTheCommentAndTheInput() {
        String member = platform.token("donor-viewer");
        JsonNode row = await("the tracker shows the report", () -> {
            JsonNode items = platform.api
                    .expect(
                            200,
                            "GET",
                            PlatformService.FORUM,
                            "/forums/" + platform.forumId + "/tracker?size=200",
                            member,
                            null,
                            Map.of())
                    .get("items");
            for (JsonNode item : items) {
                if (item.get("actionId").asString().equals(actionId)
                        && item.get("percentComplete").isNumber()) {
                    return item;
                }
            }
            return null;
        });
        assertThat(row.get("percentComplete").asInt()).isEqualTo(40);
        assertThat(row.get("rag").asString()).isEqualTo("GREEN");
        assertThat(row.get("ownerId").asString()).isEqualTo(DemoForum.KCCA);

        List<String> changes = await("the forum's history shows the comment and the input", () -> {
            JsonNode asOf = platform.api.expect(
                    200,
                    "GET",
                    PlatformService.FORUM,
                    "/forums/" + platform.forumId + "/as-of?at=" + before,
                    member,
                    null,
                    Map.of());
            List<String> types = new ArrayList<>();
            asOf.get("changesSince").forEach(c -> types.add(c.get("type").asString()));
            return types.stream().anyMatch(t -> t.endsWith(".ContributionMade.v1"))
                            && types.stream().anyMatch(t -> t.endsWith(".InputContributed.v1"))
                    ? types
                    : null;
        });
        assertThat(changes).anyMatch(t -> t.endsWith(".ProgressReported.v1"));

        JsonNode cell = await("needs coverage counts the association's input", () -> {
            for (JsonNode c : platform.api.expect(
                    200,
                    "GET",
                    PlatformService.FORUM,
                    "/forums/" + platform.forumId + "/needs-coverage",
                    member,
                    null,
                    Map.of())) {
                if (c.path("inputsPerNeed").has(needId)) {
                    return c;
                }
            }
            return null;
        });
        assertThat(cell.get("inputsPerNeed").get(needId).asInt()).isEqualTo(1);
        assertThat(cell.get("sector").asString()).isEqualTo("EDUCATION");
    }

    @Test
    @Order(5)
    void theRightMembersAreNotified() {
        String comment = "ContributionMade " + commentId;
        String input = "InputContributed " + inputId;
        String proposed = "ActionProposed " + actionId;
        // the city owns the action and the need: it hears of the comment and of the input (it also follows the
        // whole forum through the demo's organisation-wide digest, so its own action is in its inbox too)
        await("the city is told of the comment and the input", () -> {
            List<String> told = inbox("kcca-coordinator");
            return told.contains(comment) && told.contains(input) ? told : null;
        });
        // forum members hear of the new action by default, but not of a comment on someone else's action
        List<String> ngo = await(
                "the NGO is told of the city's new action",
                () -> inbox("ngo-editor").contains(proposed) ? inbox("ngo-editor") : null);
        assertThat(ngo).doesNotContain(input).doesNotContain(comment);
        assertThat(inbox("donor-viewer"))
                .contains(proposed)
                .doesNotContain(comment)
                .doesNotContain(input);
    }

    @Test
    @Order(6)
    void theEnforcementBodyIsRefusedRestrictedRecords() {
        String enforcement = platform.token("dcic-officer");
        String member = platform.token("ngo-editor");
        await(
                "the restricted need reached the forum view",
                () -> platform.api
                                .call(
                                        "GET",
                                        PlatformService.FORUM,
                                        "/forums/" + platform.forumId + "/needs-coverage",
                                        member,
                                        null,
                                        Map.of())
                                .body()
                                .contains(restrictedNeedId)
                        ? true
                        : null);
        // the record itself: a forum member reads it, the enforcement body is told it does not exist
        assertThat(platform.api
                        .call("GET", PlatformService.ASSESSMENTS, "/needs/" + restrictedNeedId, member, null, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(platform.api
                        .call(
                                "GET",
                                PlatformService.ASSESSMENTS,
                                "/needs/" + restrictedNeedId,
                                enforcement,
                                null,
                                Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(platform.api
                        .call("GET", PlatformService.ASSESSMENTS, "/needs?size=200", enforcement, null, Map.of())
                        .body())
                .doesNotContain(restrictedNeedId)
                .contains(needId);
        // the association hidden from enforcement bodies does not exist for them
        assertThat(platform.api
                        .call(
                                "GET",
                                PlatformService.REGISTRY,
                                "/stakeholders/" + DemoForum.RLO,
                                enforcement,
                                null,
                                Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(platform.api
                        .call("GET", PlatformService.REGISTRY, "/stakeholders/" + DemoForum.RLO, member, null, Map.of())
                        .status())
                .isEqualTo(200);
        // in the forum view, the restricted need is not counted for them
        String coverage = platform.api
                .expect(
                        200,
                        "GET",
                        PlatformService.FORUM,
                        "/forums/" + platform.forumId + "/needs-coverage",
                        enforcement,
                        null,
                        Map.of())
                .toString();
        assertThat(coverage).doesNotContain(restrictedNeedId).contains(needId);
        assertThat(inbox("dcic-officer")).noneMatch(n -> n.endsWith(restrictedNeedId) || n.endsWith(inputId));
    }

    /** The user's notifications as "EventName subjectId". */
    /** Every item of the user's inbox, page by page (new flags reach the forum's convenor too). */
    private static List<String> inbox(String username) {
        List<String> told = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            JsonNode items = platform.api
                    .expect(
                            200,
                            "GET",
                            PlatformService.NOTIFICATIONS,
                            "/inbox?size=100&page=" + page,
                            platform.token(username),
                            null,
                            Map.of())
                    .get("items");
            for (JsonNode item : items) {
                String type = item.get("eventType").asString().replaceAll("^.*\\.([A-Za-z]+)\\.v\\d+$", "$1");
                told.add(type + " " + item.get("subjectId").asString());
            }
            if (items.size() < 100) {
                break;
            }
        }
        return told;
    }

    /** Polls until {@code probe} gives a value: the views and inboxes follow the topics a moment later. */
    private static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
