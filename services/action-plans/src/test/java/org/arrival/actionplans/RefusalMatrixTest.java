package org.arrival.actionplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.RefusalMatrix;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the action-plans API, read from its own OpenAPI description, against the callers who must be
 * refused: no token and a forged one (401); another organisation's editors, the owner's members without the editor
 * role, a platform administrator acting for no organisation (403); an organisation outside the forum, and the
 * enforcement body for RESTRICTED records and for those of the association hidden from it (404, as if they did not
 * exist). Each row ends with a caller who may make the very same request, and it succeeds.
 */
class RefusalMatrixTest extends ActionPlansIntegrationTest {

    @Test
    void everyOperationRefusesThoseWhoMayNot() {
        UUID forum = UUID.randomUUID();
        UUID city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        UUID arua = organisation("Arua City Council", "LOCAL_GOVERNMENT", false, false);
        UUID ngo = organisation("Refugee Law Project", "NGO", false, false);
        UUID association = organisation("Umoja Refugee Association", "MIGRANT_ASSOCIATION", false, true);
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        UUID outside = organisation("NGO outside the forum", "NGO", false, false);
        for (UUID o : List.of(city, arua, ngo, association, police)) {
            seat(forum, o);
        }
        List<UUID> forums = List.of(forum);
        Token cityEditor = user("kcca-editor", city, "member", "org-editor");
        Token cityMember = user("kcca-member", city, "member");
        Token otherEditor = user("arua-admin", arua, "member", "org-editor", "org-admin");
        Token ngoEditor = user("rlp-editor", ngo, "member", "org-editor");
        Token ngoMember = user("rlp-member", ngo, "member");
        Token associationEditor = user("umoja-editor", association, "member", "org-editor");
        Token policeEditor = user("dcic-admin", police, "member", "org-editor", "org-admin", "forum-coordinator");
        Token outsider = user("outsider-admin", outside, "member", "org-editor", "org-admin");
        Token platformAdmin = user("platform-admin", null, "platform-admin");

        ApiFixture fixture = new ApiFixture(mvc);
        UUID restrictedPlan = fixture.plan(cityEditor, "RESTRICTED", forums);
        UUID action = fixture.actionUnderWay(cityEditor, "FORUM", forums, null);
        UUID restricted = fixture.actionUnderWay(cityEditor, "RESTRICTED", forums, null);
        UUID restrictedCommitment =
                fixture.action(cityEditor, "RESTRICTED", forums, "\"requiresLocalImplementation\":true");
        UUID hiddenAction = fixture.action(associationEditor, "FORUM", forums, null);
        UUID milestone = fixture.milestone(cityEditor, restricted);
        UUID report = fixture.report(cityEditor, restricted, "2025-01-01", "2025-03-31");
        UUID line = fixture.funding(cityEditor, restricted, null);
        UUID hiddenComment = fixture.contribution(associationEditor, action);
        String a = "/actions/" + action;
        String r = "/actions/" + restricted;

        RefusalMatrix matrix = RefusalMatrix.of(mvc);

        // plans
        matrix.operation("POST /plans")
                .call(() -> ApiCall.post("/plans", ApiFixture.planJson("Nakawa market plan", "FORUM", forums)))
                .refuses("the owner's member without the editor role", cityMember)
                .refuses("a platform administrator acting for no organisation", platformAdmin)
                .allows("an editor", cityEditor);
        matrix.operation("GET /plans")
                .call(() -> ApiCall.get("/plans?owner=" + city))
                .openToEveryMember("the listing holds only what the caller may read (PlanApiTest, ActionApiTest)")
                .allows("an enforcement body", policeEditor);
        matrix.operation("GET /plans/{id}")
                .call(() -> ApiCall.get("/plans/" + restrictedPlan))
                .refuses("an enforcement body, for a RESTRICTED plan", policeEditor, 404)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("a member of the forum", ngoMember);
        Supplier<UUID> plan = () -> fixture.plan(cityEditor, "FORUM", forums);
        ownersEdit(
                matrix.operation("PUT /plans/{id}")
                        .call(() -> ApiCall.put(
                                        "/plans/" + plan.get(),
                                        ApiFixture.planJson("Kisenyi plan, revised", "FORUM", forums))
                                .ifMatch("\"1\"")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        ownersEdit(
                matrix.operation("POST /plans/{id}/status")
                        .call(() -> ApiCall.post("/plans/" + plan.get() + "/status", "{\"status\":\"ADOPTED\"}")
                                .ifMatch("\"1\"")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        matrix.operation("GET /plans/{id}/history")
                .call(() -> ApiCall.get("/plans/" + restrictedPlan + "/history"))
                .refuses("another organisation in the forum", otherEditor, 403)
                .refuses("an enforcement body, for a RESTRICTED plan", policeEditor, 404)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("the owner's member", cityMember);

        // actions and the cascade
        matrix.operation("POST /actions")
                .call(() -> ApiCall.post("/actions", ApiFixture.actionJson("Water point", "FORUM", forums, null)))
                .refuses("the owner's member without the editor role", cityMember)
                .refuses("a platform administrator acting for no organisation", platformAdmin)
                .allows("an editor", cityEditor);
        matrix.operation("GET /actions")
                .call(() -> ApiCall.get("/actions?forum=" + forum))
                .openToEveryMember(
                        "the listing holds only what the caller may read, references included (ActionApiTest)")
                .allows("an enforcement body", policeEditor);
        matrix.operation("GET /actions/{id}")
                .call(() -> ApiCall.get("/actions/" + hiddenAction))
                .refuses("an enforcement body, for the hidden association's action", policeEditor, 404)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("a member of the forum", ngoMember);
        Supplier<UUID> proposed = () -> fixture.action(cityEditor, "FORUM", forums, null);
        ownersEdit(
                matrix.operation("PUT /actions/{id}")
                        .call(() -> ApiCall.put(
                                        "/actions/" + proposed.get(),
                                        ApiFixture.actionJson("School places, revised", "FORUM", forums, null))
                                .ifMatch("\"1\"")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        ownersEdit(
                matrix.operation("POST /actions/{id}/status")
                        .call(() -> ApiCall.post("/actions/" + proposed.get() + "/status", "{\"status\":\"COMMITTED\"}")
                                .ifMatch("\"1\"")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        matrix.operation("GET /actions/{id}/cascade")
                .call(() -> ApiCall.get("/actions/" + restrictedCommitment + "/cascade"))
                .refuses("an enforcement body, for a RESTRICTED commitment", policeEditor, 404)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("a member of the forum", ngoMember);
        matrix.operation("GET /actions/{id}/history")
                .call(() -> ApiCall.get(r + "/history"))
                .refuses("another organisation in the forum", otherEditor, 403)
                .refuses("an enforcement body, for a RESTRICTED action", policeEditor, 404)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("the owner's member", cityMember);

        // milestones
        ownersEdit(
                matrix.operation("POST /actions/{actionId}/milestones")
                        .call(() ->
                                ApiCall.post(a + "/milestones", "{\"title\":\"Desks open\",\"dueOn\":\"2026-06-30\"}")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        readable(
                matrix.operation("GET /actions/{actionId}/milestones").call(() -> ApiCall.get(r + "/milestones")),
                policeEditor,
                outsider,
                ngoMember);
        readable(
                matrix.operation("GET /actions/{actionId}/milestones/{milestoneId}")
                        .call(() -> ApiCall.get(r + "/milestones/" + milestone)),
                policeEditor,
                outsider,
                ngoMember);
        Supplier<String> freshMilestone = () -> a + "/milestones/" + fixture.milestone(cityEditor, action);
        ownersEdit(
                matrix.operation("PUT /actions/{actionId}/milestones/{milestoneId}")
                        .call(() -> ApiCall.put(
                                        freshMilestone.get(), "{\"title\":\"Desks open\",\"dueOn\":\"2026-07-31\"}")
                                .ifMatch("\"1\"")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        ownersEdit(
                matrix.operation("POST /actions/{actionId}/milestones/{milestoneId}/reach")
                        .call(() -> ApiCall.post(freshMilestone.get() + "/reach", "{\"reachedOn\":\"2026-06-20\"}")
                                .ifMatch("\"1\"")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        ownersEdit(
                matrix.operation("POST /actions/{actionId}/milestones/{milestoneId}/miss")
                        .call(() -> ApiCall.post(freshMilestone.get() + "/miss", null)
                                .ifMatch("\"1\"")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        ownersEdit(
                matrix.operation("POST /actions/{actionId}/milestones/{milestoneId}/cancel")
                        .call(() -> ApiCall.post(freshMilestone.get() + "/cancel", null)),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);

        // progress reports
        ownersEdit(
                matrix.operation("POST /actions/{actionId}/reports")
                        .call(() -> ApiCall.post(
                                "/actions/" + fixture.actionUnderWay(cityEditor, "FORUM", forums, null) + "/reports",
                                ApiFixture.reportJson("2025-01-01", "2025-03-31")))
                        .refuses("another organisation's editor taking part in the forum", ngoEditor),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        readable(
                matrix.operation("GET /actions/{actionId}/reports").call(() -> ApiCall.get(r + "/reports")),
                policeEditor,
                outsider,
                ngoMember);
        readable(
                matrix.operation("GET /actions/{actionId}/reports/{reportId}")
                        .call(() -> ApiCall.get(r + "/reports/" + report)),
                policeEditor,
                outsider,
                ngoMember);

        // funding
        ownersEdit(
                matrix.operation("POST /actions/{actionId}/funding")
                        .call(() -> ApiCall.post(a + "/funding", ApiFixture.fundingJson(null, "KCCA budget", 1000))),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);
        readable(
                matrix.operation("GET /actions/{actionId}/funding").call(() -> ApiCall.get(r + "/funding")),
                policeEditor,
                outsider,
                ngoMember);
        readable(
                matrix.operation("GET /actions/{actionId}/funding/{fundingId}")
                        .call(() -> ApiCall.get(r + "/funding/" + line)),
                policeEditor,
                outsider,
                ngoMember);
        ownersEdit(
                matrix.operation("PUT /actions/{actionId}/funding/{fundingId}")
                        .call(() -> ApiCall.put(
                                        a + "/funding/" + fixture.funding(cityEditor, action, null),
                                        ApiFixture.fundingJson(null, "KCCA budget 2026/27", 2000))
                                .ifMatch("\"1\"")),
                cityEditor,
                cityMember,
                otherEditor,
                policeEditor,
                outsider);

        // contributions
        matrix.operation("POST /actions/{actionId}/contributions")
                .call(() -> ApiCall.post(a + "/contributions", "{\"kind\":\"ENDORSEMENT\"}"))
                .refuses("the action's owner, who answers through its own records", cityEditor, 403)
                .refuses("a member without the editor role", ngoMember, 403)
                .refuses("a platform administrator acting for no organisation", platformAdmin, 403)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("another organisation's editor", ngoEditor);
        readable(
                matrix.operation("GET /actions/{actionId}/contributions").call(() -> ApiCall.get(r + "/contributions")),
                policeEditor,
                outsider,
                ngoMember);
        matrix.operation("GET /actions/{actionId}/contributions/{contributionId}")
                .call(() -> ApiCall.get(a + "/contributions/" + hiddenComment))
                .refuses("an enforcement body, for the hidden association's comment", policeEditor, 404)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("a member of the forum", ngoMember);

        // reporting standing and the framework catalogue
        readable(
                matrix.operation("GET /actions/{actionId}/reporting").call(() -> ApiCall.get(r + "/reporting")),
                policeEditor,
                outsider,
                ngoMember);
        matrix.operation("GET /frameworks")
                .call(() -> ApiCall.get("/frameworks?framework=SDG"))
                .openToEveryMember("the catalogue of framework items is public reference data")
                .allows("an enforcement body", policeEditor);
        matrix.operation("GET /frameworks/{code}")
                .call(() -> ApiCall.get("/frameworks/GCM-15"))
                .openToEveryMember("the catalogue of framework items is public reference data")
                .allows("an enforcement body", policeEditor);

        // the spreadsheet round trip: the organisation's editors only, never an enforcement body
        byte[] sheet = SpreadsheetApiFiles.emptySheet();
        Supplier<String> previewed = () -> "/spreadsheet-imports/"
                + fixture.created(
                        ApiCall.upload("/forums/" + forum + "/spreadsheet-imports", "file", "actions.csv", sheet),
                        cityEditor);
        matrix.operation("GET /forums/{forumId}/spreadsheet")
                .call(() -> ApiCall.get("/forums/" + forum + "/spreadsheet?format=csv"))
                .refuses("the owner's member without the editor role", cityMember)
                .refuses("an enforcement body", policeEditor)
                .refuses("a platform administrator acting for no organisation", platformAdmin)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("an editor", cityEditor);
        matrix.operation("POST /forums/{forumId}/spreadsheet-imports")
                .call(() -> ApiCall.upload("/forums/" + forum + "/spreadsheet-imports", "file", "actions.csv", sheet))
                .refuses("the owner's member without the editor role", cityMember)
                .refuses("an enforcement body", policeEditor)
                .refuses("a platform administrator acting for no organisation", platformAdmin)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("an editor", cityEditor);
        String seen = previewed.get();
        matrix.operation("GET /spreadsheet-imports/{id}")
                .call(() -> ApiCall.get(seen))
                .refuses("another organisation's editor", otherEditor, 404)
                .refuses("the owner's member without the editor role", cityMember)
                .refuses("an enforcement body", policeEditor)
                .allows("an editor", cityEditor);
        matrix.operation("GET /spreadsheet-imports/{id}/report")
                .call(() -> ApiCall.get(seen + "/report"))
                .refuses("another organisation's editor", otherEditor, 404)
                .refuses("the owner's member without the editor role", cityMember)
                .refuses("an enforcement body", policeEditor)
                .allows("an editor", cityEditor);
        matrix.operation("POST /spreadsheet-imports/{id}/confirmation")
                .call(() -> ApiCall.post(previewed.get() + "/confirmation", null))
                .refuses("another organisation's editor", otherEditor, 404)
                .refuses("the owner's member without the editor role", cityMember)
                .refuses("an enforcement body", policeEditor)
                .refuses("a platform administrator acting for no organisation", platformAdmin)
                .allows("an editor", cityEditor);
        matrix.operation("DELETE /spreadsheet-imports/{id}")
                .call(() -> ApiCall.delete(previewed.get()))
                .refuses("another organisation's editor", otherEditor, 404)
                .refuses("the owner's member without the editor role", cityMember)
                .refuses("an enforcement body", policeEditor)
                .allows("an editor", cityEditor);

        matrix.verify();
    }

    /**
     * The spreadsheet operations with {@code records=milestones} and {@code records=funding-lines} refuse the same
     * callers as with actions (the matrix holds one request per operation, so these rows are checked here).
     */
    @Test
    void theSpreadsheetsOfMilestonesAndFundingLinesRefuseTheSameCallers() {
        UUID forum = UUID.randomUUID();
        UUID city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        UUID arua = organisation("Arua City Council", "LOCAL_GOVERNMENT", false, false);
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        UUID outside = organisation("NGO outside the forum", "NGO", false, false);
        for (UUID o : List.of(city, arua, police)) {
            seat(forum, o);
        }
        Token cityEditor = user("kcca-editor", city, "member", "org-editor");
        Token cityMember = user("kcca-member", city, "member");
        Token otherEditor = user("arua-admin", arua, "member", "org-editor", "org-admin");
        Token policeEditor = user("dcic-admin", police, "member", "org-editor", "org-admin", "forum-coordinator");
        Token outsider = user("outsider-admin", outside, "member", "org-editor", "org-admin");
        Token platformAdmin = user("platform-admin", null, "platform-admin");
        ApiFixture fixture = new ApiFixture(mvc);
        UUID action = fixture.actionUnderWay(cityEditor, "FORUM", List.of(forum), null);
        fixture.milestone(cityEditor, action);
        fixture.funding(cityEditor, action, null);
        List<String> problems = new java.util.ArrayList<>();
        for (RecordKind kind : List.of(RecordKind.MILESTONES, RecordKind.FUNDING_LINES)) {
            String records = "records=" + kind.parameter();
            byte[] sheet = SpreadsheetApiFiles.emptySheet(kind);
            ApiCall export = ApiCall.get("/forums/" + forum + "/spreadsheet?format=csv&" + records);
            Supplier<ApiCall> upload = () ->
                    ApiCall.upload("/forums/" + forum + "/spreadsheet-imports?" + records, "file", "f.csv", sheet);
            for (ApiCall call : List.of(export, upload.get())) {
                expect(problems, call, cityMember, 403);
                expect(problems, call, policeEditor, 403);
                expect(problems, call, platformAdmin, 403);
                expect(problems, call, outsider, 404);
                expect(problems, call, null, 401);
                expect(problems, call, cityEditor, call == export ? 200 : 201);
            }
            Supplier<String> previewed = () -> "/spreadsheet-imports/" + fixture.created(upload.get(), cityEditor);
            String seen = previewed.get();
            for (ApiCall call : List.of(
                    ApiCall.get(seen),
                    ApiCall.get(seen + "/report"),
                    ApiCall.post(previewed.get() + "/confirmation", null),
                    ApiCall.delete(previewed.get()))) {
                expect(problems, call, otherEditor, 404);
                expect(problems, call, cityMember, 403);
                expect(problems, call, policeEditor, 403);
            }
        }
        assertThat(problems).isEmpty();
    }

    private void expect(List<String> problems, ApiCall call, @Nullable Token caller, int status) {
        int got = call.perform(mvc, caller == null ? null : caller.bearer()).getStatus();
        if (got != status) {
            problems.add(
                    call + ": " + (caller == null ? "no token" : caller) + " got " + got + " instead of " + status);
        }
    }

    /** A change only the owner's editors make: others who see the record get 403, those who do not 404. */
    private static void ownersEdit(
            RefusalMatrix.Row row,
            Token ownerEditor,
            Token ownerMember,
            Token otherEditor,
            Token enforcementEditor,
            Token outsider) {
        row.refuses("the owner's member without the editor role", ownerMember, 403)
                .refuses("another organisation's editor in the forum", otherEditor, 403)
                .refuses("an enforcement body's editor in the forum", enforcementEditor, 403)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("the owner's editor", ownerEditor);
    }

    /** A read of what is recorded about a RESTRICTED action: as if it did not exist for those who may not read it. */
    private static void readable(RefusalMatrix.Row row, Token enforcementBody, Token outsider, Token forumMember) {
        row.refuses("an enforcement body, for a RESTRICTED action", enforcementBody, 404)
                .refuses("an organisation outside the forum", outsider, 404)
                .allows("a member of the forum", forumMember);
    }
}
