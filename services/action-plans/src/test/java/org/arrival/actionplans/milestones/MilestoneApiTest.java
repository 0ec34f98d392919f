package org.arrival.actionplans.milestones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.progress.ActionRecordsTestSupport;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.RecordedEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Milestones over HTTP: scheduled within the action's dates, reached, missed and cancelled by the owner's editors
 * only, one schema-valid MilestoneRecorded event per change, and refused requests write nothing.
 */
class MilestoneApiTest extends ActionRecordsTestSupport {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2027, 12, 31);

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private UUID outsider;
    private UUID action;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        outsider = organisation("NGO outside the forum", "NGO", false, false);
        seat(forum, city);
        seat(forum, ngo);
        action = action(city, "IN_PROGRESS", "QUARTERLY", START, END, "FORUM", List.of(forum));
    }

    private String path() {
        return "/actions/" + action + "/milestones";
    }

    private UUID schedule(String title, String dueOn) throws Exception {
        return id(perform(postJson(path(), "{\"title\":\"%s\",\"dueOn\":\"%s\"}".formatted(title, dueOn)), editor(city))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("PLANNED")));
    }

    @Test
    void aMilestoneIsScheduledRescheduledAndReachedWithOneEventPerChangeKeyedByItsAction() throws Exception {
        UUID m = schedule("Fee waiver agreed with 20 schools", "2026-06-30");
        RecordedEvent scheduled = exactlyOne("MilestoneRecorded", m);
        assertThat(scheduled.key()).isEqualTo(action.toString());
        assertThat(scheduled.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(city.toString());
        assertThat(scheduled.header(CloudEventHeaders.DATA_CLASSIFICATION)).isEqualTo("FORUM");
        assertThat(json(scheduled).path("milestone").path("dueOn").asString()).isEqualTo("2026-06-30");

        perform(
                        putJson(
                                path() + "/" + m,
                                "{\"title\":\"Fee waiver agreed with 25 schools\",\"dueOn\":\"2026-07-31\"}",
                                "\"1\""),
                        editor(city))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.dueOn").value("2026-07-31"));
        perform(
                        postJson(path() + "/" + m + "/reach", "{\"reachedOn\":\"2026-07-20\"}")
                                .header("If-Match", "\"2\""),
                        admin(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REACHED"))
                .andExpect(jsonPath("$.reachedOn").value("2026-07-20"));
        expectProblem(perform(post(path() + "/" + m + "/miss"), editor(city)), 409);
        expectProblem(perform(post(path() + "/" + m + "/cancel"), editor(city)), 409);

        List<RecordedEvent> all = exactly(3, "MilestoneRecorded", m);
        assertThat(all)
                .extracting(e -> json(e).path("milestone").path("status").asString())
                .containsExactly("PLANNED", "PLANNED", "REACHED");
        assertThat(all)
                .extracting(e -> json(e).path("milestone").path("version").asLong())
                .containsExactly(1L, 2L, 3L);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM action_plans_revision WHERE record_type = 'milestone' AND record_id = ?",
                        Long.class,
                        m))
                .isEqualTo(3);

        UUID missed = schedule("School census published", "2026-09-30");
        perform(post(path() + "/" + missed + "/miss"), editor(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MISSED"));
        perform(post(path() + "/" + missed + "/cancel"), editor(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        exactly(3, "MilestoneRecorded", missed);

        JsonNode list = json(perform(getJson(path()), readOnly(ngo)).andExpect(status().isOk()));
        assertThat(list.path("totalItems").asLong()).isEqualTo(2);
        assertThat(list.path("items").get(0).path("id").asString()).isEqualTo(m.toString());
        perform(getJson(path() + "?status=CANCELLED"), readOnly(city))
                .andExpect(jsonPath("$.totalItems").value(1));
        perform(getJson(path() + "/" + m), readOnly(ngo))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""));
        assertThat(actionVersion(action)).isEqualTo(3);
    }

    @Test
    void dueDatesLieWithinTheActionsDatesAndBadMilestonesWriteNothing() throws Exception {
        List<String[]> bad = List.of(
                new String[] {"{\"title\":\"Too early\",\"dueOn\":\"2025-12-31\"}", "dueOn"},
                new String[] {"{\"title\":\"Too late\",\"dueOn\":\"2028-01-01\"}", "dueOn"},
                new String[] {"{\"title\":\"  \",\"dueOn\":\"2026-03-01\"}", "title"},
                new String[] {"{\"title\":\"" + "t".repeat(301) + "\",\"dueOn\":\"2026-03-01\"}", "title"},
                new String[] {"{\"title\":\"No date\"}", "dueOn"},
                new String[] {"{\"title\":\"Bad date\",\"dueOn\":\"2026-02-30\"}", "dueOn"},
                new String[] {"{\"title\":\"Status sent\",\"dueOn\":\"2026-03-01\",\"status\":\"REACHED\"}", "status"},
                new String[] {"{\"title\":", "JSON"});
        for (String[] b : bad) {
            perform(postJson(path(), b[0]), editor(city))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", Matchers.containsString(b[1])));
        }
        UUID m = schedule("Fee waiver agreed", "2026-06-30");
        expectProblem(
                perform(
                        putJson(path() + "/" + m, "{\"title\":\"Later\",\"dueOn\":\"2028-06-30\"}", "\"1\""),
                        editor(city)),
                400);
        expectProblem(
                perform(postJson(path() + "/" + m + "/reach", "{\"reachedOn\":\"2999-01-01\"}"), editor(city)), 400);
        expectProblem(perform(postJson(path() + "/" + m + "/reach", "{}"), editor(city)), 400);
        assertThat(rows("milestone", action)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT version FROM milestone WHERE id = ?", Long.class, m))
                .isEqualTo(1);
        exactlyOne("MilestoneRecorded", m);
        assertThat(eventsKeyedBy(action)).hasSize(1);

        UUID open = action(city, "PROPOSED", "QUARTERLY", null, null, "FORUM", List.of(forum));
        perform(
                        postJson(
                                "/actions/" + open + "/milestones", "{\"title\":\"Any day\",\"dueOn\":\"2040-01-01\"}"),
                        editor(city))
                .andExpect(status().isCreated());
    }

    @Test
    void milestonesOfACancelledActionAreNotChanged() throws Exception {
        UUID m = schedule("Fee waiver agreed", "2026-06-30");
        jdbc.update("UPDATE action SET status = 'CANCELLED' WHERE id = ?", action);
        expectProblem(perform(postJson(path(), "{\"title\":\"More\",\"dueOn\":\"2026-08-01\"}"), editor(city)), 409);
        expectProblem(perform(post(path() + "/" + m + "/miss"), editor(city)), 409);
        sleep(500);
        assertThat(rows("milestone", action)).isEqualTo(1);
        assertThat(eventsKeyedBy(action)).hasSize(1);
    }

    @Test
    void onlyTheOwnersEditorsRecordMilestones() throws Exception {
        UUID m = schedule("Fee waiver agreed", "2026-06-30");
        String body = "{\"title\":\"Taken over\",\"dueOn\":\"2026-06-30\"}";
        perform(postJson(path(), body), editor(ngo)).andExpect(status().isForbidden());
        perform(putJson(path() + "/" + m, body, "\"1\""), editor(ngo)).andExpect(status().isForbidden());
        perform(postJson(path() + "/" + m + "/reach", "{\"reachedOn\":\"2026-01-02\"}"), editor(ngo))
                .andExpect(status().isForbidden());
        perform(post(path() + "/" + m + "/cancel"), admin(ngo)).andExpect(status().isForbidden());
        perform(postJson(path(), body), readOnly(city)).andExpect(status().isForbidden());
        perform(postJson(path(), body), editor(outsider)).andExpect(status().isNotFound());
        perform(getJson(path()), readOnly(outsider)).andExpect(status().isNotFound());
        perform(getJson(path() + "/" + m), readOnly(outsider)).andExpect(status().isNotFound());
        perform(postJson(path(), body), null).andExpect(status().isUnauthorized());
        perform(getJson(path()), null).andExpect(status().isUnauthorized());
        perform(putJson(path() + "/" + m, body, null), editor(city)).andExpect(status().is(428));
        perform(putJson(path() + "/" + m, body, "\"7\""), editor(city)).andExpect(status().is(412));
        perform(post(path() + "/" + m + "/miss").header("If-Match", "\"4\""), editor(city))
                .andExpect(status().is(412));
        perform(getJson(path() + "/" + UUID.randomUUID()), editor(city)).andExpect(status().isNotFound());
        perform(getJson("/actions/" + UUID.randomUUID() + "/milestones"), editor(city))
                .andExpect(status().isNotFound());
        sleep(500);
        assertThat(jdbc.queryForObject("SELECT version FROM milestone WHERE id = ?", Long.class, m))
                .isEqualTo(1);
        assertThat(eventsAbout(m)).isEqualTo(1);
    }
}
