package org.arrival.notifications;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The dead letters of the service's consumers, and their replay, are for platform administrators only.
 */
class DeadLetterEndpointTest extends NotificationsIntegrationTest {

    @Test
    void onlyAPlatformAdministratorListsAndReplaysDeadLetters() throws Exception {
        String t = UUID.randomUUID().toString();
        UUID ngo = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        Token member = user("dl-member-" + t, ngo, "member");
        Token orgAdmin = user("dl-admin-" + t, ngo, "org-admin", "forum-coordinator", "org-editor", "member");
        Token platformAdmin = user("dl-platform-" + t, null, "platform-admin");

        mvc.perform(get("/actuator/deadletters")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/deadletters").header("Authorization", member.bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/deadletters").header("Authorization", orgAdmin.bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/actuator/deadletters")
                        .header("Authorization", orgAdmin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/actuator/deadletters").header("Authorization", platformAdmin.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
        mvc.perform(post("/actuator/deadletters")
                        .header("Authorization", platformAdmin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\": \"arrival.registry.stakeholders.v1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content -> org.assertj.core.api.Assertions.assertThat(
                                content.getResponse().getContentAsString())
                        .contains("topic, partition and offset"));
        mvc.perform(post("/actuator/deadletters")
                        .header("Authorization", platformAdmin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failed").value(0));
    }
}
