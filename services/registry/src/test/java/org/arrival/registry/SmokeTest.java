package org.arrival.registry;

import org.junit.jupiter.api.Test;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SmokeTest extends RegistryIntegrationTest {

    @Test
    void platformAdminRegistersAnOrganisationAndItIsPublished() throws Exception {
        var admin = user("admin", null, "platform-admin");
        String body = perform(postJson("/stakeholders", """
                {"name":"Kampala Capital City Authority","acronym":"KCCA","type":"LOCAL_GOVERNMENT",
                 "governmentLevel":"MUNICIPAL","jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "sectors":["URBAN_PLANNING","HEALTH"]}"""), admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        events.awaitExactlyOne("org.arrival.registry.StakeholderRegistered.v1", id);
        perform(getJson("/stakeholders/" + id), admin).andExpect(status().isOk());
    }
}
