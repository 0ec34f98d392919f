package org.arrival.assessments.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.arrival.assessments.population.EvidenceTestSupport;
import org.arrival.contracts.CloudEventHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Finding 2 of issue 13 for the evidence: an enforcement body that owns a need read, as the need's owner, the inputs
 * an organisation hidden from it contributed (its id in {@code contributorId}); a need that points at a round the
 * enforcement body may not read showed the round's id, and filtering needs by that round told it the round exists.
 * Now inputs of hidden organisations never reach an enforcement body, not even about its own records, and a round it
 * may not read is neither shown nor usable as a filter.
 */
class HiddenContributorTest extends EvidenceTestSupport {

    private UUID forum;
    private UUID police;
    private UUID association;
    private UUID city;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        police = organisation("Uganda Police Force, community liaison", "NATIONAL_GOVERNMENT_BODY", true, false);
        association = organisation("Kisenyi Refugee Women's Group", "MIGRANT_ASSOCIATION", false, true);
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        seat(forum, police);
        seat(forum, association);
        seat(forum, city);
    }

    private String inputJson(UUID need, String classification) {
        return """
                {"subjectType":"NEED","subjectId":"%s","kind":"COMMUNITY_CONSULTATION",
                 "summary":"Women said the night patrols stop them on the way back from the market",
                 "provenance":"Members' meeting run by the group's volunteers, notes summarised without names",
                 "collectedOn":"2026-04-12","participants":12,"classification":"%s","sharedWithForums":["%s"]}""".formatted(need, classification, forum);
    }

    @Test
    void anInputFromAHiddenOrganisationNeverReachesAnEnforcementBodyEvenAboutItsOwnNeed() throws Exception {
        UUID need = id(perform(postJson("/needs", needJson("FORUM", List.of(forum))), editor(police))
                .andExpect(status().isCreated()));
        UUID input = id(perform(postJson("/inputs", inputJson(need, "FORUM")), editor(association))
                .andExpect(status().isCreated()));

        perform(getJson("/inputs/" + input), readOnly(police)).andExpect(status().isNotFound());
        for (String path : List.of(
                "/needs/" + need + "/inputs",
                "/inputs?subjectType=NEED&subjectId=" + need,
                "/inputs?contributor=" + association,
                "/inputs?size=200")) {
            String page = perform(getJson(path), readOnly(police))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).as(path).doesNotContain(input.toString()).doesNotContain(association.toString());
        }
        assertThat(json(perform(getJson("/needs/" + need + "/inputs"), readOnly(police)))
                        .path("totalItems")
                        .asInt())
                .isZero();
        // the city, a member of the same forum and no enforcement body, reads it
        perform(getJson("/inputs/" + input), readOnly(city)).andExpect(status().isOk());

        // the event about the input names the enforcement body's need but comes from the hidden group: the
        // contributor is its owner, so projections keep it from enforcement bodies by the owner
        assertThat(exactlyOne("InputContributed", input).header(CloudEventHeaders.OWNER_ORG))
                .isEqualTo(association.toString());
    }

    @Test
    void anInputAboutAHiddenOrganisationsNeedIsPublishedAsRestricted() throws Exception {
        UUID need = id(perform(postJson("/needs", needJson("FORUM", List.of(forum))), editor(association))
                .andExpect(status().isCreated()));
        UUID input = id(perform(postJson("/inputs", inputJson(need, "PUBLIC")), editor(city))
                .andExpect(status().isCreated()));
        perform(getJson("/inputs/" + input), readOnly(police)).andExpect(status().isNotFound());
        assertThat(exactlyOne("InputContributed", input).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("RESTRICTED");
    }

    @Test
    void aRoundTheEnforcementBodyMayNotReadIsNeitherShownOnANeedNorUsableAsAFilter() throws Exception {
        UUID round = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO round_assessment (id, version, title, country, convenor_id, instrument_id, instrument_version,
                    shared_with_forums, status, created_at, created_by, updated_at, updated_by)
                VALUES (?, 1, 'Kisenyi community readiness', 'UG', ?, 'un-habitat-checklist', 1, ?::uuid[], 'OPEN',
                        now(), 'test', now(), 'test')""", round, association, "{" + forum + "}");
        jdbc.update("INSERT INTO round_respondent (round_id, respondent_id, position) VALUES (?, ?, 0)", round, city);
        UUID need = id(perform(
                        postJson(
                                "/needs",
                                needJson("FORUM", List.of(forum))
                                        .replace(
                                                "\"classification\"",
                                                "\"roundId\":\"" + round + "\",\"classification\"")),
                        editor(city))
                .andExpect(status().isCreated()));

        JsonNode seen =
                json(perform(getJson("/needs/" + need), readOnly(police)).andExpect(status().isOk()));
        assertThat(seen.has("roundId")).isFalse();
        assertThat(json(perform(getJson("/needs/" + need), readOnly(city)))
                        .path("roundId")
                        .asString())
                .isEqualTo(round.toString());
        String byRound = perform(getJson("/needs?roundId=" + round), readOnly(police))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String byUnknown = perform(getJson("/needs?roundId=" + UUID.randomUUID()), readOnly(police))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(byRound).doesNotContain(need.toString()).isEqualTo(byUnknown);
        assertThat(ids(json(perform(getJson("/needs?roundId=" + round), readOnly(city)))))
                .contains(need.toString());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }
}
