package org.arrival.assessments.checklist;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.arrival.assessments.AssessmentsIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The instrument over HTTP, as a respondent's tool would fetch it. */
class ChecklistApiTest extends AssessmentsIntegrationTest {

    @Test
    void anyMemberReadsTheCurrentInstrumentWithItsMaxima() throws Exception {
        var member = user(
                "amina",
                organisation(
                        "Kisenyi Women's Savings Circle " + UUID.randomUUID(),
                        "MIGRANT_REFUGEE_IDP_ASSOCIATION",
                        false,
                        false),
                "member");
        perform(getJson("/checklist"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendations.length()").value(10))
                .andExpect(jsonPath("$.maxScore").value(190))
                .andExpect(jsonPath("$.recommendations[0].code").value("R1"))
                .andExpect(jsonPath("$.recommendations[0].maxScore").value(24))
                .andExpect(jsonPath("$.recommendations[0].actions[0].questions[0].code")
                        .value("1.1.a"));
        perform(getJson("/checklist/versions/1"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void anUnknownVersionIsNotFoundAndAnonymousCallersAreRefused() throws Exception {
        var member = user("amina", UUID.randomUUID(), "member");
        perform(getJson("/checklist/versions/99"), member)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        perform(getJson("/checklist/versions/latest"), member).andExpect(status().isBadRequest());
        perform(getJson("/checklist"), null).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiIsDescribedForEveryFeature() throws Exception {
        perform(getJson("/v3/api-docs"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/checklist")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/rounds")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/rounds/{id}/scores")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/population")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/needs")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/inputs")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/forums/{forumId}/spreadsheet")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/forums/{forumId}/spreadsheet-imports")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/spreadsheet-imports/{id}/confirmation")));
    }
}
