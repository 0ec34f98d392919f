package org.arrival.assessments;

import java.util.List;
import java.util.UUID;
import org.arrival.assessments.spreadsheets.domain.NeedSheet;
import org.arrival.contracts.EventJson;
import org.arrival.platform.spreadsheets.SpreadsheetWriter;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.testing.TestTokenIssuer;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A small Kampala forum and records of every kind, made through the service's own API, for the checks generated from
 * the API description (the refusal matrix, generated bad input): a city convening rounds and owning needs and
 * estimates; an NGO and a refugee-led association (hidden from enforcement bodies) answering; a UN agency in the
 * forum; the police in the forum (an enforcement body); an NGO outside it.
 */
public final class ApiFixture {

    public final UUID forum = UUID.randomUUID();
    public final UUID city;
    public final UUID ngo;
    public final UUID association;
    public final UUID unhcr;
    public final UUID police;
    public final UUID outsider;

    public final Token cityEditor;
    public final Token cityMember;
    public final Token ngoEditor;
    public final Token ngoMember;
    public final Token associationEditor;
    public final Token unhcrEditor;
    public final Token unhcrMember;
    public final Token policeEditor;
    public final Token policeMember;
    public final Token outsiderEditor;

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;

    public ApiFixture(MockMvc mvc, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        String t = UUID.randomUUID().toString().substring(0, 8);
        city = organisation("Kampala Capital City Authority " + t, "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project " + t, "NGO", false, false);
        association = organisation("Kisenyi Somali Community Association " + t, "MIGRANT_ASSOCIATION", false, true);
        unhcr = organisation("UNHCR Kampala " + t, "INTERNATIONAL_ORGANISATION", false, false);
        police = organisation("Uganda Police Force " + t, "NATIONAL_GOVERNMENT_BODY", true, false);
        outsider = organisation("Gulu NGO Forum " + t, "NGO", false, false);
        for (UUID member : new UUID[] {city, ngo, association, unhcr, police}) {
            jdbc.update(
                    "INSERT INTO forum_membership (membership_id, version, forum_id, stakeholder_id, active) VALUES (?, 1, ?, ?, true)",
                    UUID.randomUUID(),
                    forum,
                    member);
        }
        cityEditor = token("kcca-planner", city, "org-editor", "member");
        cityMember = token("kcca-reader", city, "member");
        ngoEditor = token("rlp-researcher", ngo, "org-editor", "member");
        ngoMember = token("rlp-reader", ngo, "member");
        associationEditor = token("kisenyi-chair", association, "org-admin", "member");
        unhcrEditor = token("unhcr-officer", unhcr, "org-editor", "member");
        unhcrMember = token("unhcr-reader", unhcr, "member");
        policeEditor = token("police-planner", police, "org-editor", "member");
        policeMember = token("police-officer", police, "member");
        outsiderEditor = token("gulu-editor", outsider, "org-admin", "org-editor", "member");
    }

    private UUID organisation(String name, String type, boolean enforcementBody, boolean hidden) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO organisation (id, version, name, type, enforcement_body, hidden, status) VALUES (?, 1, ?, ?, ?, ?, 'ACTIVE')",
                id,
                name,
                type,
                enforcementBody,
                hidden);
        return id;
    }

    private static Token token(String name, UUID org, String... roles) {
        return TestTokenIssuer.instance().user(name + "-" + org.toString().substring(0, 8), org, roles);
    }

    // ---- bodies

    public String roundJson() {
        return """
                {"title":"Kampala readiness self-assessment","jurisdiction":{"country":"UG","subdivision":"UG-C",
                 "areaCode":"UG102","areaName":"Kampala"},"convenorId":"%s","respondentIds":["%s","%s"],
                 "closesOn":"2026-12-31","sharedWithForums":["%s"]}""".formatted(city, ngo, association, forum);
    }

    public static String answersJson() {
        return """
                {"answers":[{"question":"1.1.a","answer":"Y","evidence":"the 2024 census covers Kampala"},
                            {"question":"1.1.b","answer":"S"}]}""";
    }

    public String estimateJson(String classification) {
        return """
                {"seriesId":"kla-refugees","area":{"country":"UG","subdivision":"UG-C","areaCode":"UG102","areaName":"Kampala"},
                 "group":"REFUGEES","registered":101200,"estimated":305000,
                 "breakdown":[{"dimension":"SEX","category":"FEMALE","count":157000},{"dimension":"SEX","category":"MALE","count":148000}],
                 "source":"UBOS urban refugee estimate 2026","method":"household listing in 15 sample parishes",
                 "asOf":"2026-03-31","classification":"%s","sharedWithForums":["%s"]}""".formatted(classification, forum);
    }

    public String needJson(String classification) {
        return """
                {"statement":"Refugee children in Kisenyi are not enrolled because schools ask for documents",
                 "sector":"EDUCATION","populationGroups":["REFUGEES"],"area":{"country":"UG","subdivision":"UG-C",
                 "areaName":"Kampala"},"severity":"HIGH","barriers":["DOCUMENTATION"],
                 "evidenceReferences":["KCCA education survey 2025"],"classification":"%s","sharedWithForums":["%s"]}""".formatted(classification, forum);
    }

    public String inputJson(UUID need) {
        return """
                {"subjectType":"NEED","subjectId":"%s","kind":"COMMUNITY_CONSULTATION",
                 "summary":"Parents said schools turn children away without papers","provenance":"two focus groups",
                 "collectedOn":"2026-04-12","participants":12,"classification":"FORUM","sharedWithForums":["%s"]}""".formatted(need, forum);
    }

    /** A CSV spreadsheet of needs with the export's headings and keys and no row: a valid upload that changes nothing. */
    public static byte[] emptyNeedSheet() {
        return SpreadsheetWriter.csv(new Table(NeedSheet.headings(null), NeedSheet.KEYS, List.of()));
    }

    public ApiCall needSheetUpload() {
        return ApiCall.upload(
                "/forums/" + forum + "/spreadsheet-imports?records=needs", "file", "needs.csv", emptyNeedSheet());
    }

    // ---- records

    /** A previewed spreadsheet import of the city's editor, as its path. */
    public String spreadsheetImport() {
        return "/spreadsheet-imports/" + created(needSheetUpload(), cityEditor);
    }

    public UUID draftRound() {
        return created(ApiCall.post("/rounds", roundJson()), cityEditor);
    }

    public UUID openRound() {
        UUID round = draftRound();
        ok(ApiCall.post("/rounds/" + round + "/open", null), cityEditor);
        return round;
    }

    public UUID closedRound() {
        UUID round = openRound();
        ok(ApiCall.put("/rounds/" + round + "/responses/" + ngo, answersJson()), ngoEditor);
        ok(ApiCall.put("/rounds/" + round + "/responses/" + association, answersJson()), associationEditor);
        ok(ApiCall.post("/rounds/" + round + "/close", null), cityEditor);
        return round;
    }

    public UUID publishedRound() {
        UUID round = closedRound();
        ok(ApiCall.post("/rounds/" + round + "/publish", null), cityEditor);
        return round;
    }

    public UUID estimate(String classification) {
        return created(ApiCall.post("/population", estimateJson(classification)), cityEditor);
    }

    public UUID need(String classification) {
        return created(ApiCall.post("/needs", needJson(classification)), cityEditor);
    }

    /** An input of the hidden association about a need of the city. */
    public UUID hiddenInput(UUID need) {
        return created(ApiCall.post("/inputs", inputJson(need)), associationEditor);
    }

    private UUID created(ApiCall call, Token token) {
        MockHttpServletResponse response = call.perform(mvc, token.bearer());
        String body = content(response);
        if (response.getStatus() != 201) {
            throw new IllegalStateException(call + " answered " + response.getStatus() + ": " + body);
        }
        return UUID.fromString(EventJson.mapper().readTree(body).path("id").asString());
    }

    private void ok(ApiCall call, Token token) {
        MockHttpServletResponse response = call.perform(mvc, token.bearer());
        if (response.getStatus() != 200) {
            throw new IllegalStateException(call + " answered " + response.getStatus() + ": " + content(response));
        }
    }

    private static String content(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
