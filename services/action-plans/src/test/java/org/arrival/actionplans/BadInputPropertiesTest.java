package org.arrival.actionplans;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.ApiDescription;
import org.arrival.platform.testing.api.BadInput;
import org.arrival.platform.testing.api.BadInputCheck;
import org.springframework.test.context.TestContextManager;

/**
 * Generated hostile variants of every write and list request of the action-plans service (and of its other reads,
 * whose path variables and query parameters are just as exposed), each sent by a caller who may make the valid
 * request: never a 5xx, every refusal as problem+json, and a refused request changes nothing in the database (rows,
 * history, outbox). Left out of the comparison are the tables written in the background: the registry replica, the
 * needs and gaps learnt from the assessments service, and the reminders the freshness check writes.
 */
class BadInputPropertiesTest extends ActionPlansIntegrationTest {

    private static List<BadInput.Template> templates;

    private BadInputCheck check;

    @BeforeProperty
    void context() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        check = new BadInputCheck(mvc, jdbc, PersonalDataTest.BACKGROUND);
        if (templates == null) {
            templates = templates();
            check.requireTemplates(
                    ApiDescription.of(mvc),
                    templates,
                    Map.of(
                            "POST /forums/{forumId}/spreadsheet-imports",
                            "a file upload, not a JSON body: hostile files (too large, too many rows, zip and XML"
                                    + " bombs, macros, legacy workbooks, unknown columns) are sent by SpreadsheetApiTest"
                                    + " and SpreadsheetReaderTest"));
        }
    }

    /** No edge-case mixing: it would favour the first operation; the variants carry their own hostile edges. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void hostileRequestsAreRefusedCleanlyAndChangeNothing(@ForAll("requests") BadInput.Variant variant) {
        int status = check.send(variant.call(), variant.caller().bearer());
        Statistics.label("status").collect(status / 100 + "xx");
        Statistics.label("operation").collect(variant.operation());
    }

    @Provide
    Arbitrary<BadInput.Variant> requests() {
        return BadInput.variants(ApiDescription.of(mvc), templates);
    }

    private List<BadInput.Template> templates() {
        UUID forum = UUID.randomUUID();
        UUID city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        UUID ngo = organisation("Refugee Law Project", "NGO", false, false);
        UUID donor = organisation("Lakeside Development Fund", "DONOR", false, false);
        for (UUID o : List.of(city, ngo, donor)) {
            seat(forum, o);
        }
        List<UUID> forums = List.of(forum);
        Token editor = user("kcca-editor-bad-input", city, "member", "org-editor");
        Token ngoEditor = user("rlp-editor-bad-input", ngo, "member", "org-editor");
        ApiFixture fixture = new ApiFixture(mvc);
        UUID plan = fixture.plan(editor, "FORUM", forums);
        UUID commitment = fixture.action(
                editor,
                "FORUM",
                forums,
                "\"requiresLocalImplementation\":true," + "\"expectedImplementers\":[\"" + city + "\",\"" + ngo
                        + "\"]");
        UUID proposed = fixture.action(editor, "FORUM", forums, null);
        UUID action = fixture.actionUnderWay(editor, "FORUM", forums, null);
        UUID milestone = fixture.milestone(editor, action);
        UUID report = fixture.report(editor, action, "2025-01-01", "2025-03-31");
        UUID line = fixture.funding(editor, action, donor);
        UUID comment = fixture.contribution(ngoEditor, action);
        String a = "/actions/" + action;
        String m = a + "/milestones/" + milestone;
        String imported = "/spreadsheet-imports/"
                + fixture.created(
                        ApiCall.upload(
                                "/forums/" + forum + "/spreadsheet-imports",
                                "file",
                                "actions.csv",
                                SpreadsheetApiFiles.emptySheet()),
                        editor);
        String milestonesImported = "/spreadsheet-imports/"
                + fixture.created(
                        ApiCall.upload(
                                "/forums/" + forum + "/spreadsheet-imports?records=milestones",
                                "file",
                                "milestones.csv",
                                SpreadsheetApiFiles.emptySheet(RecordKind.MILESTONES)),
                        editor);
        String linked = "\"planId\":\"" + plan + "\",\"implementsActionId\":\"" + commitment + "\",\"weight\":3,"
                + "\"participants\":[{\"organisationId\":\"" + ngo + "\",\"role\":\"IMPLEMENTING\"}]";
        return List.of(
                new BadInput.Template(
                        "POST /plans",
                        ApiCall.post("/plans", ApiFixture.planJson("Katwe plan", "FORUM", forums)),
                        editor),
                new BadInput.Template(
                        "GET /plans",
                        ApiCall.get("/plans?owner=" + city
                                + "&type=MUNICIPAL_ACTION_PLAN&country=UG&subdivision=UG-C&status=DRAFT&forum=" + forum
                                + "&page=0&size=5&sort=-createdAt"),
                        editor),
                new BadInput.Template("GET /plans/{id}", ApiCall.get("/plans/" + plan), editor),
                new BadInput.Template(
                        "PUT /plans/{id}",
                        ApiCall.put("/plans/" + plan, ApiFixture.planJson("Kisenyi plan, revised", "FORUM", forums))
                                .ifMatch("\"1\""),
                        editor),
                new BadInput.Template(
                        "POST /plans/{id}/status",
                        ApiCall.post(
                                        "/plans/" + plan + "/status",
                                        "{\"status\":\"CLOSED\",\"reason\":\"merged into the city plan\"}")
                                .ifMatch("\"1\""),
                        editor),
                new BadInput.Template("GET /plans/{id}/history", ApiCall.get("/plans/" + plan + "/history"), editor),
                new BadInput.Template(
                        "POST /actions",
                        ApiCall.post(
                                "/actions", ApiFixture.actionJson("Kisenyi school places", "FORUM", forums, linked)),
                        editor),
                new BadInput.Template(
                        "GET /actions",
                        ApiCall.get("/actions?owner=" + city + "&plan=" + plan + "&forum=" + forum
                                + "&sector=EDUCATION&area=UG-C&status=IN_PROGRESS&frameworkItem=SDG-4.1&targetGroup=REFUGEES"
                                + "&need=" + UUID.randomUUID() + "&gap=" + UUID.randomUUID() + "&overdue=false"
                                + "&implementsActionId=" + commitment
                                + "&requiresLocalImplementation=true&page=0&size=5&sort=title"),
                        editor),
                new BadInput.Template("GET /actions/{id}", ApiCall.get("/actions/" + action), editor),
                new BadInput.Template(
                        "PUT /actions/{id}",
                        ApiCall.put(
                                        "/actions/" + proposed,
                                        ApiFixture.actionJson("Kisenyi school places", "FORUM", forums, linked))
                                .ifMatch("\"1\""),
                        editor),
                new BadInput.Template(
                        "POST /actions/{id}/status",
                        ApiCall.post(
                                        "/actions/" + proposed + "/status",
                                        "{\"status\":\"CANCELLED\",\"reason\":\"merged into another action\"}")
                                .ifMatch("\"1\""),
                        editor),
                new BadInput.Template(
                        "GET /actions/{id}/cascade", ApiCall.get("/actions/" + commitment + "/cascade"), editor),
                new BadInput.Template("GET /actions/{id}/history", ApiCall.get(a + "/history"), editor),
                new BadInput.Template(
                        "POST /actions/{actionId}/milestones",
                        ApiCall.post(a + "/milestones", "{\"title\":\"Second shift starts\",\"dueOn\":\"2026-09-01\"}"),
                        editor),
                new BadInput.Template(
                        "GET /actions/{actionId}/milestones",
                        ApiCall.get(a + "/milestones?status=PLANNED" + "&page=0&size=5&sort=dueOn"),
                        editor),
                new BadInput.Template("GET /actions/{actionId}/milestones/{milestoneId}", ApiCall.get(m), editor),
                new BadInput.Template(
                        "PUT /actions/{actionId}/milestones/{milestoneId}",
                        ApiCall.put(m, "{\"title\":\"Fee waivers agreed\",\"dueOn\":\"2026-07-31\"}")
                                .ifMatch("\"1\""),
                        editor),
                new BadInput.Template(
                        "POST /actions/{actionId}/milestones/{milestoneId}/reach",
                        ApiCall.post(m + "/reach", "{\"reachedOn\":\"2026-06-20\"}")
                                .ifMatch("\"1\""),
                        editor),
                new BadInput.Template(
                        "POST /actions/{actionId}/milestones/{milestoneId}/miss",
                        ApiCall.post(m + "/miss", null).ifMatch("\"1\""),
                        editor),
                new BadInput.Template(
                        "POST /actions/{actionId}/milestones/{milestoneId}/cancel",
                        ApiCall.post(m + "/cancel", null).ifMatch("\"1\""),
                        editor),
                new BadInput.Template(
                        "POST /actions/{actionId}/reports",
                        ApiCall.post(a + "/reports", ApiFixture.reportJson("2025-04-01", "2025-06-30")),
                        editor),
                new BadInput.Template(
                        "GET /actions/{actionId}/reports",
                        ApiCall.get(a + "/reports?page=0&size=5" + "&sort=-periodEnd"),
                        editor),
                new BadInput.Template(
                        "GET /actions/{actionId}/reports/{reportId}", ApiCall.get(a + "/reports/" + report), editor),
                new BadInput.Template(
                        "POST /actions/{actionId}/funding",
                        ApiCall.post(
                                a + "/funding",
                                ApiFixture.fundingJson(donor, "Lakeside inclusive cities window", 120000000)),
                        editor),
                new BadInput.Template("GET /actions/{actionId}/funding", ApiCall.get(a + "/funding"), editor),
                new BadInput.Template(
                        "GET /actions/{actionId}/funding/{fundingId}", ApiCall.get(a + "/funding/" + line), editor),
                new BadInput.Template(
                        "PUT /actions/{actionId}/funding/{fundingId}",
                        ApiCall.put(
                                        a + "/funding/" + line,
                                        ApiFixture.fundingJson(donor, "Lakeside inclusive cities window", 150000000))
                                .ifMatch("\"1\""),
                        editor),
                new BadInput.Template(
                        "POST /actions/{actionId}/contributions",
                        ApiCall.post(
                                a + "/contributions",
                                "{\"kind\":\"OBJECTION\",\"text\":\"Fees are only part of it: documents are the barrier\"}"),
                        ngoEditor),
                new BadInput.Template(
                        "GET /actions/{actionId}/contributions",
                        ApiCall.get(a + "/contributions?kind=COMMENT" + "&page=0&size=5&sort=-createdAt"),
                        ngoEditor),
                new BadInput.Template(
                        "GET /actions/{actionId}/contributions/{contributionId}",
                        ApiCall.get(a + "/contributions/" + comment),
                        ngoEditor),
                new BadInput.Template(
                        "GET /actions/{actionId}/reporting", ApiCall.get(a + "/reporting?asOf=2026-05-01"), editor),
                new BadInput.Template(
                        "POST /spreadsheet-imports/{id}/confirmation",
                        ApiCall.post(imported + "/confirmation", null).ifMatch("\"1\""),
                        editor),
                new BadInput.Template("DELETE /spreadsheet-imports/{id}", ApiCall.delete(imported), editor),
                new BadInput.Template("GET /spreadsheet-imports/{id}", ApiCall.get(imported), editor),
                new BadInput.Template(
                        "GET /spreadsheet-imports/{id}/report", ApiCall.get(imported + "/report"), editor),
                new BadInput.Template(
                        "GET /forums/{forumId}/spreadsheet",
                        ApiCall.get("/forums/" + forum + "/spreadsheet?format=csv"),
                        editor),
                new BadInput.Template(
                        "GET /forums/{forumId}/spreadsheet",
                        ApiCall.get("/forums/" + forum + "/spreadsheet?format=xlsx&records=milestones"),
                        editor),
                new BadInput.Template(
                        "GET /forums/{forumId}/spreadsheet",
                        ApiCall.get("/forums/" + forum + "/spreadsheet?format=csv&records=funding-lines"),
                        editor),
                new BadInput.Template("GET /spreadsheet-imports/{id}", ApiCall.get(milestonesImported), editor),
                new BadInput.Template("GET /frameworks", ApiCall.get("/frameworks?framework=GCM"), editor),
                new BadInput.Template("GET /frameworks/{code}", ApiCall.get("/frameworks/SDG-4.1"), editor));
    }
}
