package org.arrival.actionplans.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * Contributions over HTTP: organisations that may read an action comment on, endorse or object to it; its owner
 * may not (it answers through its own records); each is one ContributionMade event and never changes the action.
 */
class ContributionApiTest extends ActionRecordsTestSupport {

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private UUID association;
    private UUID outsider;
    private UUID action;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        association = organisation("Kisenyi Refugee Women's Association", "MIGRANT_ASSOCIATION", false, false);
        outsider = organisation("NGO outside the forum", "NGO", false, false);
        seat(forum, city);
        seat(forum, ngo);
        seat(forum, association);
        action = action(city, "PROPOSED", "QUARTERLY", null, null, "FORUM", List.of(forum));
    }

    private String path() {
        return "/actions/" + action + "/contributions";
    }

    @Test
    void organisationsThatSeeTheActionCommentEndorseAndObjectWithoutChangingIt() throws Exception {
        UUID comment = id(perform(
                        postJson(path(), "{\"kind\":\"COMMENT\",\"text\":\"Include secondary schools too\"}"),
                        editor(ngo))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contributorId").value(ngo.toString())));
        RecordedEvent made = exactlyOne("ContributionMade", comment);
        assertThat(made.key()).isEqualTo(action.toString());
        assertThat(made.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(ngo.toString());
        assertThat(json(made).path("contribution").path("text").asString()).isEqualTo("Include secondary schools too");

        UUID endorsement = id(perform(postJson(path(), "{\"kind\":\"ENDORSEMENT\"}"), admin(association))
                .andExpect(status().isCreated()));
        assertThat(json(exactlyOne("ContributionMade", endorsement))
                        .path("contribution")
                        .has("text"))
                .isFalse();
        UUID objection = id(perform(
                        postJson(
                                path(),
                                "{\"kind\":\"OBJECTION\",\"text\":\"Fees are only part of it: documents are the barrier\"}"),
                        editor(association))
                .andExpect(status().isCreated()));
        exactlyOne("ContributionMade", objection);

        JsonNode list = json(perform(getJson(path()), readOnly(city)).andExpect(status().isOk()));
        assertThat(list.path("totalItems").asLong()).isEqualTo(3);
        assertThat(list.path("items").get(0).path("id").asString()).isEqualTo(objection.toString());
        perform(getJson(path() + "?kind=ENDORSEMENT"), readOnly(ngo))
                .andExpect(jsonPath("$.totalItems").value(1));
        perform(getJson(path() + "/" + comment), readOnly(association))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("COMMENT"));

        assertThat(actionVersion(action)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT status FROM action WHERE id = ?", String.class, action))
                .isEqualTo("PROPOSED");
        assertThat(eventsKeyedBy(action)).hasSize(3);
    }

    @Test
    void anEnforcementBodyNeverReadsTheContributionsOfOrganisationsHiddenFromIt() throws Exception {
        UUID hidden = organisation("Umoja Refugee Association", "MIGRANT_ASSOCIATION", false, true);
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, hidden);
        seat(forum, police);
        UUID endorsement = id(perform(
                        postJson(path(), "{\"kind\":\"ENDORSEMENT\",\"text\":\"Our members asked for it\"}"),
                        editor(hidden))
                .andExpect(status().isCreated()));
        UUID comment = id(perform(postJson(path(), "{\"kind\":\"COMMENT\",\"text\":\"Start in Kisenyi\"}"), editor(ngo))
                .andExpect(status().isCreated()));

        JsonNode seenByPolice = json(perform(getJson(path()), readOnly(police)).andExpect(status().isOk()));
        assertThat(seenByPolice.path("totalItems").asLong()).isEqualTo(1);
        assertThat(seenByPolice.path("items").get(0).path("id").asString()).isEqualTo(comment.toString());
        assertThat(seenByPolice.toString()).doesNotContain(hidden.toString()).doesNotContain("Our members");
        perform(getJson(path() + "?kind=ENDORSEMENT"), readOnly(police))
                .andExpect(jsonPath("$.totalItems").value(0));
        expectProblem(perform(getJson(path() + "/" + endorsement), readOnly(police)), 404);
        perform(getJson(path() + "/" + comment), readOnly(police)).andExpect(status().isOk());

        // everyone else still reads it
        perform(getJson(path()), readOnly(city))
                .andExpect(jsonPath("$.totalItems").value(2));
        perform(getJson(path() + "/" + endorsement), readOnly(ngo))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contributorId").value(hidden.toString()));

        // a comment on the hidden association's action is the NGO's record, but its event names that action: it
        // goes out RESTRICTED, so that no enforcement body learns of the action through it
        UUID hiddensAction = action(hidden, "IN_PROGRESS", "QUARTERLY", null, null, "FORUM", List.of(forum));
        UUID onHidden = id(perform(
                        postJson(
                                "/actions/" + hiddensAction + "/contributions",
                                "{\"kind\":\"COMMENT\",\"text\":\"We can help with the escorts\"}"),
                        editor(ngo))
                .andExpect(status().isCreated()));
        assertThat(exactlyOne("ContributionMade", onHidden).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("RESTRICTED");
        assertThat(exactlyOne("ContributionMade", comment).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("FORUM");
    }

    @Test
    void theOwnerReadOnlyMembersAndOrganisationsThatCannotSeeTheActionDoNotContribute() throws Exception {
        String body = "{\"kind\":\"ENDORSEMENT\"}";
        expectProblem(perform(postJson(path(), body), editor(city)), 403);
        expectProblem(perform(postJson(path(), body), readOnly(ngo)), 403);
        expectProblem(perform(postJson(path(), body), editor(outsider)), 404);
        perform(getJson(path()), readOnly(outsider)).andExpect(status().isNotFound());
        perform(postJson(path(), body), null).andExpect(status().isUnauthorized());
        perform(getJson(path() + "/" + UUID.randomUUID()), readOnly(city)).andExpect(status().isNotFound());
        assertThat(rows("contribution", action)).isZero();
        noEventsAbout(action);
    }

    @Test
    void badContributionsAreRefusedAndWriteNothing() throws Exception {
        List<String[]> bad = List.of(
                new String[] {"{\"kind\":\"COMMENT\"}", "text"},
                new String[] {"{\"kind\":\"OBJECTION\",\"text\":\"   \"}", "text"},
                new String[] {"{\"kind\":\"COMMENT\",\"text\":\"" + "t".repeat(4001) + "\"}", "text"},
                new String[] {"{\"kind\":\"VETO\",\"text\":\"no\"}", "kind"},
                new String[] {"{\"text\":\"no kind\"}", "kind"},
                new String[] {"{\"kind\":\"COMMENT\",\"text\":\"x\",\"actionId\":\"" + action + "\"}", "actionId"});
        for (String[] b : bad) {
            perform(postJson(path(), b[0]), editor(ngo))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", Matchers.containsString(b[1])));
        }
        assertThat(rows("contribution", action)).isZero();
        noEventsFrom(ngo);
    }
}
