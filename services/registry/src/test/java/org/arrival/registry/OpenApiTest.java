package org.arrival.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class OpenApiTest extends RegistryIntegrationTest {

    @Test
    void apiDocsArePublicAndDescribeTheRegistry() throws Exception {
        var result = perform(getJson("/v3/api-docs"), null).andExpect(status().isOk());
        java.util.Map<String, Object> paths = json(result, "$.paths");
        assertThat(paths)
                .containsKeys(
                        "/stakeholders",
                        "/stakeholders/{id}",
                        "/forums",
                        "/forums/{id}",
                        "/forums/{id}/memberships",
                        "/forums/{id}/memberships/{membershipId}");
        assertThat((java.util.Map<String, Object>) json(result, "$.paths['/forums/{id}/memberships']"))
                .containsKeys("get", "post");
        assertThat((java.util.Map<String, Object>) json(result, "$.paths['/stakeholders']"))
                .containsKeys("get", "post");
    }
}
