package org.arrival.assessments.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.population.EvidenceTestSupport;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Needs through their lifecycle over HTTP: one event per change, the owner alone changes a need, ADDRESSED only
 * with a linked action, DEPRIORITISED only with a reason, filters show only what the caller may see, and bad
 * requests write nothing.
 */
class NeedLifecycleTest extends EvidenceTestSupport {

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private UUID outsider;
    private UUID police;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        outsider = organisation("NGO outside the forum", "NGO", false, false);
        police = organisation("Uganda Police Force", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, city);
        seat(forum, ngo);
        seat(forum, police);
    }

    private UUID identify(String classification) throws Exception {
        return id(perform(postJson("/needs", needJson(classification, List.of(forum))), editor(city))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("IDENTIFIED")));
    }

    private JsonNode move(UUID id, String status, String reason, Token who, int expected) throws Exception {
        String body = reason == null
                ? "{\"status\":\"%s\"}".formatted(status)
                : "{\"status\":\"%s\",\"reason\":\"%s\"}".formatted(status, reason);
        return json(perform(postJson("/needs/" + id + "/status", body), who).andExpect(status().is(expected)));
    }

    @Test
    void aNeedGoesFromIdentifiedToResolvedWithOneEventPerStepAndAddressedNeedsALinkedAction() throws Exception {
        UUID id = identify("FORUM");
        RecordedEvent identified = exactlyOne("NeedIdentified", id);
        assertThat(identified.key()).isEqualTo(id.toString());
        assertThat(identified.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(city.toString());
        assertThat(identified.header(CloudEventHeaders.DATA_CLASSIFICATION)).isEqualTo("FORUM");

        move(id, "VALIDATED", "confirmed by the education working group", editor(city), 200);
        move(id, "PRIORITISED", null, editor(city), 200);
        expectProblem(perform(postJson("/needs/" + id + "/status", "{\"status\":\"ADDRESSED\"}"), editor(city)), 409);
        UUID action = UUID.randomUUID();
        perform(postJson("/needs/" + id + "/actions", "{\"actionId\":\"" + action + "\"}"), editor(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actionIds[0]").value(action.toString()));
        perform(postJson("/needs/" + id + "/actions", "{\"actionId\":\"" + action + "\"}"), editor(city))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""));
        JsonNode addressed = move(id, "ADDRESSED", "school fee waiver action", editor(city), 200);
        assertThat(addressed.path("version").asLong()).isEqualTo(5);
        JsonNode resolved = move(id, "RESOLVED", "children enrolled for term 1", editor(city), 200);
        assertThat(resolved.path("statusReason").asString()).isEqualTo("children enrolled for term 1");

        events.await(e -> id.toString().equals(e.subject()), 6, java.time.Duration.ofSeconds(20));
        sleep(300);
        List<RecordedEvent> all = events.events(e -> id.toString().equals(e.subject()));
        assertThat(all).hasSize(6);
        all.forEach(org.arrival.platform.testing.EventRecorder::assertValidCloudEvent);
        assertThat(all)
                .extracting(e -> json(e).path("need").path("status").asString())
                .containsExactly("IDENTIFIED", "VALIDATED", "PRIORITISED", "PRIORITISED", "ADDRESSED", "RESOLVED");
        assertThat(json(all.get(3)).path("changedFields").toString()).isEqualTo("[\"actionIds\"]");
        assertThat(json(all.get(5)).path("reason").asString()).isEqualTo("children enrolled for term 1");

        JsonNode history = json(
                perform(getJson("/needs/" + id + "/history"), readOnly(city)).andExpect(status().isOk()));
        assertThat(history.size()).isEqualTo(6);
        perform(getJson("/needs/" + id + "/history"), readOnly(ngo)).andExpect(status().isForbidden());
        expectProblem(perform(postJson("/needs/" + id + "/status", "{\"status\":\"VALIDATED\"}"), editor(city)), 409);
    }

    @Test
    void deprioritisingNeedsAReasonAndRefusedStepsWriteNothing() throws Exception {
        UUID id = identify("FORUM");
        exactlyOne("NeedIdentified", id);
        expectProblem(
                perform(postJson("/needs/" + id + "/status", "{\"status\":\"DEPRIORITISED\"}"), editor(city)), 400);
        expectProblem(
                perform(
                        postJson("/needs/" + id + "/status", "{\"status\":\"DEPRIORITISED\",\"reason\":\"  \"}"),
                        editor(city)),
                400);
        expectProblem(perform(postJson("/needs/" + id + "/status", "{\"status\":\"RESOLVED\"}"), editor(city)), 409);
        expectProblem(perform(postJson("/needs/" + id + "/status", "{\"status\":\"GONE\"}"), editor(city)), 400);
        expectProblem(
                perform(
                        postJson(
                                "/needs/" + id + "/status",
                                "{\"status\":\"VALIDATED\",\"reason\":\"" + "r".repeat(2001) + "\"}"),
                        editor(city)),
                400);
        expectProblem(perform(postJson("/needs/" + id + "/actions", "{\"actionId\":\"no\"}"), editor(city)), 400);
        sleep(500);
        assertThat(eventsAbout(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT version FROM need WHERE id = ?", Long.class, id))
                .isEqualTo(1);

        JsonNode dep = move(id, "DEPRIORITISED", "covered by the national programme", editor(city), 200);
        assertThat(dep.path("status").asString()).isEqualTo("DEPRIORITISED");
        assertThat(json(exactlyOne("NeedUpdated", id)).path("reason").asString())
                .isEqualTo("covered by the national programme");
        expectProblem(perform(putJson("/needs/" + id, needJson("FORUM", List.of(forum)), "\"2\""), editor(city)), 409);
        expectProblem(
                perform(
                        putJson(
                                "/needs/" + id,
                                needJson("FORUM", List.of(forum)).replace("\"HIGH\"", "\"LOW\""),
                                "\"2\""),
                        editor(city)),
                409);
    }

    @Test
    void onlyTheOwnerChangesANeedOthersGet403IfTheySeeIt404IfNotAnd401WithoutAToken() throws Exception {
        UUID id = identify("FORUM");
        String edit = needJson("FORUM", List.of(forum)).replace("\"HIGH\"", "\"CRITICAL\"");
        perform(putJson("/needs/" + id, edit, "\"1\""), editor(ngo)).andExpect(status().isForbidden());
        perform(postJson("/needs/" + id + "/status", "{\"status\":\"VALIDATED\"}"), editor(ngo))
                .andExpect(status().isForbidden());
        perform(postJson("/needs/" + id + "/actions", "{\"actionId\":\"" + UUID.randomUUID() + "\"}"), editor(ngo))
                .andExpect(status().isForbidden());
        perform(putJson("/needs/" + id, edit, "\"1\""), editor(outsider)).andExpect(status().isNotFound());
        perform(postJson("/needs/" + id + "/status", "{\"status\":\"VALIDATED\"}"), editor(outsider))
                .andExpect(status().isNotFound());
        perform(putJson("/needs/" + id, edit, "\"1\""), readOnly(city)).andExpect(status().isForbidden());
        perform(postJson("/needs", needJson("FORUM", List.of())), readOnly(city))
                .andExpect(status().isForbidden());
        perform(putJson("/needs/" + id, edit, "\"1\""), null).andExpect(status().isUnauthorized());
        perform(getJson("/needs/" + id), null).andExpect(status().isUnauthorized());
        perform(getJson("/needs"), null).andExpect(status().isUnauthorized());
        perform(putJson("/needs/" + id, edit, null), editor(city)).andExpect(status().is(428));
        perform(putJson("/needs/" + id, edit, "\"9\""), editor(city)).andExpect(status().is(412));
        perform(getJson("/needs/" + UUID.randomUUID()), editor(city)).andExpect(status().isNotFound());
        sleep(500);
        assertThat(eventsAbout(id)).isEqualTo(1);

        JsonNode edited = json(
                perform(putJson("/needs/" + id, edit, "\"1\""), editor(city)).andExpect(status().isOk()));
        assertThat(edited.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(json(exactlyOne("NeedUpdated", id)).path("changedFields").toString())
                .isEqualTo("[\"severity\"]");
    }

    @Test
    void filtersShowOnlyWhatTheCallerMaySeeAndRestrictedNeedsNeverReachEnforcementBodies() throws Exception {
        UUID forumNeed = identify("FORUM");
        UUID restricted = identify("RESTRICTED");
        UUID own = identify("ORGANISATION");
        String filter = "/needs?sector=EDUCATION&group=URBAN_DISPLACED&country=UG&subdivision=UG-C&status=IDENTIFIED"
                + "&severity=HIGH&barrier=DOCUMENTATION&owner=" + city + "&sort=-severity&size=10";
        assertThat(ids(json(perform(getJson(filter), readOnly(city)).andExpect(status().isOk()))))
                .containsExactlyInAnyOrder(forumNeed.toString(), restricted.toString(), own.toString());
        assertThat(ids(json(perform(getJson(filter), readOnly(ngo)))))
                .containsExactlyInAnyOrder(forumNeed.toString(), restricted.toString());
        assertThat(ids(json(perform(getJson(filter), readOnly(police))))).containsExactly(forumNeed.toString());
        assertThat(ids(json(perform(getJson(filter), readOnly(outsider))))).isEmpty();
        assertThat(ids(json(
                        perform(getJson(filter.replace("barrier=DOCUMENTATION", "barrier=LANGUAGE")), readOnly(city)))))
                .isEmpty();
        perform(getJson("/needs/" + restricted), readOnly(police)).andExpect(status().isNotFound());
        perform(getJson("/needs/" + restricted), readOnly(ngo)).andExpect(status().isOk());
        perform(getJson("/needs/" + own), readOnly(ngo)).andExpect(status().isNotFound());
        perform(getJson("/needs/" + forumNeed), readOnly(outsider)).andExpect(status().isNotFound());
        // an area by its name, code, subdivision or country, in any case, as the forum's listings take it
        UUID katwe = id(perform(
                        postJson(
                                "/needs",
                                needJson("FORUM", List.of(forum))
                                        .replace(
                                                "\"areaName\":\"Kampala\"",
                                                "\"areaCode\":\"KLA-KATWE\",\"areaName\":\"Katwe\"")),
                        editor(city))
                .andExpect(status().isCreated()));
        assertThat(ids(json(perform(getJson("/needs?area=katwe&owner=" + city), readOnly(ngo)))))
                .containsExactly(katwe.toString());
        assertThat(ids(json(perform(getJson("/needs?area=KLA-Katwe&owner=" + city), readOnly(ngo)))))
                .containsExactly(katwe.toString());
        assertThat(ids(json(perform(getJson("/needs?area=ug-c&owner=" + city), readOnly(ngo)))))
                .containsExactlyInAnyOrder(forumNeed.toString(), restricted.toString(), katwe.toString());
        assertThat(ids(json(perform(getJson("/needs?area=Nakawa&owner=" + city), readOnly(ngo)))))
                .isEmpty();
        expectProblem(perform(getJson("/needs?severity=HUGE"), readOnly(city)), 400);
        expectProblem(perform(getJson("/needs?sort=statement"), readOnly(city)), 400);
    }

    @Test
    void badNeedsAreRefusedAndWriteNothing() throws Exception {
        UUID org = organisation("Municipality of Arua", "LOCAL_GOVERNMENT", false, false);
        String valid = needJson("FORUM", List.of());
        List<String[]> bad = List.of(
                new String[] {valid.replace("\"EDUCATION\"", "\"SCHOOLS\""), "sector"},
                new String[] {valid.replace("\"HIGH\"", "\"URGENT\""), "severity"},
                new String[] {valid.replace("\"COST\"", "\"WEATHER\""), "barriers"},
                new String[] {valid.replace("[\"REFUGEES\",\"URBAN_DISPLACED\"]", "[]"), "populationGroups"},
                new String[] {
                    valid.replace(
                            "Refugee children in Kisenyi are not enrolled in school because schools ask for documents",
                            "s".repeat(2001)),
                    "statement"
                },
                new String[] {
                    valid.replace("\"KCCA education survey 2025\"", "\"" + "e".repeat(501) + "\""), "evidenceReferences"
                },
                new String[] {
                    valid.replace(
                            "[\"KCCA education survey 2025\"]",
                            ids(java.util.Collections.nCopies(51, UUID.randomUUID()))),
                    "evidenceReferences"
                },
                new String[] {valid.replace("\"severity\"", "\"roundId\":\"round-1\",\"severity\""), "roundId"},
                new String[] {valid.replace("\"country\":\"UG\",", ""), "country"},
                new String[] {valid.substring(0, 40), "JSON"});
        for (String[] b : bad) {
            perform(postJson("/needs", b[0]), editor(org))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", Matchers.containsString(b[1])));
        }
        expectProblem(
                perform(
                        postJson(
                                "/needs",
                                valid.replace(
                                        "\"severity\"", "\"roundId\":\"" + UUID.randomUUID() + "\",\"severity\"")),
                        editor(org)),
                422);
        expectProblem(
                perform(post("/needs").contentType(MediaType.APPLICATION_XML).content("<need/>"), editor(org)), 415);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM need WHERE owner_id = ?", Long.class, org))
                .isZero();
        noEventsFrom(org);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }
}
