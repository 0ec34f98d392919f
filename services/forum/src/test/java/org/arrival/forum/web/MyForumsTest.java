package org.arrival.forum.web;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.projection.Generations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The forums a caller may look at, the live stream's place in the API description, and no pages of its own. */
class MyForumsTest extends ForumIntegrationTest {

    @Autowired
    Generations generations;

    @Test
    void aMemberListsTheForumsTheirOrganisationSitsIn() throws Exception {
        UUID city = registered("City", false, false);
        UUID outsider = registered("Outsider", false, false);
        UUID forum = forum(city);
        member(forum, city);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                        "SELECT count(*) FROM forum_membership WHERE forum_id = ? AND stakeholder_id = ?",
                                        Long.class,
                                        forum,
                                        city)
                                > 0
                        && jdbc.queryForObject(
                                        "SELECT count(*) FROM fv_membership WHERE generation = ? AND forum_id = ?",
                                        Long.class,
                                        generations.active(),
                                        forum)
                                > 0);
        perform(getJson("/forums"), user("ana", city, "member"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].forumId").value(forum.toString()))
                .andExpect(jsonPath("$[0].name").value("Kampala urban refugee forum " + forum))
                .andExpect(jsonPath("$[0].area").value("Kampala"))
                .andExpect(jsonPath("$[0].seat").value("MEMBER"));
        perform(getJson("/forums"), user("otto", outsider, "member"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        perform(getJson("/forums"), user("admin", null, "platform-admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.forumId == '" + forum + "')]").isNotEmpty());
    }

    @Test
    void theForumsAndTheirStreamAreInTheApiDescription() throws Exception {
        perform(getJson("/v3/api-docs"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/stream'].get.summary")
                        .isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/stream'].get.responses['429']")
                        .exists())
                .andExpect(jsonPath("$.paths['/forums'].get.summary").isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/decisions'].get.summary")
                        .isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/decisions'].get.parameters[?(@.name == 'asOf')]")
                        .isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/meetings/{meetingId}/pack'].get.summary")
                        .isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/flags'].get.parameters[?(@.name == 'organisation')]")
                        .isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/flags'].get.parameters[?(@.name == 'size')]")
                        .isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/flags/{flagId}'].get.summary")
                        .isNotEmpty());
    }

    @Test
    void theServiceServesNoPagesAnyMoreOnlyItsApi() throws Exception {
        // the pages moved to the web application: nothing here is open without a token
        perform(get("/dashboard/"), null).andExpect(status().isUnauthorized());
        perform(get("/dashboard/index.html"), null).andExpect(status().isUnauthorized());
        perform(getJson("/forums"), null).andExpect(status().isUnauthorized());
    }
}
