package org.arrival.actionplans.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.RecordedEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Plans over HTTP: one schema-valid event per change, the lifecycle, the owner alone changes a plan, readers see
 * what their forums share, and bad requests write nothing.
 */
class PlanApiTest extends PlanningTestSupport {

    private UUID forum;
    private UUID city;
    private UUID otherCity;
    private UUID ngo;
    private UUID outsider;
    private UUID police;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        otherCity = organisation("Arua City", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        outsider = organisation("NGO outside the forum", "NGO", false, false);
        police = organisation("Uganda Police Force", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, city);
        seat(forum, otherCity);
        seat(forum, ngo);
        seat(forum, police);
    }

    private UUID record(String type, String classification) throws Exception {
        return id(perform(postJson("/plans", planJson(type, classification, List.of(forum))), editor(city))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("DRAFT")));
    }

    private void move(UUID id, String status, String reason, int expected) throws Exception {
        String body = reason == null
                ? "{\"status\":\"%s\"}".formatted(status)
                : "{\"status\":\"%s\",\"reason\":\"%s\"}".formatted(status, reason);
        perform(postJson("/plans/" + id + "/status", body), editor(city)).andExpect(status().is(expected));
    }

    @Test
    void aPlanIsRecordedEditedAndMovedToClosedWithOneEventPerChange() throws Exception {
        UUID id = record("MUNICIPAL_ACTION_PLAN", "FORUM");
        RecordedEvent recorded = exactlyOne("PlanRecorded", id);
        assertThat(recorded.key()).isEqualTo(id.toString());
        assertThat(recorded.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(city.toString());
        assertThat(recorded.header(CloudEventHeaders.DATA_CLASSIFICATION)).isEqualTo("FORUM");
        assertThat(json(recorded)
                        .path("plan")
                        .path("inclusion")
                        .path("migrantsNamed")
                        .asBoolean())
                .isTrue();

        String edit = planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of(forum))
                .replace("\"migrantsBudgeted\":false", "\"migrantsBudgeted\":true");
        perform(putJson("/plans/" + id, edit, "\"1\""), editor(city))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.inclusion.migrantsBudgeted").value(true));
        perform(putJson("/plans/" + id, edit, "\"2\""), editor(city))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        move(id, "IN_IMPLEMENTATION", null, 409);
        move(id, "ADOPTED", "council resolution 12/2026", 200);
        move(id, "IN_IMPLEMENTATION", null, 200);
        move(id, "DRAFT", null, 409);
        move(id, "CLOSED", null, 200);
        perform(putJson("/plans/" + id, edit, "\"5\""), editor(city)).andExpect(status().isConflict());

        List<RecordedEvent> all = exactly(5, id);
        assertThat(all)
                .extracting(e -> json(e).path("plan").path("status").asString())
                .containsExactly("DRAFT", "DRAFT", "ADOPTED", "IN_IMPLEMENTATION", "CLOSED");
        assertThat(json(all.get(1)).path("changedFields").toString()).isEqualTo("[\"inclusion\"]");
        assertThat(json(all.get(2)).path("reason").asString()).isEqualTo("council resolution 12/2026");

        JsonNode history = json(
                perform(getJson("/plans/" + id + "/history"), readOnly(city)).andExpect(status().isOk()));
        assertThat(history.size()).isEqualTo(5);
        assertThat(history.get(0).path("change").asString()).isEqualTo("PlanRecorded");
        perform(getJson("/plans/" + id + "/history"), readOnly(ngo)).andExpect(status().isForbidden());
    }

    @Test
    void closingAPlanThatWasNeverImplementedNeedsAReasonAndNupPhaseIsOnlyForNationalUrbanPolicies() throws Exception {
        UUID id = record("INTEGRATION_PLAN", "FORUM");
        exactlyOne("PlanRecorded", id);
        expectProblem(perform(postJson("/plans/" + id + "/status", "{\"status\":\"CLOSED\"}"), editor(city)), 400);
        expectProblem(perform(postJson("/plans/" + id + "/status", "{\"status\":\"ENDED\"}"), editor(city)), 400);
        sleep(500);
        assertThat(eventsAbout(id)).isEqualTo(1);
        move(id, "CLOSED", "superseded by the national integration strategy", 200);

        String nup = planJson("NATIONAL_URBAN_POLICY", "PUBLIC", List.of())
                .replace("\"inclusion\"", "\"nupPhase\":\"DIAGNOSIS\",\"inclusion\"");
        UUID ministry = organisation(
                "Ministry of Lands, Housing and Urban Development", "NATIONAL_GOVERNMENT_BODY", false, false);
        perform(postJson("/plans", nup), editor(ministry))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nupPhase").value("DIAGNOSIS"));
        perform(postJson("/plans", nup.replace("NATIONAL_URBAN_POLICY", "SECTOR_POLICY")), editor(ministry))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("nupPhase")));
    }

    @Test
    void onlyTheOwnerChangesAPlanOthersGet403IfTheySeeIt404IfNotAnd401WithoutAToken() throws Exception {
        UUID id = record("MUNICIPAL_ACTION_PLAN", "FORUM");
        String edit = planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of(forum))
                .replace("Kampala migration", "KCCA migration");
        perform(putJson("/plans/" + id, edit, "\"1\""), editor(otherCity)).andExpect(status().isForbidden());
        perform(putJson("/plans/" + id, edit, "\"1\""), editor(ngo)).andExpect(status().isForbidden());
        perform(postJson("/plans/" + id + "/status", "{\"status\":\"ADOPTED\"}"), editor(ngo))
                .andExpect(status().isForbidden());
        perform(putJson("/plans/" + id, edit, "\"1\""), editor(outsider)).andExpect(status().isNotFound());
        perform(postJson("/plans/" + id + "/status", "{\"status\":\"ADOPTED\"}"), editor(outsider))
                .andExpect(status().isNotFound());
        perform(getJson("/plans/" + id + "/history"), editor(outsider)).andExpect(status().isNotFound());
        perform(putJson("/plans/" + id, edit, "\"1\""), readOnly(city)).andExpect(status().isForbidden());
        perform(postJson("/plans", edit), readOnly(city)).andExpect(status().isForbidden());
        perform(putJson("/plans/" + id, edit, "\"1\""), null).andExpect(status().isUnauthorized());
        perform(getJson("/plans/" + id), null).andExpect(status().isUnauthorized());
        perform(putJson("/plans/" + id, edit, null), editor(city)).andExpect(status().is(428));
        perform(putJson("/plans/" + id, edit, "\"9\""), editor(city)).andExpect(status().is(412));
        perform(getJson("/plans/" + UUID.randomUUID()), editor(city)).andExpect(status().isNotFound());
        sleep(500);
        assertThat(eventsAbout(id)).isEqualTo(1);
        perform(putJson("/plans/" + id, edit, "\"1\""), admin(city)).andExpect(status().isOk());
        assertThat(json(exactlyOne("PlanUpdated", id)).path("changedFields").toString())
                .isEqualTo("[\"title\"]");
    }

    @Test
    void filtersShowOnlyWhatTheCallerMaySeeAndRestrictedPlansNeverReachEnforcementBodies() throws Exception {
        UUID forumPlan = record("MUNICIPAL_ACTION_PLAN", "FORUM");
        UUID restricted = record("MUNICIPAL_ACTION_PLAN", "RESTRICTED");
        UUID own = record("MUNICIPAL_ACTION_PLAN", "ORGANISATION");
        String filter = "/plans?owner=" + city + "&type=MUNICIPAL_ACTION_PLAN&country=UG&status=DRAFT&forum=" + forum
                + "&sort=title&size=10";
        assertThat(ids(json(perform(getJson(filter), readOnly(city)).andExpect(status().isOk()))))
                .containsExactlyInAnyOrder(forumPlan.toString(), restricted.toString(), own.toString());
        assertThat(ids(json(perform(getJson(filter), readOnly(ngo)))))
                .containsExactlyInAnyOrder(forumPlan.toString(), restricted.toString());
        assertThat(ids(json(perform(getJson(filter), readOnly(police))))).containsExactly(forumPlan.toString());
        assertThat(ids(json(perform(getJson(filter), readOnly(outsider))))).isEmpty();
        assertThat(ids(json(perform(getJson(filter.replace("country=UG", "country=KE")), readOnly(city)))))
                .isEmpty();
        perform(getJson("/plans/" + restricted), readOnly(police)).andExpect(status().isNotFound());
        perform(getJson("/plans/" + restricted), readOnly(ngo)).andExpect(status().isOk());
        perform(getJson("/plans/" + own), readOnly(ngo)).andExpect(status().isNotFound());
        perform(getJson("/plans/" + forumPlan), readOnly(outsider)).andExpect(status().isNotFound());
        expectProblem(perform(getJson("/plans?status=FINISHED"), readOnly(city)), 400);
        expectProblem(perform(getJson("/plans?sort=owner"), readOnly(city)), 400);
    }

    @Test
    void badPlansAreRefusedAndWriteNothing() throws Exception {
        UUID org = organisation("Municipality of Gulu", "LOCAL_GOVERNMENT", false, false);
        String valid = planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of());
        List<String[]> bad = List.of(
                new String[] {valid.replace("\"MUNICIPAL_ACTION_PLAN\"", "\"CITY_PLAN\""), "type"},
                new String[] {valid.replace("\"country\":\"UG\",", ""), "country"},
                new String[] {valid.replace("\"2030-12-31\"", "\"2025-12-31\""), "periodEnd"},
                new String[] {valid.replace("\"2030-12-31\"", "\"31/12/2030\""), "periodEnd"},
                new String[] {
                    valid.replace("Kampala migration and displacement action plan 2026-2030", "t".repeat(301)), "title"
                },
                new String[] {
                    valid.replace("\"Every displaced child in school\"", "\"" + "o".repeat(501) + "\""), "objectives"
                },
                new String[] {
                    valid.replace("\"classification\":\"FORUM\"", "\"classification\":\"SECRET\""), "classification"
                },
                new String[] {valid.replace("\"title\"", "\"colour\":\"blue\",\"title\""), "colour"},
                new String[] {valid.replace("\"subdivision\":\"UG-C\"", "\"subdivision\":\"KE-30\""), "subdivision"},
                new String[] {valid.substring(0, 30), "JSON"});
        for (String[] b : bad) {
            perform(postJson("/plans", b[0]), editor(org))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", Matchers.containsString(b[1])));
        }
        expectProblem(perform(post("/plans").contentType(MediaType.TEXT_PLAIN).content("a plan"), editor(org)), 415);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan WHERE owner_id = ?", Long.class, org))
                .isZero();
        noEventsFrom(org);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }
}
