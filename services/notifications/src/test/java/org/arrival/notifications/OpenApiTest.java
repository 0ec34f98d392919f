package org.arrival.notifications;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The API description is public and covers subscriptions, the inbox and webhooks. */
class OpenApiTest extends NotificationsIntegrationTest {

    @Test
    void everyFeatureIsDescribed() throws Exception {
        perform(getJson("/v3/api-docs"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/subscriptions")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/inbox")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/inbox/unread-count")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/webhooks")))
                .andExpect(jsonPath("$.paths", Matchers.hasKey("/webhooks/{id}/deliveries")));
    }
}
