package org.arrival.assessments.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.population.EvidenceTestSupport;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.RecordedEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Inputs from organisations other than a need's owner: one event keyed by the need, participants below 5
 * suppressed for all but the contributor and always in the event, the owner cannot contribute to its own need,
 * enforcement bodies cannot contribute to needs they may not see, and each caller lists only what it may see.
 */
class InputContributionTest extends EvidenceTestSupport {

    private UUID forum;
    private UUID city;
    private UUID association;
    private UUID outsider;
    private UUID police;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        association = organisation("Refugee-led association Kisenyi", "MIGRANT_ASSOCIATION", false, false);
        outsider = organisation("NGO outside the forum", "NGO", false, false);
        police = organisation("Uganda Police Force", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, city);
        seat(forum, association);
        seat(forum, police);
    }

    private UUID need(String classification) throws Exception {
        return id(perform(postJson("/needs", needJson(classification, List.of(forum))), editor(city))
                .andExpect(status().isCreated()));
    }

    private static String inputJson(
            String subjectType, UUID subject, int participants, String classification, List<UUID> forums) {
        return """
                {"subjectType":"%s","subjectId":"%s","kind":"COMMUNITY_CONSULTATION",
                 "summary":"Parents said schools turn children away without refugee ID; fees are a second barrier",
                 "provenance":"Two focus groups run by the association's volunteers in Kisenyi, notes summarised",
                 "collectedOn":"2026-04-12","participants":%d,"classification":"%s","sharedWithForums":%s}""".formatted(subjectType, subject, participants, classification, ids(forums));
    }

    @Test
    void anotherOrganisationContributesOneEventKeyedByTheNeedWithSmallCountsSuppressed() throws Exception {
        UUID need = need("FORUM");
        JsonNode created = json(perform(
                        postJson("/inputs", inputJson("NEED", need, 3, "FORUM", List.of(forum))), editor(association))
                .andExpect(status().isCreated()));
        UUID input = UUID.fromString(created.path("id").asString());
        assertThat(created.path("participants").path("value").asInt()).isEqualTo(3);

        RecordedEvent event = exactlyOne("InputContributed", input);
        assertThat(event.key()).isEqualTo(need.toString());
        assertThat(event.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(association.toString());
        assertThat(event.header(CloudEventHeaders.DATA_CLASSIFICATION)).isEqualTo("FORUM");
        assertThat(json(event).path("input").path("participants").toString()).isEqualTo("{\"suppressed\":\"<5\"}");

        assertThat(json(perform(getJson("/inputs/" + input), readOnly(city)).andExpect(status().isOk()))
                        .path("participants")
                        .toString())
                .isEqualTo("{\"suppressed\":\"<5\"}");
        assertThat(json(perform(getJson("/inputs/" + input), readOnly(association)))
                        .path("participants")
                        .path("value")
                        .asInt())
                .isEqualTo(3);
        JsonNode listed = json(
                perform(getJson("/needs/" + need + "/inputs"), readOnly(police)).andExpect(status().isOk()));
        assertThat(ids(listed)).containsExactly(input.toString());
        assertThat(listed.path("items").get(0).path("participants").toString()).isEqualTo("{\"suppressed\":\"<5\"}");
        perform(getJson("/inputs/" + input), readOnly(outsider)).andExpect(status().isNotFound());
        perform(getJson("/needs/" + need + "/inputs"), readOnly(outsider)).andExpect(status().isNotFound());

        // the need itself is untouched by the input
        assertThat(jdbc.queryForObject("SELECT version FROM need WHERE id = ?", Long.class, need))
                .isEqualTo(1);
    }

    @Test
    void theOwnerCannotContributeToItsOwnNeedNorReadOnlyMembersNorStrangers() throws Exception {
        UUID need = need("FORUM");
        String body = inputJson("NEED", need, 12, "FORUM", List.of(forum));
        perform(postJson("/inputs", body), editor(city)).andExpect(status().isForbidden());
        perform(postJson("/inputs", body), readOnly(association)).andExpect(status().isForbidden());
        perform(postJson("/inputs", body), null).andExpect(status().isUnauthorized());
        perform(getJson("/inputs/" + UUID.randomUUID()), null).andExpect(status().isUnauthorized());
        perform(getJson("/needs/" + need + "/inputs"), null).andExpect(status().isUnauthorized());
        perform(postJson("/inputs", body), user("coordinator", association, "member", "forum-coordinator"))
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM evidence_input WHERE contributor_id = ?", Long.class, city))
                .isZero();
        noEventsFrom(city, "InputContributed");
    }

    @Test
    void enforcementBodiesCannotContributeToRestrictedNeedsAndUnknownSubjectsAreRefused() throws Exception {
        UUID restricted = need("RESTRICTED");
        perform(postJson("/inputs", inputJson("NEED", restricted, 20, "PUBLIC", List.of())), editor(police))
                .andExpect(status().isNotFound());
        perform(postJson("/inputs", inputJson("NEED", UUID.randomUUID(), 20, "PUBLIC", List.of())), editor(police))
                .andExpect(status().isNotFound());
        perform(getJson("/needs/" + restricted + "/inputs"), readOnly(police)).andExpect(status().isNotFound());
        expectProblem(
                perform(
                        postJson("/inputs", inputJson("ROUND", UUID.randomUUID(), 20, "PUBLIC", List.of())),
                        editor(association)),
                422);
        noEventsFrom(police);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM evidence_input WHERE contributor_id = ?", Long.class, association))
                .isZero();

        // a FORUM need shared with its forum is open to the enforcement body's input, which the owner then sees
        UUID open = need("FORUM");
        UUID input = id(perform(postJson("/inputs", inputJson("NEED", open, 40, "FORUM", List.of())), editor(police))
                .andExpect(status().isCreated()));
        assertThat(ids(json(perform(getJson("/needs/" + open + "/inputs"), readOnly(city)))))
                .containsExactly(input.toString());
    }

    @Test
    void inputsKeptToTheContributorAreSeenByNobodyElseAndRestrictedInputsNotByEnforcementBodies() throws Exception {
        UUID need = need("FORUM");
        UUID kept = id(perform(
                        postJson("/inputs", inputJson("NEED", need, 8, "ORGANISATION", List.of())), editor(association))
                .andExpect(status().isCreated()));
        UUID restricted = id(perform(
                        postJson("/inputs", inputJson("NEED", need, 8, "RESTRICTED", List.of(forum))),
                        editor(association))
                .andExpect(status().isCreated()));
        UUID shared = id(perform(
                        postJson("/inputs", inputJson("NEED", need, 8, "FORUM", List.of(forum))), editor(association))
                .andExpect(status().isCreated()));
        assertThat(ids(json(perform(getJson("/needs/" + need + "/inputs"), readOnly(association)))))
                .containsExactlyInAnyOrder(kept.toString(), restricted.toString(), shared.toString());
        assertThat(ids(json(perform(getJson("/needs/" + need + "/inputs"), readOnly(city)))))
                .containsExactlyInAnyOrder(restricted.toString(), shared.toString());
        assertThat(ids(json(perform(getJson("/needs/" + need + "/inputs"), readOnly(police)))))
                .containsExactly(shared.toString());
        assertThat(ids(json(perform(getJson("/inputs?subjectType=NEED&subjectId=" + need), readOnly(police)))))
                .containsExactly(shared.toString());
        perform(getJson("/inputs/" + kept), readOnly(city)).andExpect(status().isNotFound());
        perform(getJson("/inputs/" + restricted), readOnly(police)).andExpect(status().isNotFound());
        assertThat(json(perform(getJson("/inputs/" + shared), readOnly(police)))
                        .path("participants")
                        .path("value")
                        .asInt())
                .isEqualTo(10);
    }

    @Test
    void badInputsAreRefusedAndWriteNothing() throws Exception {
        UUID need = need("FORUM");
        UUID ngo = organisation("Kampala Urban Refugee NGO", "NGO", false, false);
        seat(forum, ngo);
        String valid = inputJson("NEED", need, 12, "FORUM", List.of(forum));
        String future = java.time.LocalDate.now().plusDays(3).toString();
        List<String[]> bad = List.of(
                new String[] {valid.replace("\"participants\":12", "\"participants\":-2"), "participants"},
                new String[] {valid.replace("\"participants\":12", "\"participants\":\"twelve\""), "participants"},
                new String[] {valid.replace("COMMUNITY_CONSULTATION", "RUMOUR"), "kind"},
                new String[] {valid.replace("\"NEED\"", "\"PERSON\""), "subjectType"},
                new String[] {valid.replace("2026-04-12", future), "collectedOn"},
                new String[] {
                    valid.replace(
                            "Two focus groups run by the association's volunteers in Kisenyi, notes summarised", " "),
                    "provenance"
                },
                new String[] {
                    valid.replace(
                            "Two focus groups run by the association's volunteers in Kisenyi, notes summarised",
                            "p".repeat(1001)),
                    "provenance"
                },
                new String[] {
                    valid.replace(
                            "Parents said schools turn children away without refugee ID; fees are a second barrier",
                            "s".repeat(4001)),
                    "summary"
                },
                new String[] {valid.replace("fees are a second barrier", "call Amina on +256 772 123456"), "summary"},
                new String[] {valid.replace("\"subjectId\":\"" + need + "\"", "\"subjectId\":\"need-1\""), "subjectId"},
                new String[] {valid.substring(0, 30), "JSON"});
        for (String[] b : bad) {
            perform(postJson("/inputs", b[0]), editor(ngo))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", Matchers.containsString(b[1])));
        }
        expectProblem(perform(post("/inputs").contentType(MediaType.TEXT_PLAIN).content(valid), editor(ngo)), 415);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM evidence_input WHERE contributor_id = ?", Long.class, ngo))
                .isZero();
        noEventsFrom(ngo);
        perform(postJson("/inputs", valid), editor(ngo)).andExpect(status().isCreated());
    }

    /** A round as the rounds service stores it (seeded directly: inputs only read the rounds' table). */
    private UUID round(UUID convenor, String status, List<UUID> forums) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                """
                INSERT INTO round_assessment (id, version, title, country, convenor_id, instrument_id, instrument_version,
                    shared_with_forums, status, created_at, created_by, updated_at, updated_by)
                VALUES (?, 1, 'Kampala readiness 2026', 'UG', ?, 'un-habitat-checklist', 1, ?::uuid[], ?, now(), 'test', now(), 'test')""",
                id,
                convenor,
                "{" + String.join(",", forums.stream().map(UUID::toString).toList()) + "}",
                status);
        jdbc.update("INSERT INTO round_respondent (round_id, respondent_id, position) VALUES (?, ?, 0)", id, convenor);
        return id;
    }

    @Test
    void inputsToARoundGoToRoundsTheContributorMaySeeButNotToItsOwnOrToADraft() throws Exception {
        UUID open = round(city, "OPEN", List.of(forum));
        UUID draft = round(city, "DRAFT", List.of(forum));
        UUID input =
                id(perform(postJson("/inputs", inputJson("ROUND", open, 30, "FORUM", List.of())), editor(association))
                        .andExpect(status().isCreated()));
        RecordedEvent event = exactlyOne("InputContributed", input);
        assertThat(event.key()).isEqualTo(open.toString());
        assertThat(json(event).path("input").path("subjectType").asString()).isEqualTo("ROUND");
        perform(postJson("/inputs", inputJson("ROUND", open, 30, "FORUM", List.of())), editor(city))
                .andExpect(status().isForbidden());
        expectProblem(
                perform(postJson("/inputs", inputJson("ROUND", draft, 30, "FORUM", List.of())), editor(association)),
                422);
        expectProblem(
                perform(postJson("/inputs", inputJson("ROUND", open, 30, "FORUM", List.of())), editor(outsider)), 422);
        // the convenor reads the input (not shared with any forum) because it is about its round
        assertThat(ids(json(perform(getJson("/inputs?subjectType=ROUND&subjectId=" + open), readOnly(city)))))
                .containsExactly(input.toString());
        perform(getJson("/inputs/" + input), readOnly(city)).andExpect(status().isOk());
        perform(getJson("/inputs/" + input), readOnly(outsider)).andExpect(status().isNotFound());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }
}
