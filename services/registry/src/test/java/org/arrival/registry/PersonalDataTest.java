package org.arrival.registry;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.Test;

/**
 * The registry holds organisations, not people: text about a person is refused field by field, while an office's
 * own mailbox and switchboard have their place in its contact.
 */
class PersonalDataTest extends RegistryIntegrationTest {

    @Test
    void anOrganisationsTextsRefusePersonalDataButItsOfficeContactIsKept() throws Exception {
        String t = tag();
        Token admin = platformAdmin();
        perform(
                        postJson(
                                "/stakeholders",
                                associationJson(t, false)
                                        .replace(
                                                "\"Kisenyi Refugee Women's Association",
                                                "\"Association run by Amina, born 12 March 1991,")),
                        admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("personal-data.date-of-birth"));
        perform(
                        postJson(
                                "/stakeholders",
                                cityAuthorityJson(t)
                                        .replace(
                                                "\"areaName\":\"Kampala\"",
                                                "\"areaName\":\"Ask for John on 0772 123456\"")),
                        admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("jurisdiction.areaName"));
        perform(getJson("/stakeholders?q=" + t), admin)
                .andExpect(jsonPath("$.totalItems").value(0));

        String city = json(
                perform(
                                postJson(
                                        "/stakeholders",
                                        cityAuthorityJson(t)
                                                .replace(
                                                        "\"contact\":{",
                                                        "\"contact\":{\"phone\":\"+256 414 123456\",\"address\":\"Plot 1, City Hall, Kampala\",")),
                                admin)
                        .andExpect(status().isCreated()),
                "$.id");
        perform(getJson("/stakeholders/" + city), admin)
                .andExpect(jsonPath("$.contact.email").value("info@kcca.go.ug"))
                .andExpect(jsonPath("$.contact.phone").value("+256 414 123456"));
    }

    @Test
    void aForumsMandateAndAReasonRefusePersonalData() throws Exception {
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        Token coordinator = user("kcca-coordinator-" + t, city, "forum-coordinator");
        perform(
                        postJson(
                                "/forums",
                                forumJson("Forum " + t, city, null, null, null)
                                        .replace(
                                                "Coordinate the reception of urban refugees in Kampala",
                                                "Coordinate; write to j.okello@gmail.com")),
                        coordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("thematicScope.mandate"))
                .andExpect(jsonPath("$.errors[0].code").value("personal-data.email"));
        String forum = json(
                perform(postJson("/forums", forumJson("Forum " + t, city, null, null, null)), coordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        perform(
                        postJson(
                                "/forums/" + forum + "/status",
                                "{\"status\":\"DORMANT\",\"reason\":\"chair's passport " + "A1234567 expired\"}"),
                        coordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        perform(getJson("/forums/" + forum), coordinator)
                .andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.version").value(1));
    }
}
