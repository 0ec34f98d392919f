package org.arrival.assessments.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Every malformed request about rounds is a 4xx problem that names what is wrong, and writes nothing. */
class RoundBadInputTest extends RoundsIntegrationTest {

    record Bad(String label, String body, int status, String detailContains) {}

    private String t;

    @BeforeEach
    void setUp() {
        kampala();
        t = tag();
    }

    private static void expectProblem(String label, ResultActions result, int status, String detailContains)
            throws Exception {
        try {
            expectProblem(result, status, detailContains);
        } catch (AssertionError e) {
            throw new AssertionError(
                    label + ": " + e.getMessage() + "\n"
                            + result.andReturn().getResponse().getContentAsString(),
                    e);
        }
    }

    private int roundsTitled() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM round_assessment WHERE title LIKE ?", Integer.class, "%" + t + "%");
    }

    @Test
    void badRoundsAreRefusedAndNothingIsStored() throws Exception {
        String title = "Kampala readiness " + t;
        String valid = roundJson(title, "UG", "UG-C", city, List.of(ministry, ngo), List.of());
        List<UUID> fiftyOne =
                new ArrayList<>(IntStream.range(0, 51).mapToObj(i -> ministry).toList());
        List<UUID> fiftyOneDistinct =
                IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID()).toList();
        UUID unknown = UUID.randomUUID();
        UUID archived = organisation("Dissolved Kampala Youth Network " + t, "NGO", false, false);
        jdbc.update("UPDATE organisation SET status = 'ARCHIVED' WHERE id = ?", archived);
        List<Bad> bad = List.of(
                new Bad(
                        "empty respondents",
                        roundJson(title, "UG", null, city, List.of(), List.of()),
                        400,
                        "respondentIds"),
                new Bad("no respondents", valid.replaceAll("\"respondentIds\":\\[[^]]*],", ""), 400, "respondentIds"),
                new Bad(
                        "51 respondents",
                        roundJson(title, "UG", null, city, fiftyOneDistinct, List.of()),
                        400,
                        "respondentIds"),
                new Bad(
                        "51 repeated respondents",
                        roundJson(title, "UG", null, city, fiftyOne, List.of()),
                        400,
                        "respondentIds"),
                new Bad(
                        "a respondent twice",
                        roundJson(title, "UG", null, city, List.of(ngo, ngo), List.of()),
                        400,
                        "twice"),
                new Bad(
                        "unknown respondent",
                        roundJson(title, "UG", null, city, List.of(ngo, unknown), List.of()),
                        422,
                        unknown.toString()),
                new Bad(
                        "archived respondent",
                        roundJson(title, "UG", null, city, List.of(archived), List.of()),
                        422,
                        "ARCHIVED"),
                new Bad("respondent not a UUID", valid.replace(ngo.toString(), "ngo"), 400, "respondentIds"),
                new Bad("no title", valid.replace("\"title\":\"" + title + "\",", ""), 400, "title"),
                new Bad("blank title", valid.replace(title, "   "), 400, "title"),
                new Bad("title of 301", valid.replace(title, title + "x".repeat(301 - title.length())), 400, "title"),
                new Bad(
                        "country Uganda",
                        valid.replace("\"country\":\"UG\"", "\"country\":\"Uganda\""),
                        400,
                        "country"),
                new Bad("no jurisdiction", valid.replaceAll("\"jurisdiction\":\\{[^}]*},", ""), 400, "jurisdiction"),
                new Bad("bad subdivision", valid.replace("UG-C", "Central"), 400, "subdivision"),
                new Bad("bad closing date", valid.replace("2026-12-31", "31/12/2026"), 400, "closesOn"),
                new Bad("unknown property", valid.replace("\"title\"", "\"colour\":\"blue\",\"title\""), 400, "colour"),
                new Bad(
                        "status in the body",
                        valid.replace("\"title\"", "\"status\":\"PUBLISHED\",\"title\""),
                        400,
                        "status"),
                new Bad("malformed JSON", valid.substring(0, 40), 400, "JSON"),
                new Bad("not an object", "[1,2,3]", 400, "body"),
                new Bad("empty body", "", 400, "JSON"));
        for (Bad b : bad) {
            expectProblem(
                    b.label(), perform(postJson("/rounds", b.body()), cityEditor), b.status(), b.detailContains());
        }
        // a platform administrator may create for any convenor, but it must be known
        expectProblem(
                "unknown convenor",
                perform(
                        postJson("/rounds", roundJson(title, "UG", null, unknown, List.of(ngo), List.of())),
                        platformAdmin()),
                422,
                "convenorId");
        expectProblem(
                "wrong content type",
                perform(post("/rounds").contentType(MediaType.TEXT_PLAIN).content(valid), cityEditor),
                415,
                "application/json");
        assertThat(roundsTitled()).isZero();
    }

    @Test
    void badEditsChangeNothing() throws Exception {
        String round = createRound(roundJson("Kampala " + t, "UG", "UG-C", city, List.of(ngo), List.of()), cityEditor);
        expectProblem(
                "unknown respondent",
                perform(
                        putJson(
                                "/rounds/" + round,
                                roundJson(
                                        "Kampala " + t, "UG", "UG-C", city, List.of(ngo, UUID.randomUUID()), List.of()),
                                "\"1\""),
                        cityEditor),
                422,
                "respondentIds");
        expectProblem(
                "empty respondents",
                perform(
                        putJson(
                                "/rounds/" + round,
                                roundJson("Kampala " + t, "UG", "UG-C", city, List.of(), List.of()),
                                "\"1\""),
                        cityEditor),
                400,
                "respondentIds");
        expectProblem(
                "bad If-Match",
                perform(
                        putJson(
                                "/rounds/" + round,
                                roundJson("Kampala " + t, "UG", "UG-C", city, List.of(ngo), List.of()),
                                "yesterday"),
                        cityEditor),
                400,
                "If-Match");
        perform(getJson("/rounds/" + round), cityEditor)
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("ETag", "\"1\""))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$.respondentIds.length()")
                        .value(1));
        assertThat(rows("round_revision", UUID.fromString(round))).isEqualTo(1);
    }

    @Test
    void badAnswersAreRefusedAndNothingIsStoredOrPublished() throws Exception {
        String round = createRound(roundJson("Kampala " + t, "UG", "UG-C", city, List.of(ngo), List.of()), cityEditor);
        perform(post("/rounds/" + round + "/open"), cityEditor).andExpect(status().isOk());
        awaitEvents(round, "AssessmentRoundOpened");
        String path = "/rounds/" + round + "/responses/" + ngo;
        List<Bad> bad = List.of(
                new Bad("answer X", answersJson("1.1.a=Y", "1.1.b=X"), 400, "answers[1].answer"),
                new Bad("answer yes", answersJson("1.1.a=yes"), 400, "Y, S, N"),
                new Bad("unknown questions", answersJson("1.1.a=Y", "1.1.z=N", "99.1.a=S"), 400, "1.1.z, 99.1.a"),
                new Bad("a question twice", answersJson("1.1.a=Y", "1.1.a=N"), 400, "more than once"),
                new Bad("no question", "{\"answers\":[{\"answer\":\"Y\"}]}", 400, "question"),
                new Bad("no answer", "{\"answers\":[{\"question\":\"1.1.a\"}]}", 400, "answer"),
                new Bad("evidence of 2001", answersJson("1.1.a=Y:" + "e".repeat(2001)), 400, "evidence"),
                new Bad("no answers", "{}", 400, "answers"),
                new Bad("unknown property", "{\"answers\":[],\"respondent\":\"me\"}", 400, "respondent"),
                new Bad("malformed JSON", "{\"answers\":[{\"question\":", 400, "JSON"),
                new Bad("empty body", "", 400, "JSON"));
        for (Bad b : bad) {
            expectProblem(b.label(), perform(putJson(path, b.body(), null), ngoEditor), b.status(), b.detailContains());
        }
        expectProblem(
                "wrong content type",
                perform(put(path).contentType(MediaType.APPLICATION_XML).content("<answers/>"), ngoEditor),
                415,
                "application/json");
        expectProblem(
                "respondent not a UUID",
                perform(putJson("/rounds/" + round + "/responses/ngo", answersJson("1.1.a=Y"), null), ngoEditor),
                400,
                "respondentId");
        assertThat(rows("round_response", UUID.fromString(round))).isZero();
        assertThat(rows("round_answer", UUID.fromString(round))).isZero();
        awaitEvents(round, "AssessmentRoundOpened");

        // an empty list is a valid (if unhelpful) submission: partial answering is allowed
        perform(putJson(path, "{\"answers\":[]}", null), ngoEditor).andExpect(status().isOk());
        awaitEvents(round, "AssessmentRoundOpened", "ChecklistResponseSubmitted");
    }
}
