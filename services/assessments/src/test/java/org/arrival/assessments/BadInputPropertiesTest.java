package org.arrival.assessments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.arrival.platform.testing.ServiceIntegrationTest;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.ApiDescription;
import org.arrival.platform.testing.api.BadInput;
import org.arrival.platform.testing.api.BadInputCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Generated bad input for every write and list operation of the service (issue 13, "generated bad input"): hostile
 * variants of a valid request (wrong types, control characters, lone surrogates, huge strings, deep nesting, numbers
 * for enums and dates, extreme dates and counts, bad paths, queries and If-Match values), each sent by the caller who
 * may make the valid request. Never a 5xx; every refusal is problem+json and changes nothing in the database.
 */
@ServiceIntegrationTest
class BadInputPropertiesTest {

    /** Written by the registry replica's consumers in the background, not by requests. */
    private static final Set<String> BACKGROUND = Set.of("organisation", "forum_membership");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private BadInputCheck check;
    private final List<BadInput.Template> templates = new ArrayList<>();

    @BeforeProperty
    void prepare() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        check = new BadInputCheck(mvc, jdbc, BACKGROUND);
        ApiDescription api = ApiDescription.of(mvc);
        ApiFixture f = new ApiFixture(mvc, jdbc);
        UUID need = f.need("FORUM");

        // ---- writes
        around(api, "POST /rounds", ApiCall.post("/rounds", f.roundJson()), f.cityEditor);
        around(
                api,
                "PUT /rounds/{id}",
                ApiCall.put("/rounds/" + f.draftRound(), f.roundJson()).ifMatch("\"1\""),
                f.cityEditor);
        around(
                api,
                "POST /rounds/{id}/open",
                ApiCall.post("/rounds/" + f.draftRound() + "/open", null).ifMatch("\"1\""),
                f.cityEditor);
        around(
                api,
                "POST /rounds/{id}/close",
                ApiCall.post("/rounds/" + f.openRound() + "/close", "{\"reason\":\"closing date reached\"}"),
                f.cityEditor);
        around(
                api,
                "POST /rounds/{id}/publish",
                ApiCall.post("/rounds/" + f.closedRound() + "/publish", null),
                f.cityEditor);
        around(
                api,
                "PUT /rounds/{id}/responses/{respondentId}",
                ApiCall.put("/rounds/" + f.openRound() + "/responses/" + f.ngo, ApiFixture.answersJson()),
                f.ngoEditor);
        around(api, "POST /population", ApiCall.post("/population", f.estimateJson("FORUM")), f.cityEditor);
        around(
                api,
                "POST /population/preview",
                ApiCall.post("/population/preview", f.estimateJson("FORUM")),
                f.cityEditor);
        around(
                api,
                "PUT /population/{id}",
                ApiCall.put(
                                "/population/" + f.estimate("FORUM"),
                                f.estimateJson("FORUM").replace("305000", "310000"))
                        .ifMatch("\"1\""),
                f.cityEditor);
        around(api, "POST /needs", ApiCall.post("/needs", f.needJson("FORUM")), f.cityEditor);
        around(
                api,
                "PUT /needs/{id}",
                ApiCall.put("/needs/" + f.need("FORUM"), f.needJson("FORUM").replace("\"HIGH\"", "\"CRITICAL\""))
                        .ifMatch("\"1\""),
                f.cityEditor);
        around(
                api,
                "POST /needs/{id}/status",
                ApiCall.post(
                        "/needs/" + f.need("FORUM") + "/status",
                        "{\"status\":\"DEPRIORITISED\",\"reason\":\"covered by the national programme\"}"),
                f.cityEditor);
        around(
                api,
                "POST /needs/{id}/actions",
                ApiCall.post("/needs/" + f.need("FORUM") + "/actions", "{\"actionId\":\"" + UUID.randomUUID() + "\"}"),
                f.cityEditor);
        around(api, "POST /inputs", ApiCall.post("/inputs", f.inputJson(need)), f.ngoEditor);
        String imported = f.spreadsheetImport();
        around(
                api,
                "POST /spreadsheet-imports/{id}/confirmation",
                ApiCall.post(imported + "/confirmation", null).ifMatch("\"1\""),
                f.cityEditor);
        around(api, "DELETE /spreadsheet-imports/{id}", ApiCall.delete(f.spreadsheetImport()), f.cityEditor);
        around(api, "GET /spreadsheet-imports/{id}", ApiCall.get(imported), f.cityEditor);
        around(api, "GET /spreadsheet-imports/{id}/report", ApiCall.get(imported + "/report"), f.cityEditor);
        around(
                api,
                "GET /forums/{forumId}/spreadsheet",
                ApiCall.get("/forums/" + f.forum + "/spreadsheet?format=csv&records=needs"),
                f.cityEditor);

        // ---- lists
        around(
                api,
                "GET /rounds",
                ApiCall.get("/rounds?country=UG&subdivision=UG-C&status=OPEN&convenor=" + f.city
                        + "&page=0&size=20&sort=-updatedAt"),
                f.ngoMember);
        around(
                api,
                "GET /population",
                ApiCall.get("/population?country=UG&subdivision=UG-C&areaCode=UG102"
                        + "&group=REFUGEES&seriesId=kla-refugees&owner=" + f.city + "&page=0&size=20&sort=-asOf"),
                f.unhcrMember);
        around(
                api,
                "GET /population/series/{seriesId}",
                ApiCall.get("/population/series/kla-refugees?page=0&size=20"),
                f.unhcrMember);
        around(
                api,
                "GET /needs",
                ApiCall.get("/needs?sector=EDUCATION&group=REFUGEES&country=UG&subdivision=UG-C"
                        + "&area=Kisenyi&status=IDENTIFIED&severity=HIGH&barrier=DOCUMENTATION&owner=" + f.city
                        + "&page=0&size=20"
                        + "&sort=-severity"),
                f.unhcrMember);
        around(
                api,
                "GET /inputs",
                ApiCall.get("/inputs?subjectType=NEED&subjectId=" + need + "&contributor=" + f.ngo
                        + "&kind=COMMUNITY_CONSULTATION&page=0&size=20&sort=-createdAt"),
                f.unhcrMember);
        around(
                api,
                "GET /needs/{id}/inputs",
                ApiCall.get("/needs/" + need + "/inputs?page=0&size=20&sort=collectedOn"),
                f.unhcrMember);

        check.requireTemplates(
                api,
                templates,
                Map.of(
                        "POST /forums/{forumId}/spreadsheet-imports",
                        "a file upload, not a JSON body: bad files, kinds and cells are sent by SpreadsheetApiTest,"
                                + " hostile files by the spreadsheets module's SpreadsheetReaderTest"));
    }

    private void around(ApiDescription api, String key, ApiCall valid, Token token) {
        templates.add(new BadInput.Template(key, valid, token));
    }

    @Provide
    Arbitrary<BadInput.Variant> calls() {
        return BadInput.variants(ApiDescription.of(mvc), templates);
    }

    /** No edge-case mixing: it would favour the first operation; the variants carry their own hostile edges. */
    @Property(tries = 700, edgeCases = EdgeCasesMode.NONE)
    void badInputIsRefusedAsProblemJsonNeverWithA5xxAndChangesNothing(@ForAll("calls") BadInput.Variant sent) {
        int status = check.send(sent.call(), sent.caller().bearer());
        Statistics.label("status").collect(status / 100 + "xx");
        Statistics.label("operation").collect(sent.operation());
    }
}
