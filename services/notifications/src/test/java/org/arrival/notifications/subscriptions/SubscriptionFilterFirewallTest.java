package org.arrival.notifications.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A subscription filter naming what the caller may not see (the organisation hidden from enforcement bodies, its
 * records, a restricted record, a record of a forum the caller has no seat in) is answered exactly as one naming an
 * id nobody knows: the same status and the same problem, so the answer tells nothing of what exists.
 */
class SubscriptionFilterFirewallTest extends NotificationsIntegrationTest {

    private UUID forum;
    private UUID city;
    private UUID association;
    private UUID restrictedNeed;
    private UUID associationAction;
    private UUID otherForumAction;
    private Token police;
    private Token ngo;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        UUID rlp = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        UUID dcic = organisation(
                "Directorate of Citizenship and Immigration Control", "NATIONAL_GOVERNMENT_BODY", true, false);
        association = organisation("Kisenyi Refugee Women's Association", "REFUGEE_LED_ORGANISATION", false, true);
        seat(forum, rlp);
        seat(forum, dcic);
        seat(forum, association);
        restrictedNeed = record("NEED", city, "RESTRICTED", forum);
        associationAction = record("ACTION", association, "PUBLIC", forum);
        otherForumAction = record("ACTION", city, "FORUM", UUID.randomUUID());
        police = user("dcic-officer-" + UUID.randomUUID(), dcic, "member");
        ngo = user("rlp-officer-" + UUID.randomUUID(), rlp, "member");
    }

    private UUID record(String kind, UUID owner, String classification, UUID sharedWith) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO known_record (id, kind, owner_id, classification, shared_with_forums, title, updated_at)
                VALUES (?, ?, ?, ?, ARRAY[?]::uuid[], 'Safe houses in Kisenyi', now())""", id, kind, owner, classification, sharedWith);
        return id;
    }

    private MockHttpServletResponse subscribe(Token token, String key, UUID id) throws Exception {
        return perform(postJson("/subscriptions", """
                {"channel":"IN_APP","filter":{"%s":["%s"]}}""".formatted(key, id)), token)
                .andReturn()
                .getResponse();
    }

    private void answeredAsUnknown(Token token, String key, UUID hidden) throws Exception {
        UUID unknown = UUID.randomUUID();
        MockHttpServletResponse forHidden = subscribe(token, key, hidden);
        MockHttpServletResponse forUnknown = subscribe(token, key, unknown);
        assertThat(forUnknown.getStatus()).isEqualTo(422);
        assertThat(forHidden.getStatus()).as("%s %s", key, hidden).isEqualTo(forUnknown.getStatus());
        assertThat(forHidden.getContentType()).isEqualTo(forUnknown.getContentType());
        assertThat(forHidden.getContentAsString().replace(hidden.toString(), "<id>"))
                .isEqualTo(forUnknown.getContentAsString().replace(unknown.toString(), "<id>"));
    }

    @Test
    void anEnforcementBodyNamingTheHiddenOrganisationOrARestrictedRecordIsAnsweredAsForAnUnknownId() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM subscription", Long.class);
        answeredAsUnknown(police, "organisations", association);
        answeredAsUnknown(police, "records", associationAction);
        answeredAsUnknown(police, "records", restrictedNeed);
        answeredAsUnknown(police, "records", otherForumAction);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription", Long.class))
                .isEqualTo(before);
    }

    @Test
    void aForumMemberWhoMayReadThemSubscribesToThem() throws Exception {
        for (var filter : List.of(
                List.of("organisations", association),
                List.of("records", associationAction),
                List.of("records", restrictedNeed))) {
            assertThat(subscribe(ngo, (String) filter.get(0), (UUID) filter.get(1))
                            .getStatus())
                    .as("%s", filter)
                    .isEqualTo(201);
        }
        // a record shared only with a forum the member has no seat in does not exist for it
        answeredAsUnknown(ngo, "records", otherForumAction);
        perform(postJson("/subscriptions", """
                {"channel":"IN_APP","filter":{"organisations":["%s"]}}""".formatted(city)), police).andExpect(status().isCreated());
    }
}
