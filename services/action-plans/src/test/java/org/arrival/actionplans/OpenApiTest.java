package org.arrival.actionplans;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The API description is public and covers every feature of the service. */
class OpenApiTest extends ActionPlansIntegrationTest {

    @Test
    void everyFeatureIsDescribed() throws Exception {
        perform(getJson("/v3/api-docs"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/plans")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/actions")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/actions/{id}/cascade")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/frameworks")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/actions/{actionId}/reports")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/actions/{actionId}/funding")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/actions/{actionId}/contributions")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/forums/{forumId}/spreadsheet")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/forums/{forumId}/spreadsheet-imports")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/spreadsheet-imports/{id}/confirmation")));
    }

    @Test
    void anActionsOrientationIsDescribedWithItsValuesAndIsOptional() throws Exception {
        perform(getJson("/v3/api-docs"), null)
                .andExpect(jsonPath("$.components.schemas.ActionInput.properties.orientation.enum")
                        .value(Matchers.contains("HUMANITARIAN", "DEVELOPMENT", "PEACEBUILDING", "NEXUS")))
                .andExpect(jsonPath("$.components.schemas.ActionInput.required")
                        .value(Matchers.allOf(Matchers.hasItem("kind"), Matchers.not(Matchers.hasItem("orientation")))))
                .andExpect(jsonPath("$.components.schemas.ActionView.properties.orientation.enum")
                        .value(Matchers.contains("HUMANITARIAN", "DEVELOPMENT", "PEACEBUILDING", "NEXUS")));
    }
}
