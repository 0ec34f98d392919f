package org.arrival.web.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.arrival.web.SignedIn;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The rounds' pages against stub services: convening a round sends the API's fields and shows refusals at their
 * fields; a round's page offers its steps to the convenor and answers' pages only to who may see them; a respondent's
 * page saves its recommendation's answers with the others it gave and the ETag it was opened on, and a stale one
 * keeps what was chosen; the scores page writes its numbers beside the charts and hides who said what from others.
 */
class RoundPagesTest extends WebTest {

    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID RLO = UUID.fromString("5fdf833c-73d9-4274-b65b-49a42520c0a1");
    static final UUID DONOR = UUID.fromString("67c67961-7942-4b1a-925e-f332d4cbdb1b");
    static final UUID ROUND = UUID.fromString("7d2b9c1e-3f4a-4b5c-8d6e-9f0a1b2c3d4e");
    static final UUID EARLIER = UUID.fromString("8e3c0d2f-4a5b-4c6d-9e7f-0a1b2c3d4e5f");

    static final SignedIn CONVENOR = SignedIn.as("kcca-coordinator", CITY, "org-editor", "org-admin");
    static final SignedIn NGO_EDITOR = SignedIn.as("ngo-editor", NGO, "org-editor");
    static final SignedIn DONOR_VIEWER = SignedIn.as("donor-viewer", DONOR);

    static final String ROUND_JSON = """
            {"id":"%s","version":%d,"title":"Kampala readiness 2026","status":"%s",
             "jurisdiction":{"country":"UG","subdivision":"UG-C"},"convenorId":"%s","respondentIds":["%s","%s"],
             "closesOn":"2026-12-15","createdAt":"2026-11-01T09:00:00Z"}""";

    static final String CHECKLIST = """
            {"id":"un-habitat-urban-migration-checklist","version":1,"title":"Readiness checklist","recommendations":[
              {"code":"R1","title":"Build an evidence base","actions":[
                {"code":"1.1","title":"Count the people","questions":[
                  {"code":"1.1.a","text":"Is there a regular count of displaced residents?"},
                  {"code":"1.1.b","text":"Is the count broken down by sex and age?"}]}]},
              {"code":"R2","title":"Include displaced people in planning","actions":[
                {"code":"2.1","title":"Plan together","questions":[
                  {"code":"2.1.a","text":"Do displaced residents sit on planning committees?"}]}]}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        organisation(CITY, "Kampala Capital City Authority");
        organisation(NGO, "Horizon Relief International");
        organisation(RLO, "Refugee-led Voices");
        round(4, "OPEN");
        SERVICES.answer("GET", "/checklist", 200, CHECKLIST);
        SERVICES.answer("GET", "/stakeholders", 200, """
                {"items":[{"id":"%s","version":1,"name":"Horizon Relief International","acronym":"HRI","status":"ACTIVE"},
                          {"id":"%s","version":1,"name":"Refugee-led Voices","status":"ACTIVE"},
                          {"id":"%s","version":1,"name":"Closed Charity","status":"ARCHIVED"}],
                 "page":0,"totalPages":1}""".formatted(NGO, RLO, UUID.randomUUID()));
    }

    private static void organisation(UUID id, String name) {
        SERVICES.answer("GET", "/stakeholders/" + id, 200, """
                {"id":"%s","version":1,"name":"%s","type":"NGO","jurisdiction":{"country":"UG","subdivision":"UG-C"}}""".formatted(id, name));
    }

    private static void round(int version, String status) {
        SERVICES.answer("GET", "/rounds/" + ROUND, 200, ROUND_JSON.formatted(ROUND, version, status, CITY, NGO, RLO));
    }

    private static void response(UUID respondent, String answers, int answered, String etag) {
        SERVICES.answerTagged(
                "GET",
                "/rounds/" + ROUND + "/responses/" + respondent,
                200,
                """
                {"roundId":"%s","respondentId":"%s","submittedAt":"2026-11-20T10:00:00Z","answered":%d,"questions":95,
                 "evidenceShown":true,"answers":[%s]}""".formatted(ROUND, respondent, answered, answers),
                etag);
    }

    @Test
    void theListOffersToConveneOnlyToEditors() throws Exception {
        SERVICES.answer("GET", "/rounds", 200, """
                {"items":[%s],"page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(ROUND_JSON.formatted(ROUND, 4, "OPEN", CITY, NGO, RLO)));
        assertThat(html(get("/rounds").with(as(CONVENOR)), 200))
                .contains(
                        "href=\"/rounds/" + ROUND + "\">Kampala readiness 2026</a>",
                        "UG-C",
                        "Open",
                        "id=\"new-round\"");
        assertThat(html(get("/rounds").with(as(DONOR_VIEWER)), 200))
                .contains("Kampala readiness 2026")
                .doesNotContain("id=\"new-round\"");
    }

    @Test
    void conveningSendsTheApisFieldsAndARefusalIsShownAtItsFieldWithWhatWasTyped() throws Exception {
        String form = html(get("/rounds/new").with(as(CONVENOR)), 200);
        assertThat(form)
                .contains(
                        "name=\"jurisdiction.country\" type=\"text\" value=\"UG\"",
                        "name=\"respondentIds\" type=\"checkbox\" value=\"" + NGO + "\"",
                        "Horizon Relief International (HRI)",
                        "Refugee-led Voices")
                .doesNotContain("Closed Charity");

        SERVICES.answer("POST", "/rounds", 422, """
                {"status":422,"title":"Unprocessable reference",
                 "errors":[{"field":"respondentIds[1]","message":"the organisation is SUSPENDED and cannot take part"},
                           {"field":"title","message":"must not be blank","code":"validation.NotBlank"}]}""");
        String refused = html(
                post("/rounds/new")
                        .with(csrf())
                        .with(as(CONVENOR))
                        .cookie(new Cookie(Languages.COOKIE, "es"))
                        .param("title", "")
                        .param("jurisdiction.country", "ug")
                        .param("jurisdiction.subdivision", "UG-C")
                        .param("respondentIds", NGO.toString(), RLO.toString())
                        .param("closesOn", "2026-12-15"),
                200);
        assertThat(refused)
                .contains("<html lang=\"es\"", "<div id=\"field-respondentIds-error\">", "cannot take part")
                .contains("<div id=\"field-title-error\">")
                .contains("value=\"2026-12-15\"", "value=\"" + RLO + "\"\n", "checked");
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .extracting(StubServices.Request::body)
                .asString()
                .contains(
                        "\"jurisdiction\":{\"country\":\"UG\",\"subdivision\":\"UG-C\"}",
                        "\"convenorId\":\"" + CITY + "\"",
                        "\"respondentIds\":[\"" + NGO + "\",\"" + RLO + "\"]",
                        "\"closesOn\":\"2026-12-15\"")
                .doesNotContain("\"title\"");

        SERVICES.answer("POST", "/rounds", 201, ROUND_JSON.formatted(ROUND, 0, "DRAFT", CITY, NGO, RLO));
        mvc.perform(post("/rounds/new")
                        .with(csrf())
                        .with(as(CONVENOR))
                        .param("title", "Kampala readiness 2026")
                        .param("jurisdiction.country", "UG")
                        .param("respondentIds", NGO.toString()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/rounds/" + ROUND));
    }

    @Test
    void theConvenorSeesEveryRespondentsProgressAndItsStepAndOthersOnlyWhatTheyMaySee() throws Exception {
        response(NGO, "{\"question\":\"1.1.a\",\"answer\":\"Y\"}", 1, "\"2\"");
        response(RLO, "", 0, "\"1\"");
        String convenor = html(get("/rounds/" + ROUND).with(as(CONVENOR)), 200);
        assertThat(convenor)
                .contains(
                        "href=\"/rounds/" + ROUND + "/responses/" + NGO + "\">Horizon Relief International</a>",
                        "1 of 95 questions answered",
                        "href=\"/rounds/" + ROUND + "/responses/" + RLO + "\"",
                        "id=\"step-close\"",
                        "name=\"version\" value=\"4\"")
                .doesNotContain("id=\"answer-round\"");

        String respondent = html(get("/rounds/" + ROUND).with(as(NGO_EDITOR)), 200);
        assertThat(respondent)
                .contains("id=\"answer-round\"", "href=\"/rounds/" + ROUND + "/responses/" + NGO + "\"")
                .doesNotContain("/responses/" + RLO, "id=\"step-close\"");

        String donor = html(get("/rounds/" + ROUND).with(as(DONOR_VIEWER)), 200);
        assertThat(donor)
                .contains("Horizon Relief International", "Refugee-led Voices", "id=\"round-scores\"")
                .doesNotContain("/responses/", "id=\"answer-round\"", "id=\"step-");
        // the donor read no one's answers
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().contains("/responses/")
                        && r.authorization().equals("Bearer " + DONOR_VIEWER.accessToken()))
                .isEmpty();

        // asked directly, the service refuses and the page says so plainly
        SERVICES.answer("GET", "/rounds/" + ROUND + "/responses/" + NGO, 403, """
                {"status":403,"title":"Forbidden","detail":"A respondent's own answers are read by the convenor"}""");
        assertThat(html(get("/rounds/" + ROUND + "/responses/" + NGO).with(as(DONOR_VIEWER)), 403))
                .contains("These answers are not yours to see", "The answers of Horizon Relief International");
    }

    @Test
    void aStepGoesWithTheVersionReadAndAStaleOneComesBackToTheRoundsPage() throws Exception {
        SERVICES.answer(
                "POST", "/rounds/" + ROUND + "/close", 200, ROUND_JSON.formatted(ROUND, 5, "CLOSED", CITY, NGO, RLO));
        mvc.perform(post("/rounds/" + ROUND + "/close")
                        .with(csrf())
                        .with(as(CONVENOR))
                        .param("version", "4"))
                .andExpect(redirectedUrl("/rounds/" + ROUND))
                .andExpect(flash().attribute("notice", "The round is closed to answers."));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .extracting(StubServices.Request::ifMatch)
                .isEqualTo("\"4\"");

        SERVICES.answer(
                "POST", "/rounds/" + ROUND + "/publish", 412, "{\"status\":412,\"title\":\"Precondition failed\"}");
        mvc.perform(post("/rounds/" + ROUND + "/publish")
                        .with(csrf())
                        .with(as(CONVENOR))
                        .param("version", "5"))
                .andExpect(redirectedUrl("/rounds/" + ROUND))
                .andExpect(
                        flash().attribute(
                                        "refusal",
                                        "Someone changed the round meanwhile. Here it is as it is now; check it and try again."));
        mvc.perform(post("/rounds/" + ROUND + "/delete").with(csrf()).with(as(CONVENOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRespondentSeesItsSavedAnswersAndHowFarItIsAndSavingKeepsItsOtherAnswers() throws Exception {
        response(NGO, """
                {"question":"1.1.a","answer":"S","evidence":"Division count, 2025"},
                {"question":"2.1.a","answer":"N"}""", 2, "\"7\"");
        mvc.perform(get("/rounds/" + ROUND + "/answers").with(as(NGO_EDITOR)))
                .andExpect(redirectedUrl("/rounds/" + ROUND + "/answers/R1"));
        String page = html(get("/rounds/" + ROUND + "/answers/R1").with(as(NGO_EDITOR)), 200);
        assertThat(page)
                .contains(
                        "2 of 95 questions answered in all",
                        "Is there a regular count of displaced residents?",
                        "available in English only",
                        "name=\"answer.1.1.a\" type=\"radio\" value=\"S\" checked",
                        ">Division count, 2025</textarea>",
                        "name=\"etag\" value=\"&#34;7&#34;\"",
                        "id=\"save-next\"")
                .doesNotContain("id=\"save-previous\"");
        assertThat(page.substring(page.indexOf("id=\"recommendation-progress\"")))
                .contains("R1</a>\n          — 1 of 2 answered", "R2</a>\n          — 1 of 1 answered");

        SERVICES.answerTagged("PUT", "/rounds/" + ROUND + "/responses/" + NGO, 200, """
                {"roundId":"%s","respondentId":"%s","answered":3,"questions":95,"evidenceShown":true,"answers":[]}""".formatted(ROUND, NGO), "\"8\"");
        mvc.perform(post("/rounds/" + ROUND + "/answers/R1")
                        .with(csrf())
                        .with(as(NGO_EDITOR))
                        .param("etag", "\"7\"")
                        .param("answer.1.1.a", "Y")
                        .param("evidence.1.1.a", "KCCA count, 2026")
                        .param("answer.1.1.b", "N")
                        .param("go", "next"))
                .andExpect(redirectedUrl("/rounds/" + ROUND + "/answers/R2"))
                .andExpect(flash().attribute("notice", "Your answers are saved: 3 of 95 questions answered."));
        var put = SERVICES.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .findFirst()
                .orElseThrow();
        assertThat(put.ifMatch()).isEqualTo("\"7\"");
        assertThat(put.body())
                .contains(
                        "{\"question\":\"2.1.a\",\"answer\":\"N\",\"evidence\":null}",
                        "{\"question\":\"1.1.a\",\"answer\":\"Y\",\"evidence\":\"KCCA count, 2026\"}",
                        "{\"question\":\"1.1.b\",\"answer\":\"N\",\"evidence\":null}")
                .doesNotContain("Division count");

        // another respondent's page, or a closed round, is not offered
        html(get("/rounds/" + ROUND + "/answers/R1").with(as(DONOR_VIEWER)), 403);
    }

    @Test
    void aStaleSaveKeepsWhatWasChosenWithTheNewETagAndARefusedNoteIsShownAtItsQuestion() throws Exception {
        response(NGO, "{\"question\":\"2.1.a\",\"answer\":\"N\"}", 1, "\"9\"");
        SERVICES.answer(
                "PUT",
                "/rounds/" + ROUND + "/responses/" + NGO,
                412,
                "{\"status\":412,\"title\":\"Precondition failed\"}");
        String stale = html(
                post("/rounds/" + ROUND + "/answers/R1")
                        .with(csrf())
                        .with(as(NGO_EDITOR))
                        .param("etag", "\"7\"")
                        .param("answer.1.1.a", "Y")
                        .param("evidence.1.1.a", "KCCA count, 2026"),
                200);
        assertThat(stale)
                .contains(
                        "Someone else changed this record",
                        "name=\"etag\" value=\"&#34;9&#34;\"",
                        "name=\"answer.1.1.a\" type=\"radio\" value=\"Y\" checked",
                        ">KCCA count, 2026</textarea>");

        SERVICES.answer("PUT", "/rounds/" + ROUND + "/responses/" + NGO, 400, """
                {"status":400,"title":"Invalid input",
                 "errors":[{"field":"answers[1].evidence","message":"size must be between 0 and 2000",
                            "code":"validation.Size","parameters":{"max":2000,"min":0}}]}""");
        String refused = html(
                post("/rounds/" + ROUND + "/answers/R1")
                        .with(csrf())
                        .with(as(NGO_EDITOR))
                        .param("etag", "\"9\"")
                        .param("answer.1.1.a", "Y")
                        .param("evidence.1.1.a", "x".repeat(2001)),
                200);
        assertThat(refused).contains("<div id=\"field-evidence-1-1-a-error\">", "aria-invalid=\"true\"");

        // a note on a question left not assessed is not dropped silently: the page asks for the answer, sends nothing
        long puts = SERVICES.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .count();
        String noAnswer = html(
                post("/rounds/" + ROUND + "/answers/R1")
                        .with(csrf())
                        .with(as(NGO_EDITOR))
                        .param("etag", "\"9\"")
                        .param("answer.1.1.a", "")
                        .param("evidence.1.1.a", "Ward meeting minutes"),
                200);
        assertThat(noAnswer)
                .contains("<div id=\"field-answer-1-1-a-error\">", "Choose an answer to keep this evidence note")
                .contains(">Ward meeting minutes</textarea>");
        assertThat(SERVICES.requests().stream().filter(r -> r.method().equals("PUT")))
                .hasSize((int) puts);
    }

    @Test
    void theScoresPageWritesItsNumbersBesideTheChartsAndComparesWithThePreviousRound() throws Exception {
        round(7, "PUBLISHED");
        String score = """
                {"points":%s,"max":%d,"assessedMax":%d,"questionsAssessed":%d,"questions":%d,"share":%s}""";
        SERVICES.answer("GET", "/rounds/" + ROUND + "/scores", 200, """
                {"roundId":"%s","status":"PUBLISHED","overall":%s,"respondentsAnswered":2,
                 "recommendations":[{"code":"R1","score":%s,"actions":[{"code":"1.1","score":%s,"questions":[
                   {"code":"1.1.a","score":%s,"points":1.5,"answeredBy":2,"unanswered":false,"divergent":true},
                   {"code":"1.1.b","score":%s,"points":null,"answeredBy":0,"unanswered":true,"divergent":false}]}]},
                   {"code":"R2","score":%s,"actions":[]}],
                 "respondents":[],
                 "divergences":[{"question":"1.1.a","answerCounts":{"Y":1,"S":1,"N":0},"answers":null}]}""".formatted(
                        ROUND,
                        score.formatted("1.5", 6, 2, 1, 3, "0.75"),
                        score.formatted("1.5", 4, 2, 1, 2, "0.75"),
                        score.formatted("1.5", 4, 2, 1, 2, "0.75"),
                        score.formatted("1.5", 2, 2, 1, 1, "0.75"),
                        score.formatted("0", 2, 0, 0, 1, "null"),
                        score.formatted("0", 2, 0, 0, 1, "null")));
        SERVICES.answer("GET", "/rounds", 200, """
                {"items":[%s,%s],"page":0,"size":50,"totalItems":2,"totalPages":1}""".formatted(
                        ROUND_JSON.formatted(ROUND, 7, "PUBLISHED", CITY, NGO, RLO),
                        ROUND_JSON
                                .formatted(EARLIER, 9, "PUBLISHED", CITY, NGO, RLO)
                                .replace("Kampala readiness 2026", "Kampala readiness 2025")
                                .replace("2026-11-01T09:00:00Z", "2025-11-01T09:00:00Z")));
        String delta = """
                {"code":%s,"from":%s,"to":%s,"questionsCompared":%d,"comparedMax":%d,"fromPoints":%s,"toPoints":%s,
                 "delta":%s,"trend":"%s"}""";
        SERVICES.answer("GET", "/rounds/compare", 200, """
                {"from":"%s","to":"%s","overall":%s,"recommendations":[%s,%s]}""".formatted(
                        EARLIER,
                        ROUND,
                        delta.formatted(
                                "null",
                                score.formatted("1", 6, 2, 1, 3, "0.5"),
                                score.formatted("1.5", 6, 2, 1, 3, "0.75"),
                                1,
                                2,
                                "1",
                                "1.5",
                                "0.5",
                                "IMPROVED"),
                        delta.formatted(
                                "\"R1\"",
                                score.formatted("1", 4, 2, 1, 2, "0.5"),
                                score.formatted("1.5", 4, 2, 1, 2, "0.75"),
                                1,
                                2,
                                "1",
                                "1.5",
                                "0.5",
                                "IMPROVED"),
                        delta.formatted(
                                "\"R2\"",
                                score.formatted("0", 2, 0, 0, 1, "null"),
                                score.formatted("0", 2, 0, 0, 1, "null"),
                                0,
                                0,
                                "0",
                                "0",
                                "null",
                                "NOT_COMPARABLE")));

        String page = html(get("/rounds/" + ROUND + "/scores").with(as(DONOR_VIEWER)), 200);
        assertThat(page)
                .contains("1.5 of 2 points (75%)", "1 of 3 questions assessed", "2 respondents answered")
                // the chart's value beside its bar, and its numbers as a table
                .contains("<text class=\"value\"", ">75%</text>", "<th scope=\"row\">R1</th>")
                .contains("Is there a regular count of displaced residents?", "(answers differ)", "Not assessed")
                .contains("data-question=\"1.1.a\"", "Shown to the convenor only")
                .contains("Compared with Kampala readiness 2025", "Improved", ">50% → 75%</text>")
                .contains("Not comparable: no question was assessed in both rounds");
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/rounds/compare"))
                .singleElement()
                .extracting(StubServices.Request::query)
                .isEqualTo("from=" + EARLIER + "&to=" + ROUND);
    }
}
