package org.arrival.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.RefusalMatrix;
import org.junit.jupiter.api.Test;

/**
 * Who is refused what, for every operation of the service's own OpenAPI description: no token and a forged token are
 * 401 everywhere; each caller named below is refused (403 where it may know the record exists, 404 where it may not);
 * the allowed caller then succeeds with the very same request. A new operation without a row fails this test.
 */
class RefusalMatrixTest extends AssessmentsIntegrationTest {

    @Test
    void everyOperationRefusesWhoItMustAndAllowsWhoItMay() {
        ApiFixture f = new ApiFixture(mvc, jdbc);
        UUID openRound = f.openRound();
        UUID restrictedNeed = f.need("RESTRICTED");
        UUID forumNeed = f.need("FORUM");
        UUID hiddenInput = f.hiddenInput(forumNeed);
        UUID restrictedEstimate = f.estimate("RESTRICTED");
        String published = "/rounds/compare?from=" + f.publishedRound() + "&to=" + f.publishedRound();

        RefusalMatrix matrix = RefusalMatrix.of(mvc);

        // ---- the checklist: reference data every member reads
        matrix.operation("GET /checklist")
                .call(() -> ApiCall.get("/checklist"))
                .openToEveryMember("the Guide's checklist is published reference data");
        matrix.operation("GET /checklist/versions/{version}")
                .call(() -> ApiCall.get("/checklist/versions/1"))
                .openToEveryMember("every version of the Guide's checklist is published reference data");

        // ---- rounds
        matrix.operation("POST /rounds")
                .call(() -> ApiCall.post("/rounds", f.roundJson()))
                .refuses("a respondent's editor", f.ngoEditor)
                .refuses("a member of the convenor without an editor role", f.cityMember)
                .refuses("an enforcement body's editor", f.policeEditor)
                .allows("the convenor's editor", f.cityEditor);
        matrix.operation("GET /rounds")
                .call(() -> ApiCall.get("/rounds?country=UG"))
                .openToEveryMember("a listing holds only the rounds the caller may read");
        matrix.operation("GET /rounds/compare")
                .call(() -> ApiCall.get(published))
                .refuses("an enforcement body, as the hidden association answered", f.policeMember, 404)
                .allows("an organisation outside the forum: published scores are public", f.outsiderEditor);
        matrix.operation("GET /rounds/{id}")
                .call(() -> ApiCall.get("/rounds/" + openRound))
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .refuses("an enforcement body in the forum, as the hidden association answers", f.policeMember, 404)
                .allows("a respondent's member", f.ngoMember);
        matrix.operation("PUT /rounds/{id}")
                .call(() -> ApiCall.put(
                                "/rounds/" + f.draftRound(),
                                f.roundJson().replace("Kampala readiness", "Kampala readiness 2026"))
                        .ifMatch("\"1\""))
                .refuses("a respondent's editor (a draft is the convenor's)", f.ngoEditor, 404)
                .refuses("a member of the convenor without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor", f.policeEditor, 404)
                .allows("the convenor's editor", f.cityEditor);
        matrix.operation("POST /rounds/{id}/open")
                .call(() -> ApiCall.post("/rounds/" + f.draftRound() + "/open", null))
                .refuses("a respondent's editor", f.ngoEditor, 404)
                .refuses("a member of the convenor without an editor role", f.cityMember, 403)
                .allows("the convenor's editor", f.cityEditor);
        matrix.operation("POST /rounds/{id}/close")
                .call(() -> ApiCall.post("/rounds/" + f.openRound() + "/close", null))
                .refuses("a respondent's editor", f.ngoEditor, 403)
                .refuses("a forum member's editor", f.unhcrEditor, 403)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("the convenor's editor", f.cityEditor);
        matrix.operation("POST /rounds/{id}/publish")
                .call(() -> ApiCall.post("/rounds/" + f.closedRound() + "/publish", null))
                .refuses("a respondent's editor", f.ngoEditor, 403)
                .refuses("an enforcement body in the forum", f.policeEditor, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("the convenor's editor", f.cityEditor);
        matrix.operation("PUT /rounds/{id}/responses/{respondentId}")
                .call(() -> ApiCall.put("/rounds/" + f.openRound() + "/responses/" + f.ngo, ApiFixture.answersJson()))
                .refuses("a member of the respondent without an editor role", f.ngoMember, 403)
                .refuses("the convenor's editor, for a respondent", f.cityEditor, 403)
                .refuses("another respondent's editor", f.associationEditor, 403)
                .refuses("an enforcement body in the forum", f.policeEditor, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("the respondent's editor", f.ngoEditor);
        matrix.operation("GET /rounds/{id}/responses/{respondentId}")
                .call(() -> ApiCall.get("/rounds/" + openRound + "/responses/" + f.ngo))
                .refuses("another respondent", f.associationEditor, 403)
                .refuses("a forum member", f.unhcrMember, 403)
                .refuses("an enforcement body in the forum", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a member of the respondent", f.ngoMember);
        matrix.operation("GET /rounds/{id}/scores")
                .call(() -> ApiCall.get("/rounds/" + openRound + "/scores"))
                .refuses("an enforcement body in the forum", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a forum member", f.unhcrMember);
        matrix.operation("GET /rounds/{id}/gaps")
                .call(() -> ApiCall.get("/rounds/" + openRound + "/gaps"))
                .refuses("an enforcement body in the forum", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a forum member", f.unhcrMember);
        matrix.operation("GET /rounds/{id}/history")
                .call(() -> ApiCall.get("/rounds/" + openRound + "/history"))
                .refuses("a respondent's editor", f.ngoEditor, 403)
                .refuses("a forum member", f.unhcrEditor, 403)
                .refuses("an enforcement body in the forum", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a member of the convenor", f.cityMember);

        // ---- population estimates (the city's RESTRICTED one is shared with the forum)
        matrix.operation("POST /population")
                .call(() -> ApiCall.post("/population", f.estimateJson("FORUM")))
                .refuses("a member without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor", f.policeEditor, 403)
                .allows("an editor", f.cityEditor);
        matrix.operation("POST /population/preview")
                .call(() -> ApiCall.post("/population/preview", f.estimateJson("FORUM")))
                .refuses("a member without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor", f.policeEditor, 403)
                .allows("an editor", f.cityEditor);
        matrix.operation("GET /population")
                .call(() -> ApiCall.get("/population?country=UG"))
                .openToEveryMember("a listing holds only the estimates the caller may read");
        matrix.operation("GET /population/series/{seriesId}")
                .call(() -> ApiCall.get("/population/series/kla-refugees"))
                .openToEveryMember("a series holds only the estimates the caller may read");
        matrix.operation("GET /population/{id}")
                .call(() -> ApiCall.get("/population/" + restrictedEstimate))
                .refuses("an enforcement body in the forum (RESTRICTED)", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a forum member", f.unhcrMember);
        matrix.operation("PUT /population/{id}")
                .call(() -> ApiCall.put(
                                "/population/" + f.estimate("RESTRICTED"),
                                f.estimateJson("RESTRICTED").replace("305000", "310000"))
                        .ifMatch("\"1\""))
                .refuses("a forum member's editor", f.unhcrEditor, 403)
                .refuses("a member of the owner without an editor role", f.cityMember, 403)
                .refuses("an enforcement body in the forum", f.policeEditor, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("the owner's editor", f.cityEditor);
        matrix.operation("GET /population/{id}/history")
                .call(() -> ApiCall.get("/population/" + restrictedEstimate + "/history"))
                .refuses("a forum member", f.unhcrMember, 403)
                .refuses("an enforcement body in the forum", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a member of the owner", f.cityMember);

        // ---- needs (the city's RESTRICTED need is shared with the forum)
        matrix.operation("POST /needs")
                .call(() -> ApiCall.post("/needs", f.needJson("FORUM")))
                .refuses("a member without an editor role", f.cityMember, 403)
                .allows("an editor", f.cityEditor);
        matrix.operation("GET /needs")
                .call(() -> ApiCall.get("/needs?country=UG"))
                .openToEveryMember("a listing holds only the needs the caller may read");
        matrix.operation("GET /needs/{id}")
                .call(() -> ApiCall.get("/needs/" + restrictedNeed))
                .refuses("an enforcement body in the forum (RESTRICTED)", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a forum member", f.unhcrMember);
        matrix.operation("PUT /needs/{id}")
                .call(() -> ApiCall.put(
                                "/needs/" + f.need("RESTRICTED"),
                                f.needJson("RESTRICTED").replace("\"HIGH\"", "\"CRITICAL\""))
                        .ifMatch("\"1\""))
                .refuses("a forum member's editor", f.unhcrEditor, 403)
                .refuses("a member of the owner without an editor role", f.cityMember, 403)
                .refuses("an enforcement body in the forum", f.policeEditor, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("the owner's editor", f.cityEditor);
        matrix.operation("POST /needs/{id}/status")
                .call(() -> ApiCall.post("/needs/" + f.need("RESTRICTED") + "/status", "{\"status\":\"VALIDATED\"}"))
                .refuses("a forum member's editor", f.unhcrEditor, 403)
                .refuses("a member of the owner without an editor role", f.cityMember, 403)
                .refuses("an enforcement body in the forum", f.policeEditor, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("the owner's editor", f.cityEditor);
        matrix.operation("POST /needs/{id}/actions")
                .call(() -> ApiCall.post(
                        "/needs/" + f.need("RESTRICTED") + "/actions", "{\"actionId\":\"" + UUID.randomUUID() + "\"}"))
                .refuses("a forum member's editor", f.unhcrEditor, 403)
                .refuses("a member of the owner without an editor role", f.cityMember, 403)
                .refuses("an enforcement body in the forum", f.policeEditor, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("the owner's editor", f.cityEditor);
        matrix.operation("GET /needs/{id}/history")
                .call(() -> ApiCall.get("/needs/" + restrictedNeed + "/history"))
                .refuses("a forum member", f.unhcrMember, 403)
                .refuses("an enforcement body in the forum", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a member of the owner", f.cityMember);

        // ---- inputs
        matrix.operation("POST /inputs")
                .call(() -> ApiCall.post("/inputs", f.inputJson(restrictedNeed)))
                .refuses("the need's owner, which records its own evidence", f.cityEditor, 403)
                .refuses("a member without an editor role", f.ngoMember, 403)
                .refuses("an enforcement body in the forum (RESTRICTED need)", f.policeEditor, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a forum member's editor", f.ngoEditor);
        matrix.operation("GET /inputs")
                .call(() -> ApiCall.get("/inputs?subjectType=NEED"))
                .openToEveryMember("a listing holds only the inputs the caller may read");
        matrix.operation("GET /inputs/{id}")
                .call(() -> ApiCall.get("/inputs/" + hiddenInput))
                .refuses("an enforcement body in the forum (the contributor is hidden from it)", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a forum member", f.unhcrMember);
        matrix.operation("GET /needs/{id}/inputs")
                .call(() -> ApiCall.get("/needs/" + restrictedNeed + "/inputs"))
                .refuses("an enforcement body in the forum (RESTRICTED need)", f.policeMember, 404)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("a forum member", f.unhcrMember);

        // ---- the spreadsheet round trip: the organisation's editors and administrators only, never an enforcement
        // body
        matrix.operation("GET /forums/{forumId}/spreadsheet")
                .call(() -> ApiCall.get("/forums/" + f.forum + "/spreadsheet?format=csv&records=population-estimates"))
                .refuses("a member without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor in the forum", f.policeEditor, 403)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("an editor", f.cityEditor);
        matrix.operation("POST /forums/{forumId}/spreadsheet-imports")
                .call(f::needSheetUpload)
                .refuses("a member without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor in the forum", f.policeEditor, 403)
                .refuses("an organisation outside the forum", f.outsiderEditor, 404)
                .allows("an editor", f.cityEditor);
        String previewed = f.spreadsheetImport();
        matrix.operation("GET /spreadsheet-imports/{id}")
                .call(() -> ApiCall.get(previewed))
                .refuses("another organisation's editor", f.ngoEditor, 404)
                .refuses("a member of the organisation without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor", f.policeEditor, 403)
                .allows("an editor", f.cityEditor);
        matrix.operation("GET /spreadsheet-imports/{id}/report")
                .call(() -> ApiCall.get(previewed + "/report"))
                .refuses("another organisation's editor", f.ngoEditor, 404)
                .refuses("a member of the organisation without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor", f.policeEditor, 403)
                .allows("an editor", f.cityEditor);
        matrix.operation("POST /spreadsheet-imports/{id}/confirmation")
                .call(() -> ApiCall.post(f.spreadsheetImport() + "/confirmation", null))
                .refuses("another organisation's editor", f.ngoEditor, 404)
                .refuses("a member of the organisation without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor", f.policeEditor, 403)
                .allows("an editor", f.cityEditor);
        matrix.operation("DELETE /spreadsheet-imports/{id}")
                .call(() -> ApiCall.delete(f.spreadsheetImport()))
                .refuses("another organisation's editor", f.ngoEditor, 404)
                .refuses("a member of the organisation without an editor role", f.cityMember, 403)
                .refuses("an enforcement body's editor", f.policeEditor, 403)
                .allows("an editor", f.cityEditor);

        RefusalMatrix.Summary summary = matrix.verify();
        assertThat(summary.operations()).isEqualTo(matrix.api().operations().size());
    }
}
