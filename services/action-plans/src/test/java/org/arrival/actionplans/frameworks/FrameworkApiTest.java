package org.arrival.actionplans.frameworks;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.arrival.actionplans.ActionPlansIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

class FrameworkApiTest extends ActionPlansIntegrationTest {

    @Test
    void listsFiltersAndReadsFrameworkItemsForAnySignedInUser() throws Exception {
        var member = user("reader", UUID.randomUUID(), "member");
        perform(getJson("/frameworks"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frameworks.length()").value(5))
                .andExpect(jsonPath("$.items[?(@.code == 'SDG-11.a')].title").exists());
        perform(getJson("/frameworks?framework=GCM"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(23))
                .andExpect(jsonPath("$.items[*].framework", Matchers.everyItem(Matchers.is("GCM"))));
        perform(getJson("/frameworks/SDG-11.1"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.framework").value("SDG"));
        perform(getJson("/frameworks/UNH-R2.1"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parent").value("UNH-R2"));
        perform(getJson("/frameworks/SDG-99.9"), member).andExpect(status().isNotFound());
        perform(getJson("/frameworks?framework=MDG"), member).andExpect(status().isBadRequest());
        perform(getJson("/frameworks"), null).andExpect(status().isUnauthorized());
    }
}
