package org.arrival.assessments.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Finding 2 of issue 13: a round one of whose respondents is an organisation hidden from enforcement bodies (here
 * the Kisenyi association) showed its id in {@code respondentIds} to the police, a member of the forum the round is
 * shared with, and its scores counted the association's answers. Such a round is derived from the hidden
 * organisation's answers, so an enforcement body is answered about it exactly as about a round that does not exist,
 * on every surface (the round, its scores, gaps, answers, history, comparisons, the listing, inputs about it), and
 * every event about it is RESTRICTED so no projection shows it to them either.
 */
class RoundFirewallTest extends RoundsIntegrationTest {

    private UUID forum;
    private UUID police;
    private Token policeOfficer;
    private Token policeEditor;
    private Token unhcrOfficer;

    @BeforeEach
    void setUp() {
        kampala(); // the association is hidden from enforcement bodies
        forum = UUID.randomUUID();
        police = organisation("Uganda Police Force " + tag(), "NATIONAL_GOVERNMENT_BODY", true, false);
        UUID unhcr = organisation("UNHCR Kampala " + tag(), "INTERNATIONAL_ORGANISATION", false, false);
        seat(forum, police);
        seat(forum, unhcr);
        seat(forum, city);
        seat(forum, association);
        policeOfficer = user("police-officer-" + tag(), police, "member");
        policeEditor = user("police-planner-" + tag(), police, "org-editor", "member");
        unhcrOfficer = user("unhcr-officer-" + tag(), unhcr, "member");
    }

    /** A round shared with the forum, answered by the ministry and the hidden association, then published. */
    private String publishedWithTheAssociation() throws Exception {
        String round = createRound(
                roundJson(
                        "Kampala readiness " + tag(),
                        "UG",
                        "UG-C",
                        city,
                        List.of(ministry, ngo, association),
                        List.of(forum)),
                cityEditor);
        perform(post("/rounds/" + round + "/open"), cityEditor).andExpect(status().isOk());
        perform(
                        putJson("/rounds/" + round + "/responses/" + ministry, answersJson("1.1.a=Y", "1.1.b=Y"), null),
                        ministryEditor)
                .andExpect(status().isOk());
        perform(
                        putJson(
                                "/rounds/" + round + "/responses/" + association,
                                answersJson("1.1.a=N", "1.1.b=N:members were asked for papers"),
                                null),
                        associationAdmin)
                .andExpect(status().isOk());
        perform(post("/rounds/" + round + "/close"), cityEditor).andExpect(status().isOk());
        perform(post("/rounds/" + round + "/publish"), cityEditor).andExpect(status().isOk());
        return round;
    }

    @Test
    void anEnforcementBodyIsToldNothingOfARoundAHiddenOrganisationAnswers() throws Exception {
        String round = publishedWithTheAssociation();
        String unknown = UUID.randomUUID().toString();
        for (String path :
                List.of("", "/scores", "/gaps", "/history", "/responses/" + ministry, "/responses/" + association)) {
            ResultActions hidden = perform(getJson("/rounds/" + round + path), policeOfficer);
            ResultActions missing = perform(getJson("/rounds/" + unknown + path), policeOfficer);
            expectProblem(hidden, 404, "round");
            assertThat(json(hidden, "$.detail").toString().replace(round, "ID"))
                    .isEqualTo(json(missing, "$.detail").toString().replace(unknown, "ID"));
        }
        String listed = perform(getJson("/rounds?size=200&country=UG"), policeOfficer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).doesNotContain(round).doesNotContain(association.toString());
        perform(getJson("/rounds/compare?from=" + round + "&to=" + round), policeOfficer)
                .andExpect(status().isNotFound());
        String inputs = perform(getJson("/inputs?subjectType=ROUND&subjectId=" + round), policeOfficer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inputs).contains("\"totalItems\":0");

        // members who are no enforcement body see the round as it is, the association included
        perform(getJson("/rounds/" + round), unhcrOfficer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.respondentIds.length()").value(3))
                .andExpect(jsonPath("$.respondentIds[2]").value(association.toString()));
        perform(getJson("/rounds/" + round + "/scores"), unhcrOfficer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.respondentsAnswered").value(2));

        // every event about the round names the association, so none may reach an enforcement body
        List<RecordedEvent> all = awaitEvents(
                round,
                "AssessmentRoundOpened",
                "ChecklistResponseSubmitted",
                "ChecklistResponseSubmitted",
                "AssessmentRoundClosed",
                "ChecklistScoresPublished");
        assertThat(all)
                .allSatisfy(e -> assertThat(e.header("ce_dataclassification")).isEqualTo("RESTRICTED"));
        List<RecordedEvent> gaps = events.await(
                e -> GAPS.equals(e.topic()) && e.payloadText().contains(round), 1, java.time.Duration.ofSeconds(20));
        assertThat(gaps)
                .allSatisfy(e -> assertThat(e.header("ce_dataclassification")).isEqualTo("RESTRICTED"));
    }

    @Test
    void aRoundThatNamesNoHiddenOrganisationStaysVisibleToTheForumsEnforcementBodyWithItsUsualClassification()
            throws Exception {
        String round = createRound(
                roundJson("Kampala readiness " + tag(), "UG", "UG-C", city, List.of(ministry, ngo), List.of(forum)),
                cityEditor);
        perform(post("/rounds/" + round + "/open"), cityEditor).andExpect(status().isOk());
        perform(getJson("/rounds/" + round), policeOfficer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.respondentIds.length()").value(2));
        List<String> listed = json(perform(getJson("/rounds?size=200&status=OPEN"), policeOfficer), "$.items[*].id");
        assertThat(listed).contains(round);
        assertThat(awaitEvents(round, "AssessmentRoundOpened").get(0).header("ce_dataclassification"))
                .isEqualTo("FORUM");
    }

    @Test
    void aRoundConvenedByAHiddenOrganisationIsUnknownToEnforcementBodies() throws Exception {
        String round = createRound(
                roundJson(
                        "Kisenyi community readiness " + tag(),
                        "UG",
                        "UG-C",
                        association,
                        List.of(ngo),
                        List.of(forum)),
                associationAdmin);
        perform(post("/rounds/" + round + "/open"), associationAdmin).andExpect(status().isOk());
        perform(getJson("/rounds/" + round), unhcrOfficer).andExpect(status().isOk());
        expectProblem(perform(getJson("/rounds/" + round), policeOfficer), 404, "round");
        List<String> listed =
                json(perform(getJson("/rounds?size=200&convenor=" + association), policeOfficer), "$.items[*].id");
        assertThat(listed).isEmpty();
    }

    @Test
    void anEnforcementBodyNamingAHiddenOrganisationIsAnsweredAsForAnUnknownOne() throws Exception {
        UUID unknown = UUID.randomUUID();
        ResultActions hidden = perform(
                postJson(
                        "/rounds",
                        roundJson(
                                "Police review " + tag(), "UG", "UG-C", police, List.of(ngo, association), List.of())),
                policeEditor);
        ResultActions missing = perform(
                postJson(
                        "/rounds",
                        roundJson("Police review " + tag(), "UG", "UG-C", police, List.of(ngo, unknown), List.of())),
                policeEditor);
        expectProblem(hidden, 422, "respondentIds");
        assertThat(json(hidden, "$.detail").toString().replace(association.toString(), "ID"))
                .isEqualTo(json(missing, "$.detail").toString().replace(unknown.toString(), "ID"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM round_assessment WHERE convenor_id = ?", Integer.class, police))
                .isZero();
    }

    @Test
    void enforcementBodiesAndHiddenOrganisationsDoNotAnswerTheSameRound() throws Exception {
        expectProblem(
                perform(
                        postJson(
                                "/rounds",
                                roundJson(
                                        "Kampala readiness " + tag(),
                                        "UG",
                                        "UG-C",
                                        city,
                                        List.of(police, association),
                                        List.of(forum))),
                        cityEditor),
                422,
                "enforcement");
        String round = createRound(
                roundJson("Kampala readiness " + tag(), "UG", "UG-C", city, List.of(police), List.of(forum)),
                cityEditor);
        expectProblem(
                perform(
                        putJson(
                                "/rounds/" + round,
                                roundJson(
                                        "Kampala readiness " + tag(),
                                        "UG",
                                        "UG-C",
                                        city,
                                        List.of(police, association),
                                        List.of(forum)),
                                "\"1\""),
                        cityEditor),
                422,
                "enforcement");
    }
}
