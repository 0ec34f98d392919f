package org.arrival.assessments.rounds;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.domain.Question;
import org.arrival.assessments.checklist.reference.InstrumentCatalogue;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two published rounds of Kampala, answered by the NGO alone. 2025: every R1 question S (12 of 24), the first R2
 * question Y (2). 2026: every R1 question Y (24 of 24), the first R2 question N (0). So over the questions assessed
 * in both (R1's 12 and the first of R2) R1 improved by 12, R2 regressed by 2, and overall the city improved by 10;
 * R3, assessed in neither round, has no trend.
 */
class RoundComparisonTest extends RoundsIntegrationTest {

    @Autowired
    InstrumentCatalogue catalogue;

    @BeforeEach
    void setUp() {
        kampala();
    }

    private String published(String title, String country, String subdivision, String r1, String r2) throws Exception {
        String round = createRound(
                roundJson(title + " " + tag(), country, subdivision, city, List.of(ngo), List.of()), cityEditor);
        perform(post("/rounds/" + round + "/open"), cityEditor).andExpect(status().isOk());
        Instrument instrument = catalogue.current();
        List<String> answers = new ArrayList<>();
        for (Question q : instrument.recommendation("R1").orElseThrow().questions()) {
            answers.add(q.code() + "=" + r1);
        }
        answers.add(
                instrument.recommendation("R2").orElseThrow().questions().get(0).code() + "=" + r2);
        perform(
                        putJson(
                                "/rounds/" + round + "/responses/" + ngo,
                                answersJson(answers.toArray(String[]::new)),
                                null),
                        ngoEditor)
                .andExpect(status().isOk());
        perform(post("/rounds/" + round + "/close"), cityEditor).andExpect(status().isOk());
        perform(post("/rounds/" + round + "/publish"), cityEditor).andExpect(status().isOk());
        return round;
    }

    @Test
    void aLaterRoundOfThePlaceShowsWhereItImprovedAndWhereItRegressed() throws Exception {
        String earlier = published("Kampala readiness 2025", "UG", "UG-C", "S", "Y");
        String later = published("Kampala readiness 2026", "UG", "UG-C", "Y", "N");
        int max = catalogue.current().maxScore();

        // published scores are public: anyone signed in may compare them
        Token stranger =
                user("stranger-" + tag(), organisation("Gulu NGO Forum " + tag(), "NGO", false, false), "member");
        perform(getJson("/rounds/compare?from=" + earlier + "&to=" + later), stranger)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(earlier))
                .andExpect(jsonPath("$.to").value(later))
                .andExpect(jsonPath("$.jurisdiction.subdivision").value("UG-C"))
                .andExpect(jsonPath("$.overall.from.points").value(14.0))
                .andExpect(jsonPath("$.overall.to.points").value(24.0))
                .andExpect(jsonPath("$.overall.to.max").value(max))
                .andExpect(jsonPath("$.overall.to.assessedMax").value(26))
                .andExpect(jsonPath("$.overall.to.questionsAssessed").value(13))
                .andExpect(jsonPath("$.overall.questionsCompared").value(13))
                .andExpect(jsonPath("$.overall.comparedMax").value(26))
                .andExpect(jsonPath("$.overall.fromPoints").value(14.0))
                .andExpect(jsonPath("$.overall.toPoints").value(24.0))
                .andExpect(jsonPath("$.overall.delta").value(10.0))
                .andExpect(jsonPath("$.overall.trend").value("IMPROVED"))
                .andExpect(jsonPath("$.recommendations[0].code").value("R1"))
                .andExpect(jsonPath("$.recommendations[0].from.points").value(12.0))
                .andExpect(jsonPath("$.recommendations[0].to.points").value(24.0))
                .andExpect(jsonPath("$.recommendations[0].delta").value(12.0))
                .andExpect(jsonPath("$.recommendations[0].trend").value("IMPROVED"))
                .andExpect(jsonPath("$.recommendations[1].code").value("R2"))
                .andExpect(jsonPath("$.recommendations[1].delta").value(-2.0))
                .andExpect(jsonPath("$.recommendations[1].trend").value("REGRESSED"))
                .andExpect(jsonPath("$.recommendations[1].questionsCompared").value(1))
                .andExpect(jsonPath("$.recommendations[2].questionsCompared").value(0))
                .andExpect(jsonPath("$.recommendations[2].delta").isEmpty())
                .andExpect(jsonPath("$.recommendations[2].trend").value("NOT_COMPARABLE"))
                .andExpect(jsonPath("$.recommendations[2].from.share").isEmpty())
                .andExpect(jsonPath("$.recommendations.length()")
                        .value(catalogue.current().recommendations().size()));

        perform(getJson("/rounds/compare?from=" + later + "&to=" + earlier), cityEditor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall.delta").value(-10.0))
                .andExpect(jsonPath("$.overall.trend").value("REGRESSED"))
                .andExpect(jsonPath("$.recommendations[1].trend").value("IMPROVED"));
    }

    @Test
    void onlyPublishedRoundsOfTheSamePlaceAreCompared() throws Exception {
        String kampala = published("Kampala readiness 2025", "UG", "UG-C", "S", "Y");
        String nairobi = published("Nairobi readiness 2025", "KE", null, "Y", "Y");
        expectProblem(
                perform(getJson("/rounds/compare?from=" + kampala + "&to=" + nairobi), cityEditor),
                422,
                "same jurisdiction");
        String open = createRound(
                roundJson("Kampala readiness 2027", "UG", "UG-C", city, List.of(ngo), List.of()), cityEditor);
        perform(post("/rounds/" + open + "/open"), cityEditor).andExpect(status().isOk());
        expectProblem(
                perform(getJson("/rounds/compare?from=" + kampala + "&to=" + open), cityEditor), 409, "published");
        Token outsider = user(
                "outsider-" + tag(),
                organisation("Mombasa County " + tag(), "LOCAL_GOVERNMENT", false, false),
                "org-editor");
        perform(getJson("/rounds/compare?from=" + kampala + "&to=" + open), outsider)
                .andExpect(status().isNotFound());
        perform(getJson("/rounds/compare?from=" + kampala + "&to=" + UUID.randomUUID()), cityEditor)
                .andExpect(status().isNotFound());
        expectProblem(perform(getJson("/rounds/compare?from=" + kampala + "&to=later"), cityEditor), 400, "to");
        perform(getJson("/rounds/compare?from=" + kampala), cityEditor).andExpect(status().isBadRequest());
        perform(getJson("/rounds/compare?from=" + kampala + "&to=" + nairobi), null)
                .andExpect(status().isUnauthorized());
    }
}
