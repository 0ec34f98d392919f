package org.arrival.assessments.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.reference.InstrumentCatalogue;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A full round in Kampala: the city convenes, a ministry (mostly yes), an NGO (mixed, skips two questions) and a
 * migrant association (mostly no) answer recommendation R1; nobody answers the other recommendations, so they are not
 * assessed (no points, no gaps).
 * <pre>
 *          ministry NGO  assoc  consolidated     divergent
 *   1.1.a  Y 2      Y 2  S 1    5/3 = 1.667
 *   1.1.b  Y 2      S 1  N 0    3/3 = 1.0        yes
 *   1.1.c  Y 2      N 0  N 0    2/3 = 0.667      yes
 *   1.1.d  S 1      S 1  N 0    2/3 = 0.667
 *   1.1.e  Y 2      S 1  N 0    1.0              yes
 *   1.2.a  Y 2      S 1  N 0    1.0              yes
 *   1.2.b  Y 2      Y 2  Y 2    2.0              (the only question that is no gap)
 *   1.2.c  N 0      N 0  N 0    0
 *   1.3.a  Y 2      S 1  N 0    1.0              yes
 *   1.3.b  Y 2      N 0  N 0    0.667            yes
 *   1.3.c  S 1      -    N 0    1/2 = 0.5
 *   1.3.d  Y 2      -    S 1    3/2 = 1.5
 *   1.1 = 5.0/10, 1.2 = 3.0/6, 1.3 = 3.667/8, R1 = 11.667/24, overall 11.667 of the instrument's maximum, of
 *   which 24 points (12 questions) were assessed: a share of 0.486
 *   respondents: ministry 20 (12 answered), NGO 9 (10 answered), association 4 (12 answered)
 * </pre>
 */
class RoundLifecycleTest extends RoundsIntegrationTest {

    private static final String[] MINISTRY = {
        "1.1.a=Y:Uganda National Household Survey 2023 covers Kampala",
        "1.1.b=Y",
        "1.1.c=Y",
        "1.1.d=S",
        "1.1.e=Y",
        "1.2.a=Y",
        "1.2.b=Y",
        "1.2.c=N",
        "1.3.a=Y",
        "1.3.b=Y",
        "1.3.c=S",
        "1.3.d=Y"
    };
    private static final String[] NGO = {
        "1.1.a=Y",
        "1.1.b=S",
        "1.1.c=N:no disability breakdown in the 2024 census",
        "1.1.d=S",
        "1.1.e=S",
        "1.2.a=S",
        "1.2.b=Y",
        "1.2.c=N",
        "1.3.a=S",
        "1.3.b=N"
    };
    private static final String[] ASSOCIATION = {
        "1.1.a=S",
        "1.1.b=N",
        "1.1.c=N",
        "1.1.d=N",
        "1.1.e=N",
        "1.2.a=N",
        "1.2.b=Y",
        "1.2.c=N",
        "1.3.a=N",
        "1.3.b=N:members were never asked",
        "1.3.c=N",
        "1.3.d=S"
    };

    @Autowired
    InstrumentCatalogue catalogue;

    private UUID forum;
    private Token unhcrOfficer;
    private Token policeOfficer;

    @BeforeEach
    void setUp() {
        kampala();
        // this association has not asked to be hidden from enforcement bodies (RoundFirewallTest: one that has)
        jdbc.update("UPDATE organisation SET hidden = false WHERE id = ?", association);
        forum = UUID.randomUUID();
        UUID unhcr = organisation("UNHCR Kampala " + tag(), "INTERNATIONAL_ORGANISATION", false, false);
        UUID police = organisation("Uganda Police Force " + tag(), "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, unhcr);
        seat(forum, police);
        unhcrOfficer = user("unhcr-officer-" + tag(), unhcr, "member");
        policeOfficer = user("police-officer-" + tag(), police, "member");
    }

    @Test
    void aRoundIsDraftedOpenedAnsweredClosedAndPublishedWithOneEventPerStep() throws Exception {
        Instrument instrument = catalogue.current();
        int max = instrument.maxScore();
        int questions = instrument.questions().size();

        // ---- a draft: visible to its convenor only, no events
        ResultActions created = perform(
                        postJson(
                                "/rounds",
                                roundJson(
                                        "Kampala readiness 2026",
                                        "UG",
                                        "UG-C",
                                        city,
                                        List.of(ministry, ngo),
                                        List.of(forum))),
                        cityEditor)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.instrumentId").value(instrument.id()))
                .andExpect(jsonPath("$.instrumentVersion").value(instrument.version()))
                .andExpect(jsonPath("$.jurisdiction.subdivision").value("UG-C"))
                .andExpect(jsonPath("$.closesOn").value("2026-12-31"));
        String round = json(created, "$.id");
        UUID roundId = UUID.fromString(round);
        assertThat(created.andReturn().getResponse().getHeader("Location")).endsWith("/rounds/" + round);
        perform(getJson("/rounds/" + round), ngoEditor).andExpect(status().isNotFound());

        perform(
                        putJson(
                                "/rounds/" + round,
                                roundJson(
                                        "Kampala readiness self-assessment 2026",
                                        "UG",
                                        "UG-C",
                                        city,
                                        List.of(ministry, ngo, association),
                                        List.of(forum)),
                                "\"1\""),
                        cityEditor)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.respondentIds.length()").value(3))
                .andExpect(jsonPath("$.respondentIds[2]").value(association.toString()));
        assertNoEventsAbout(round);

        // ---- opened: one event, shared with the forum
        perform(post("/rounds/" + round + "/open").header("If-Match", "\"2\""), cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(header().string("ETag", "\"3\""));
        RecordedEvent opened = awaitEvents(round, "AssessmentRoundOpened").get(0);
        assertThat(opened.topic()).isEqualTo(ROUNDS);
        assertThat(opened.key()).isEqualTo(round);
        assertThat(opened.header("ce_ownerorg")).isEqualTo(city.toString());
        assertThat(opened.header("ce_dataclassification")).isEqualTo("FORUM");
        assertThat(opened.payloadText()).contains("\"status\":\"OPEN\"").contains(association.toString());
        perform(getJson("/rounds/" + round), ngoEditor).andExpect(status().isOk());

        // ---- each respondent answers for itself: one event per submission
        perform(putJson("/rounds/" + round + "/responses/" + ministry, answersJson(MINISTRY), null), ministryEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered").value(12))
                .andExpect(jsonPath("$.questions").value(questions))
                .andExpect(jsonPath("$.answers[0].evidence")
                        .value("Uganda National Household Survey 2023 covers Kampala"));
        perform(putJson("/rounds/" + round + "/responses/" + ngo, answersJson(NGO), null), ngoEditor)
                .andExpect(status().isOk());
        // the association first answers one question, then resubmits in full, which replaces the first answers
        perform(
                        putJson("/rounds/" + round + "/responses/" + association, answersJson("1.1.a=Y"), null),
                        associationAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered").value(1));
        perform(
                        putJson("/rounds/" + round + "/responses/" + association, answersJson(ASSOCIATION), "\"1\""),
                        associationAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered").value(12))
                .andExpect(jsonPath("$.answers[0].answer").value("S"));
        List<RecordedEvent> answered = awaitEvents(
                round,
                "AssessmentRoundOpened",
                "ChecklistResponseSubmitted",
                "ChecklistResponseSubmitted",
                "ChecklistResponseSubmitted",
                "ChecklistResponseSubmitted");
        assertThat(answered.get(1).payloadText())
                .contains("\"respondentId\":\"" + ministry + "\"")
                .contains("\"answered\":12")
                .contains("\"questions\":" + questions)
                .doesNotContain("Household Survey");
        assertThat(answered.get(2).payloadText()).contains("\"answered\":10");
        assertThat(answered.get(3).payloadText()).contains("\"answered\":1,");
        assertThat(answered).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(round);
            assertThat(e.header("ce_dataclassification")).isEqualTo("FORUM");
        });
        assertThat(rows("round_answer", roundId)).isEqualTo(12 + 10 + 12);

        // ---- closed: no more answers
        perform(
                        post("/rounds/" + round + "/close")
                                .contentType("application/json")
                                .content("{\"reason\":\"deadline reached\"}"),
                        cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        expectProblem(
                perform(putJson("/rounds/" + round + "/responses/" + ngo, answersJson("1.3.c=Y"), null), ngoEditor),
                409,
                "OPEN");
        RecordedEvent closed = awaitEvents(
                        round,
                        "AssessmentRoundOpened",
                        "ChecklistResponseSubmitted",
                        "ChecklistResponseSubmitted",
                        "ChecklistResponseSubmitted",
                        "ChecklistResponseSubmitted",
                        "AssessmentRoundClosed")
                .get(5);
        assertThat(closed.payloadText()).contains("deadline reached").contains("\"status\":\"CLOSED\"");

        // ---- published: scores (public) and one event per gap
        perform(post("/rounds/" + round + "/publish").header("If-Match", "\"4\""), cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(header().string("ETag", "\"5\""));
        RecordedEvent published = awaitEvents(
                        round,
                        "AssessmentRoundOpened",
                        "ChecklistResponseSubmitted",
                        "ChecklistResponseSubmitted",
                        "ChecklistResponseSubmitted",
                        "ChecklistResponseSubmitted",
                        "AssessmentRoundClosed",
                        "ChecklistScoresPublished")
                .get(6);
        assertThat(published.header("ce_dataclassification")).isEqualTo("PUBLIC");
        assertThat(published.payloadText())
                .contains("\"respondents\":3")
                .contains("\"divergentQuestions\":[\"1.1.b\",\"1.1.c\",\"1.1.e\",\"1.2.a\",\"1.3.a\",\"1.3.b\"]")
                .contains("\"overall\":{\"points\":11.667,\"max\":" + max
                        + ",\"assessedMax\":24,\"questionsAssessed\":12,\"questions\":" + questions + "}");

        // ---- the scores, computed by hand (see the class comment)
        ResultActions scores = perform(getJson("/rounds/" + round + "/scores"), cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.overall.points").value(11.667))
                .andExpect(jsonPath("$.overall.max").value(max))
                .andExpect(jsonPath("$.overall.assessedMax").value(24))
                .andExpect(jsonPath("$.overall.questionsAssessed").value(12))
                .andExpect(jsonPath("$.overall.questions").value(questions))
                .andExpect(jsonPath("$.overall.share").value(0.486))
                .andExpect(jsonPath("$.respondentsAnswered").value(3))
                .andExpect(jsonPath("$.recommendations[0].code").value("R1"))
                .andExpect(jsonPath("$.recommendations[0].score.points").value(11.667))
                .andExpect(jsonPath("$.recommendations[0].score.max").value(24))
                .andExpect(
                        jsonPath("$.recommendations[0].actions[0].score.points").value(5.0))
                .andExpect(jsonPath("$.recommendations[0].actions[0].score.max").value(10))
                .andExpect(
                        jsonPath("$.recommendations[0].actions[1].score.points").value(3.0))
                .andExpect(
                        jsonPath("$.recommendations[0].actions[2].score.points").value(3.667))
                .andExpect(jsonPath("$.recommendations[0].actions[2].score.max").value(8))
                .andExpect(jsonPath("$.recommendations[0].actions[0].questions[0].points")
                        .value(1.667))
                .andExpect(jsonPath("$.recommendations[0].actions[0].questions[2].code")
                        .value("1.1.c"))
                .andExpect(jsonPath("$.recommendations[0].actions[0].questions[2].points")
                        .value(0.667))
                .andExpect(jsonPath("$.recommendations[0].actions[0].questions[2].divergent")
                        .value(true))
                .andExpect(jsonPath("$.recommendations[0].actions[2].questions[2].points")
                        .value(0.5))
                .andExpect(jsonPath("$.recommendations[0].actions[2].questions[2].answeredBy")
                        .value(2))
                .andExpect(jsonPath("$.recommendations[1].score.points").value(0.0))
                .andExpect(jsonPath("$.recommendations[1].score.assessedMax").value(0))
                .andExpect(
                        jsonPath("$.recommendations[1].score.questionsAssessed").value(0))
                .andExpect(jsonPath("$.recommendations[1].score.share").isEmpty())
                .andExpect(jsonPath("$.recommendations[1].actions[0].questions[0].unanswered")
                        .value(true))
                .andExpect(jsonPath("$.recommendations[1].actions[0].questions[0].points")
                        .isEmpty())
                .andExpect(jsonPath("$.recommendations[1].actions[0].questions[0].score.assessedMax")
                        .value(0))
                .andExpect(jsonPath("$.respondents[0].respondentId").value(ministry.toString()))
                .andExpect(jsonPath("$.respondents[0].overall.points").value(20.0))
                .andExpect(jsonPath("$.respondents[0].answered").value(12))
                .andExpect(jsonPath("$.respondents[1].overall.points").value(9.0))
                .andExpect(jsonPath("$.respondents[1].answered").value(10))
                .andExpect(jsonPath("$.respondents[1].overall.assessedMax").value(20))
                .andExpect(
                        jsonPath("$.respondents[1].overall.questionsAssessed").value(10))
                .andExpect(jsonPath("$.respondents[1].overall.share").value(0.45))
                .andExpect(
                        jsonPath("$.respondents[1].recommendations.R1.points").value(9.0))
                .andExpect(jsonPath("$.respondents[2].overall.points").value(4.0))
                .andExpect(jsonPath("$.divergences.length()").value(6))
                .andExpect(jsonPath("$.divergences[1].question").value("1.1.c"))
                .andExpect(jsonPath("$.divergences[1].answerCounts.Y").value(1))
                .andExpect(jsonPath("$.divergences[1].answerCounts.N").value(2))
                .andExpect(
                        jsonPath("$.divergences[1].answers['" + ministry + "']").value("Y"))
                .andExpect(jsonPath("$.divergences[1].answers['" + ngo + "']").value("N"));
        assertThat(scores.andReturn().getResponse().getContentAsString()).doesNotContain("Household Survey");

        // ---- the gaps: every assessed question under 2 points (R1's but 1.2.b; the questions nobody answered are
        // not assessed), with deterministic ids, each announced once
        ResultActions gaps = perform(getJson("/rounds/" + round + "/gaps"), unhcrOfficer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(11));
        List<String> gapQuestions = json(gaps, "$[*].questionCode");
        assertThat(gapQuestions).doesNotContain("1.2.b").contains("1.1.a", "1.2.c", "1.3.d");
        List<Map<String, Object>> gapList = json(gaps, "$");
        Map<String, Map<String, Object>> byQuestion = new java.util.HashMap<>();
        gapList.forEach(g -> byQuestion.put((String) g.get("questionCode"), g));
        assertThat(byQuestion.get("1.1.a"))
                .containsEntry("consolidatedAnswer", "S")
                .containsEntry("points", 1.667)
                .containsEntry("divergent", false);
        assertThat(byQuestion.get("1.1.c"))
                .containsEntry("consolidatedAnswer", "N")
                .containsEntry("divergent", true);
        assertThat(byQuestion.get("1.3.c"))
                .containsEntry("consolidatedAnswer", "N")
                .containsEntry("points", 0.5);
        assertThat(byQuestion.get("1.3.d"))
                .containsEntry("consolidatedAnswer", "S")
                .containsEntry("points", 1.5);
        assertThat(byQuestion.get("1.1.b")).containsEntry("consolidatedAnswer", "S");
        String gapId = UUID.nameUUIDFromBytes((round + ":1.1.c").getBytes()).toString();
        assertThat(byQuestion.get("1.1.c")).containsEntry("id", gapId);
        RecordedEvent gap = events.awaitExactlyOne(type("ChecklistGapIdentified"), gapId);
        assertThat(gap.topic()).isEqualTo(GAPS);
        assertThat(gap.key()).isEqualTo(gapId);
        assertThat(gap.header("ce_dataclassification")).isEqualTo("PUBLIC");
        assertThat(gap.header("ce_ownerorg")).isEqualTo(city.toString());
        assertThat(gap.payloadText())
                .contains("\"consolidatedAnswer\":\"N\"")
                .contains("\"actionCode\":\"1.1\"")
                .contains("\"recommendationCode\":\"R1\"")
                .contains("\"divergent\":true");
        List<RecordedEvent> gapEvents = events.await(
                e -> GAPS.equals(e.topic()) && e.payloadText().contains(round), 11, java.time.Duration.ofSeconds(20));
        pause(300);
        assertThat(events.events(e -> GAPS.equals(e.topic()) && e.payloadText().contains(round)))
                .hasSize(11);
        assertThat(gapEvents)
                .extracting(RecordedEvent::subject)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        gapList.stream().map(g -> (String) g.get("id")).toList());
        gapEvents.forEach(org.arrival.platform.testing.EventRecorder::assertValidCloudEvent);

        // ---- published is final
        expectProblem(perform(post("/rounds/" + round + "/close"), cityEditor), 409, "PUBLISHED");
        expectProblem(perform(post("/rounds/" + round + "/publish"), cityEditor), 409, "PUBLISHED");

        // ---- history: every step, drafts included
        perform(getJson("/rounds/" + round + "/history"), cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(9))
                .andExpect(jsonPath("$[0].change").value("RoundCreated"))
                .andExpect(jsonPath("$[1].change").value("RoundEdited"))
                .andExpect(jsonPath("$[1].changedFields[0]").value("title"))
                .andExpect(jsonPath("$[1].changedFields[1]").value("respondentIds"))
                .andExpect(jsonPath("$[2].change").value("AssessmentRoundOpened"))
                .andExpect(jsonPath("$[3].respondentId").value(ministry.toString()))
                .andExpect(jsonPath("$[7].reason").value("deadline reached"))
                .andExpect(jsonPath("$[8].change").value("ChecklistScoresPublished"));
    }

    @Test
    void whoSaidWhatAndEvidenceNotesStayWithTheConvenorAndTheRespondent() throws Exception {
        String round = createRound(
                roundJson(
                        "Kampala readiness 2026 " + tag(),
                        "UG",
                        "UG-C",
                        city,
                        List.of(ministry, ngo, association),
                        List.of(forum)),
                cityEditor);
        perform(post("/rounds/" + round + "/open"), cityEditor).andExpect(status().isOk());
        perform(putJson("/rounds/" + round + "/responses/" + ministry, answersJson(MINISTRY), null), ministryEditor)
                .andExpect(status().isOk());
        perform(putJson("/rounds/" + round + "/responses/" + ngo, answersJson(NGO), null), ngoEditor)
                .andExpect(status().isOk());

        // the convenor and the respondent itself read the answers with their evidence
        perform(getJson("/rounds/" + round + "/responses/" + ngo), cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidenceShown").value(true))
                .andExpect(jsonPath("$.answers[2].evidence").value("no disability breakdown in the 2024 census"));
        perform(getJson("/rounds/" + round + "/responses/" + ngo), ngoEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers[2].evidence").value("no disability breakdown in the 2024 census"));
        perform(getJson("/rounds/" + round + "/responses/" + ngo), platformAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers[2].evidence").value("no disability breakdown in the 2024 census"));
        perform(getJson("/rounds/" + round + "/responses/" + association), cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submittedAt").doesNotExist())
                .andExpect(jsonPath("$.answered").value(0));
        // another respondent, and forum members (an enforcement body among them), do not
        perform(getJson("/rounds/" + round + "/responses/" + ngo), ministryEditor)
                .andExpect(status().isForbidden());
        perform(getJson("/rounds/" + round + "/responses/" + ngo), unhcrOfficer).andExpect(status().isForbidden());
        perform(getJson("/rounds/" + round + "/responses/" + ngo), policeOfficer)
                .andExpect(status().isForbidden());

        // forum members see the consolidated scores and which questions diverge, not who said what
        for (Token member : List.of(unhcrOfficer, policeOfficer)) {
            ResultActions seen = perform(getJson("/rounds/" + round + "/scores"), member)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.respondentsAnswered").value(2))
                    .andExpect(jsonPath("$.respondents.length()").value(0))
                    .andExpect(jsonPath("$.divergences[0].answerCounts.Y").value(1));
            assertThat(seen.andReturn().getResponse().getContentAsString())
                    .doesNotContain(ministry.toString())
                    .doesNotContain(ngo.toString())
                    .doesNotContain("census")
                    .doesNotContain("Household");
        }
        // a respondent sees its own totals only
        String ngoView = perform(getJson("/rounds/" + round + "/scores"), ngoEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.respondents.length()").value(1))
                .andExpect(jsonPath("$.respondents[0].respondentId").value(ngo.toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ngoView).doesNotContain(ministry.toString());
        perform(getJson("/rounds/" + round + "/scores"), cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.respondents.length()").value(3))
                .andExpect(
                        jsonPath("$.divergences[0].answers['" + ministry + "']").value("Y"));
    }

    @Test
    void anEnforcementBodyReadsNoOneElsesEvidenceNotesEvenAsConvenor() throws Exception {
        UUID police = organisation("Uganda Police Force, Kampala " + tag(), "NATIONAL_GOVERNMENT_BODY", true, false);
        Token policeEditor = user("police-planner-" + tag(), police, "org-editor", "member");
        String round = createRound(
                roundJson("Police readiness review " + tag(), "UG", "UG-C", police, List.of(ngo), List.of()),
                policeEditor);
        perform(post("/rounds/" + round + "/open"), policeEditor).andExpect(status().isOk());
        perform(putJson("/rounds/" + round + "/responses/" + ngo, answersJson(NGO), null), ngoEditor)
                .andExpect(status().isOk());
        RecordedEvent submitted = awaitEvents(round, "AssessmentRoundOpened", "ChecklistResponseSubmitted")
                .get(1);
        assertThat(submitted.header("ce_dataclassification")).isEqualTo("ORGANISATION");

        ResultActions read = perform(getJson("/rounds/" + round + "/responses/" + ngo), policeEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidenceShown").value(false))
                .andExpect(jsonPath("$.answers[2].answer").value("N"));
        assertThat(read.andReturn().getResponse().getContentAsString()).doesNotContain("census");
        perform(getJson("/rounds/" + round + "/responses/" + ngo), ngoEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers[2].evidence").value("no disability breakdown in the 2024 census"));
    }

    @Test
    void roundsAreListedByPlaceStatusAndConvenorAsTheCallerMaySeeThem() throws Exception {
        UUID otherCity = organisation("Arua Municipal Council " + tag(), "LOCAL_GOVERNMENT", false, false);
        Token aruaEditor = user("arua-planner-" + tag(), otherCity, "org-editor", "member");
        String draft = createRound(
                roundJson("Kampala draft " + tag(), "UG", "UG-C", city, List.of(ngo), List.of()), cityEditor);
        String open = createRound(
                roundJson("Kampala open " + tag(), "UG", "UG-C", city, List.of(ngo), List.of()), cityEditor);
        perform(post("/rounds/" + open + "/open"), cityEditor).andExpect(status().isOk());
        String arua = createRound(
                roundJson("Arua open " + tag(), "UG", "UG-N", otherCity, List.of(ngo), List.of()), aruaEditor);
        perform(post("/rounds/" + arua + "/open"), aruaEditor).andExpect(status().isOk());

        List<String> cityList = json(perform(getJson("/rounds?convenor=" + city), cityEditor), "$.items[*].id");
        assertThat(cityList).contains(draft, open).doesNotContain(arua);
        List<String> ngoList = json(perform(getJson("/rounds?country=UG&size=200"), ngoEditor), "$.items[*].id");
        assertThat(ngoList).contains(open, arua).doesNotContain(draft);
        List<String> ngoKampala =
                json(perform(getJson("/rounds?subdivision=UG-C&status=OPEN&size=200"), ngoEditor), "$.items[*].id");
        assertThat(ngoKampala).contains(open).doesNotContain(arua, draft);
        List<String> aruaList = json(perform(getJson("/rounds?country=UG&size=200"), aruaEditor), "$.items[*].id");
        assertThat(aruaList).contains(arua).doesNotContain(open, draft);
        List<String> drafts = json(
                perform(getJson("/rounds?status=DRAFT&convenor=" + city + "&sort=title"), platformAdmin()),
                "$.items[*].id");
        assertThat(drafts).containsExactly(draft);
        perform(getJson("/rounds?sort=colour"), cityEditor).andExpect(status().isBadRequest());
    }
}
