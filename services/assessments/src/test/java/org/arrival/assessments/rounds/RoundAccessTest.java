package org.arrival.assessments.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with a round, endpoint by endpoint: the convenor's editors run it, respondents answer for
 * themselves only while it is open, forum members read it, and anyone else is told it does not exist.
 */
class RoundAccessTest extends RoundsIntegrationTest {

    private UUID forum;
    private UUID iom;
    private UUID outsiderOrg;
    private Token outsider;
    private Token forumMember;
    private Token cityMember;
    private Token ministryMember;

    @BeforeEach
    void setUp() {
        kampala();
        forum = UUID.randomUUID();
        iom = organisation("IOM Uganda " + tag(), "INTERNATIONAL_ORGANISATION", false, false);
        seat(forum, iom);
        forumMember = user("iom-editor-" + tag(), iom, "org-editor", "member");
        outsiderOrg = organisation("Nairobi County " + tag(), "LOCAL_GOVERNMENT", false, false);
        outsider = user("nairobi-editor-" + tag(), outsiderOrg, "org-admin", "member");
        cityMember = user("kcca-reader-" + tag(), city, "member");
        ministryMember = user("opm-reader-" + tag(), ministry, "member");
    }

    private String body() {
        return roundJson("Kampala readiness " + tag(), "UG", "UG-C", city, List.of(ministry, ngo), List.of(forum));
    }

    @Test
    void creatingNeedsATokenAndAnEditorOfTheConvenor() throws Exception {
        perform(postJson("/rounds", body()), null).andExpect(status().isUnauthorized());
        expectProblem(perform(postJson("/rounds", body()), ngoEditor), 403, "convening");
        expectProblem(perform(postJson("/rounds", body()), cityMember), 403, "convening");
        perform(postJson("/rounds", body()), platformAdmin()).andExpect(status().isCreated());
        perform(postJson("/rounds", body()), user("kcca-admin-" + tag(), city, "org-admin"))
                .andExpect(status().isCreated());
    }

    @Test
    void aDraftIsSeenAndRunByItsConvenorOnly() throws Exception {
        String round = createRound(body(), cityEditor);
        perform(getJson("/rounds/" + round), null).andExpect(status().isUnauthorized());
        for (Token other : List.of(ngoEditor, forumMember, outsider)) {
            expectProblem(perform(getJson("/rounds/" + round), other), 404, "round");
            perform(getJson("/rounds/" + round + "/scores"), other).andExpect(status().isNotFound());
            perform(getJson("/rounds/" + round + "/gaps"), other).andExpect(status().isNotFound());
            perform(getJson("/rounds/" + round + "/history"), other).andExpect(status().isNotFound());
            perform(putJson("/rounds/" + round, body(), "\"1\""), other).andExpect(status().isNotFound());
            perform(post("/rounds/" + round + "/open"), other).andExpect(status().isNotFound());
            perform(getJson("/rounds/" + round + "/responses/" + ngo), other).andExpect(status().isNotFound());
        }
        perform(getJson("/rounds/" + round), cityMember).andExpect(status().isOk());
        perform(getJson("/rounds/" + round), platformAdmin()).andExpect(status().isOk());
        expectProblem(perform(putJson("/rounds/" + round, body(), "\"1\""), cityMember), 403, "convening");
        expectProblem(perform(post("/rounds/" + round + "/open"), cityMember), 403, "convening");
        perform(getJson("/rounds/" + round + "/history"), cityMember).andExpect(status().isOk());

        // edits need the current version; the convenor cannot be handed over
        expectProblem(perform(putJson("/rounds/" + round, body(), null), cityEditor), 428, "If-Match");
        expectProblem(perform(putJson("/rounds/" + round, body(), "\"7\""), cityEditor), 412, "7");
        expectProblem(
                perform(
                        putJson(
                                "/rounds/" + round,
                                roundJson("Handed over", "UG", null, ngo, List.of(ministry), List.of()),
                                "\"1\""),
                        cityEditor),
                409,
                "convenor");
        expectProblem(perform(post("/rounds/" + round + "/open").header("If-Match", "\"3\""), cityEditor), 412, "3");
        expectProblem(perform(post("/rounds/" + round + "/publish"), cityEditor), 409, "CLOSED");
        expectProblem(perform(post("/rounds/" + round + "/close"), cityEditor), 409, "DRAFT");
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + ngo, answersJson("1.1.a=Y"), null), ngoEditor),
                404,
                "round");
        assertNoEventsAbout(round);
    }

    @Test
    void onceOpenRespondentsAnswerForThemselvesOnlyAndForumMembersRead() throws Exception {
        String round = createRound(body(), cityEditor);
        perform(post("/rounds/" + round + "/open"), cityEditor).andExpect(status().isOk());
        awaitEvents(round, "AssessmentRoundOpened");

        // reading
        for (Token reader : List.of(ngoEditor, ministryMember, forumMember, cityMember)) {
            perform(getJson("/rounds/" + round), reader).andExpect(status().isOk());
            perform(getJson("/rounds/" + round + "/scores"), reader).andExpect(status().isOk());
            perform(getJson("/rounds/" + round + "/gaps"), reader)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(0));
        }
        expectProblem(perform(getJson("/rounds/" + round), outsider), 404, "round");
        perform(getJson("/rounds/" + round + "/scores"), outsider).andExpect(status().isNotFound());
        perform(getJson("/rounds/" + round + "/gaps"), outsider).andExpect(status().isNotFound());
        perform(getJson("/rounds/" + round + "/scores"), null).andExpect(status().isUnauthorized());
        List<String> outsiderList = json(perform(getJson("/rounds?size=200"), outsider), "$.items[*].id");
        assertThat(outsiderList).doesNotContain(round);

        // answering: only an editor of the respondent, for itself
        String answers = answersJson("1.1.a=Y");
        perform(putJson("/rounds/" + round + "/responses/" + ngo, answers, null), null)
                .andExpect(status().isUnauthorized());
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + ministry, answers, null), ngoEditor),
                403,
                "own organisation");
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + ministry, answers, null), ministryMember),
                403,
                "own organisation");
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + ministry, answers, null), cityEditor),
                403,
                "own organisation");
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + ministry, answers, null), platformAdmin()),
                403,
                "own organisation");
        // a forum member sees the round but is no respondent, even for its own organisation
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + iom, answers, null), forumMember),
                403,
                "respondent");
        perform(putJson("/rounds/" + round + "/responses/" + ngo, answers, null), forumMember)
                .andExpect(status().isForbidden());
        // an outsider is not even told the round exists
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + outsiderOrg, answers, null), outsider),
                404,
                "round");
        assertThat(rows("round_response", UUID.fromString(round))).isZero();

        perform(putJson("/rounds/" + round + "/responses/" + ngo, answers, null), ngoEditor)
                .andExpect(status().isOk());

        // reading answers: convenor, respondent itself, platform admins
        perform(getJson("/rounds/" + round + "/responses/" + ngo), ngoEditor).andExpect(status().isOk());
        perform(getJson("/rounds/" + round + "/responses/" + ngo), cityMember).andExpect(status().isOk());
        perform(getJson("/rounds/" + round + "/responses/" + ngo), ministryEditor)
                .andExpect(status().isForbidden());
        perform(getJson("/rounds/" + round + "/responses/" + ngo), forumMember).andExpect(status().isForbidden());
        perform(getJson("/rounds/" + round + "/responses/" + ngo), outsider).andExpect(status().isNotFound());
        perform(getJson("/rounds/" + round + "/responses/" + association), cityEditor)
                .andExpect(status().isNotFound());

        // running: the convenor's editors only; history too
        expectProblem(perform(post("/rounds/" + round + "/close"), ngoEditor), 403, "convening");
        expectProblem(perform(post("/rounds/" + round + "/close"), forumMember), 403, "convening");
        perform(post("/rounds/" + round + "/close"), outsider).andExpect(status().isNotFound());
        expectProblem(perform(putJson("/rounds/" + round, body(), "\"2\""), cityEditor), 409, "DRAFT");
        expectProblem(perform(post("/rounds/" + round + "/publish"), cityEditor), 409, "CLOSED");
        perform(getJson("/rounds/" + round + "/history"), ngoEditor).andExpect(status().isForbidden());
        perform(getJson("/rounds/" + round + "/history"), forumMember).andExpect(status().isForbidden());
        perform(getJson("/rounds/" + round + "/history"), platformAdmin()).andExpect(status().isOk());

        perform(post("/rounds/" + round + "/close"), cityEditor).andExpect(status().isOk());
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + ngo, answers, null), ngoEditor), 409, "CLOSED");
        expectProblem(perform(post("/rounds/" + round + "/open"), cityEditor), 409, "CLOSED");
        awaitEvents(round, "AssessmentRoundOpened", "ChecklistResponseSubmitted", "AssessmentRoundClosed");
    }

    @Test
    void aRoundNobodyAnsweredIsNotPublished() throws Exception {
        String round = createRound(body(), cityEditor);
        perform(post("/rounds/" + round + "/open"), cityEditor).andExpect(status().isOk());
        perform(post("/rounds/" + round + "/close"), cityEditor).andExpect(status().isOk());
        expectProblem(perform(post("/rounds/" + round + "/publish"), cityEditor), 409, "Nobody answered");
        awaitEvents(round, "AssessmentRoundOpened", "AssessmentRoundClosed");
        perform(getJson("/rounds/" + round), outsider).andExpect(status().isNotFound());
    }
}
