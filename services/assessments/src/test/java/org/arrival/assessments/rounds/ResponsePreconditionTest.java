package org.arrival.assessments.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 8 of issue 13: a respondent's answers were replaced by whoever wrote last, so one editor silently undid
 * another's. Answers now carry an ETag; the first submission may go without a precondition (or with
 * {@code If-None-Match: *}, which fails if someone answered meanwhile), and a replacement needs the ETag it replaces.
 */
class ResponsePreconditionTest extends RoundsIntegrationTest {

    private String round;
    private String path;

    @BeforeEach
    void setUp() throws Exception {
        kampala();
        round = createRound(
                roundJson("Kampala readiness " + tag(), "UG", "UG-C", city, List.of(ngo, ministry), List.of()),
                cityEditor);
        perform(post("/rounds/" + round + "/open"), cityEditor).andExpect(status().isOk());
        path = "/rounds/" + round + "/responses/" + ngo;
    }

    private String answersOf() {
        return jdbc.queryForList(
                        "SELECT answer FROM round_answer WHERE round_id = ? AND respondent_id = ? ORDER BY position",
                        String.class,
                        UUID.fromString(round),
                        ngo)
                .toString();
    }

    @Test
    void aReplacementNeedsTheETagOfTheAnswersItReplaces() throws Exception {
        perform(getJson(path), ngoEditor).andExpect(status().isOk()).andExpect(header().doesNotExist("ETag"));
        perform(putJson(path, answersJson("1.1.a=Y", "1.1.b=S"), null), ngoEditor)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        perform(getJson(path), ngoEditor).andExpect(header().string("ETag", "\"1\""));
        perform(getJson(path), cityEditor).andExpect(header().string("ETag", "\"1\""));

        expectProblem(perform(putJson(path, answersJson("1.1.a=N"), null), ngoEditor), 428, "If-Match");
        expectProblem(perform(putJson(path, answersJson("1.1.a=N"), "\"2\""), ngoEditor), 412, "version 2");
        expectProblem(
                perform(putJson(path, answersJson("1.1.a=N"), null).header("If-None-Match", "*"), ngoEditor),
                412,
                "already");
        assertThat(answersOf()).isEqualTo("[Y, S]");

        perform(putJson(path, answersJson("1.1.a=N"), "\"1\""), ngoEditor)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.answered").value(1));
        expectProblem(perform(putJson(path, answersJson("1.1.a=S"), "\"1\""), ngoEditor), 412, "version 1");
        perform(putJson(path, answersJson("1.1.a=S"), "*"), ngoEditor)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""));
        assertThat(answersOf()).isEqualTo("[S]");
        expectProblem(perform(putJson(path, answersJson("1.1.a=Y"), "yesterday"), ngoEditor), 400, "If-Match");
        assertThat(rows("round_revision", UUID.fromString(round))).isEqualTo(1 + 1 + 3);
    }

    @Test
    void theFirstSubmissionGoesWithoutAPreconditionOrWithIfNoneMatch() throws Exception {
        String other = "/rounds/" + round + "/responses/" + ministry;
        expectProblem(perform(putJson(other, answersJson("1.1.a=Y"), "\"1\""), ministryEditor), 412, "version 1");
        expectProblem(perform(putJson(other, answersJson("1.1.a=Y"), "*"), ministryEditor), 412, "no answers");
        expectProblem(
                perform(putJson(other, answersJson("1.1.a=Y"), null).header("If-None-Match", "\"1\""), ministryEditor),
                400,
                "If-None-Match");
        assertThat(rows("round_response", UUID.fromString(round))).isZero();
        perform(putJson(other, answersJson("1.1.a=Y"), null).header("If-None-Match", "*"), ministryEditor)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        perform(putJson(path, answersJson("1.1.a=Y"), null), ngoEditor)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
    }
}
