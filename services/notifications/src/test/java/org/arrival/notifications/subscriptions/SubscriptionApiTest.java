package org.arrival.notifications.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Subscriptions over HTTP: each user manages their own, administrators their organisation's; bad input writes nothing. */
class SubscriptionApiTest extends NotificationsIntegrationTest {

    private UUID org;
    private UUID otherOrg;
    private UUID forum;
    private UUID record;
    private Token alice;
    private Token bob;
    private Token admin;
    private Token stranger;

    @BeforeEach
    void seed() {
        org = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        otherOrg = organisation("Arua City", "LOCAL_GOVERNMENT", false, false);
        forum = UUID.randomUUID();
        seat(forum, org);
        record = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO known_record (id, kind, owner_id, classification, updated_at) VALUES (?, 'ACTION', ?, 'PUBLIC', now())",
                record,
                otherOrg);
        String suffix = UUID.randomUUID().toString();
        alice = user("alice-" + suffix, org, "member");
        bob = user("bob-" + suffix, org, "member");
        admin = user("admin-" + suffix, org, "member", "org-admin");
        stranger = user("stranger-" + suffix, otherOrg, "member", "org-admin");
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM subscription WHERE owner_org = ?", Long.class, org);
    }

    private String create(Token token, String body) throws Exception {
        String json = perform(postJson("/subscriptions", body), token)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(json).path("id").asString();
    }

    @Test
    void aUserSubscribesReadsChangesAndEndsTheirOwnSubscription() throws Exception {
        String body = """
                {"channel":"EMAIL","address":"alice@rlp.example.org","frequency":"DAILY_DIGEST",
                 "filter":{"forums":["%s"],"organisations":["%s"],"sectors":["HEALTH"],"areas":["ug-c"],
                           "records":["%s"],"eventTypes":["ProgressReported","org.arrival.actionplans.ActionProposed.v1"]}}""".formatted(forum, otherOrg, record);
        String id = create(alice, body);
        perform(getJson("/subscriptions/" + id), alice)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.scope").value("USER"))
                .andExpect(jsonPath("$.userId").value(alice.subject()))
                .andExpect(jsonPath("$.organisationId").value(org.toString()))
                .andExpect(jsonPath("$.filter.areas[0]").value("UG-C"))
                .andExpect(jsonPath("$.filter.eventTypes.length()").value(2));
        perform(getJson("/subscriptions"), alice)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem(id)));

        String changed = "{\"channel\":\"IN_APP\",\"filter\":{\"sectors\":[\"EDUCATION\"]}}";
        perform(putJson("/subscriptions/" + id, changed, null), alice).andExpect(status().is(428));
        perform(putJson("/subscriptions/" + id, changed, "\"7\""), alice).andExpect(status().is(412));
        perform(putJson("/subscriptions/" + id, changed, "\"1\""), alice)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.channel").value("IN_APP"))
                .andExpect(jsonPath("$.frequency").value("IMMEDIATE"))
                .andExpect(jsonPath("$.filter.sectors[0]").value("EDUCATION"));

        perform(delete("/subscriptions/" + id).header("If-Match", "\"2\""), alice)
                .andExpect(status().isNoContent());
        perform(getJson("/subscriptions/" + id), alice).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT active FROM subscription WHERE id = ?::uuid", Boolean.class, id))
                .isFalse();
    }

    @Test
    void anEmailSubscriptionTakesTheMembersOwnWorkAddressButNoIdentityDocumentNumber() throws Exception {
        // the address is an organisation contact (a member's work mailbox), not personal data about migrants
        String id = create(alice, """
                {"channel":"EMAIL","address":"alice.okello@rlp.example.org",
                 "filter":{"areas":["UG-C"],"eventTypes":["ReportOverdue"]}}""");
        perform(getJson("/subscriptions/" + id), alice)
                .andExpect(jsonPath("$.address").value("alice.okello@rlp.example.org"));
        long before = count();
        // what an organisation contact may still not hold: an identity document number
        perform(postJson("/subscriptions", """
                {"channel":"EMAIL","address":"passport A1234567 <alice@rlp.example.org>"}"""), alice)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("address"))
                .andExpect(jsonPath("$.errors[0].code").value("personal-data.document-number"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void nobodyReadsOrChangesAnotherUsersOrAnotherOrganisationsSubscriptions() throws Exception {
        String mine = create(alice, "{\"channel\":\"IN_APP\"}");
        String ours = create(admin, "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}");
        String body = "{\"channel\":\"IN_APP\"}";
        for (Token other : new Token[] {bob, admin, stranger}) {
            perform(getJson("/subscriptions/" + mine), other)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            perform(putJson("/subscriptions/" + mine, body, "\"1\""), other).andExpect(status().isNotFound());
            perform(delete("/subscriptions/" + mine).header("If-Match", "\"1\""), other)
                    .andExpect(status().isNotFound());
            perform(getJson("/subscriptions"), other)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem(mine))));
        }
        perform(getJson("/subscriptions/" + ours), stranger).andExpect(status().isNotFound());
        perform(delete("/subscriptions/" + ours).header("If-Match", "\"1\""), stranger)
                .andExpect(status().isNotFound());
        // members see their organisation's subscriptions; only administrators change them
        perform(getJson("/subscriptions/" + ours), bob)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("ORGANISATION"));
        perform(putJson("/subscriptions/" + ours, body, "\"1\""), bob).andExpect(status().isForbidden());
        perform(delete("/subscriptions/" + ours).header("If-Match", "\"1\""), bob)
                .andExpect(status().isForbidden());
        perform(postJson("/subscriptions", "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}"), bob)
                .andExpect(status().isForbidden());
        perform(delete("/subscriptions/" + ours).header("If-Match", "\"1\""), admin)
                .andExpect(status().isNoContent());
        perform(getJson("/subscriptions/" + mine), alice).andExpect(status().isOk());
    }

    @Test
    void endingASubscriptionNeedsIfMatchLikeChangingIt() throws Exception {
        String id = create(alice, "{\"channel\":\"IN_APP\"}");
        perform(delete("/subscriptions/" + id), alice)
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        perform(delete("/subscriptions/" + id).header("If-Match", "\"7\""), alice)
                .andExpect(status().isPreconditionFailed());
        perform(getJson("/subscriptions/" + id), alice).andExpect(status().isOk());
        perform(delete("/subscriptions/" + id).header("If-Match", "\"1\""), alice)
                .andExpect(status().isNoContent());
        perform(getJson("/subscriptions/" + id), alice).andExpect(status().isNotFound());
    }

    @Test
    void everyEndpointNeedsAToken() throws Exception {
        String id = create(alice, "{\"channel\":\"IN_APP\"}");
        perform(getJson("/subscriptions"), null).andExpect(status().isUnauthorized());
        perform(getJson("/subscriptions/" + id), null).andExpect(status().isUnauthorized());
        perform(postJson("/subscriptions", "{\"channel\":\"IN_APP\"}"), null).andExpect(status().isUnauthorized());
        perform(putJson("/subscriptions/" + id, "{\"channel\":\"IN_APP\"}", "\"1\""), null)
                .andExpect(status().isUnauthorized());
        perform(delete("/subscriptions/" + id).header("If-Match", "\"1\""), null)
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badInputIsAProblemAndWritesNothing() throws Exception {
        UUID unknownForum = UUID.randomUUID();
        UUID unknownOrg = UUID.randomUUID();
        UUID unknownRecord = UUID.randomUUID();
        UUID foreignHook = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO webhook (id, version, owner_org, url, secret, created_at, created_by, updated_at, updated_by)
                VALUES (?, 1, ?, 'https://arua.example.org/hook', 's', now(), 't', now(), 't')""", foreignHook, otherOrg);
        long before = count();
        String[][] cases = {
            {"{\"channel\":\"SMS\"}", "400"},
            {"{}", "400"},
            {"{\"channel\":\"EMAIL\"}", "400"},
            {"{\"channel\":\"EMAIL\",\"address\":\"not-an-address\"}", "400"},
            {"{\"channel\":\"IN_APP\",\"address\":\"a@b.org\"}", "400"},
            {"{\"channel\":\"IN_APP\",\"frequency\":\"DAILY_DIGEST\"}", "400"},
            {"{\"channel\":\"IN_APP\",\"frequency\":\"HOURLY\"}", "400"},
            {"{\"channel\":\"WEBHOOK\"}", "400"},
            {"{\"channel\":\"WEBHOOK\",\"webhookId\":\"" + foreignHook + "\"}", "422"},
            {"{\"channel\":\"IN_APP\",\"filter\":{\"eventTypes\":[\"SomethingHappened\"]}}", "400"},
            {"{\"channel\":\"IN_APP\",\"filter\":{\"sectors\":[\"GARDENING\"]}}", "400"},
            {"{\"channel\":\"IN_APP\",\"filter\":{\"areas\":[\"Kampala\"]}}", "400"},
            {"{\"channel\":\"IN_APP\",\"filter\":{\"colour\":[\"red\"]}}", "400"},
            {"{\"channel\":\"IN_APP\",\"filter\":{\"forums\":[\"not-a-uuid\"]}}", "400"},
            {"{\"channel\":\"IN_APP\",\"filter\":{\"forums\":[\"" + unknownForum + "\"]}}", "422"},
            {"{\"channel\":\"IN_APP\",\"filter\":{\"organisations\":[\"" + unknownOrg + "\"]}}", "422"},
            {"{\"channel\":\"IN_APP\",\"filter\":{\"records\":[\"" + record + "\",\"" + unknownRecord + "\"]}}", "422"},
            {"{\"channel\":\"IN_APP\"", "400"},
            {"[]", "400"}
        };
        for (String[] c : cases) {
            perform(postJson("/subscriptions", c[0]), alice)
                    .andExpect(status().is(Integer.parseInt(c[1])))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        perform(
                        postJson(
                                "/subscriptions",
                                "{\"channel\":\"IN_APP\",\"filter\":{\"records\":[\"" + record + "\",\"" + unknownRecord
                                        + "\"]}}"),
                        alice)
                .andExpect(jsonPath("$.detail", Matchers.containsString(unknownRecord.toString())))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString(record.toString()))));
        perform(
                        postJson(
                                "/subscriptions",
                                "{\"channel\":\"IN_APP\",\"filter\":{\"forums\":[\"" + unknownForum + "\"]}}"),
                        alice)
                .andExpect(jsonPath("$.detail", Matchers.containsString(unknownForum.toString())));
        perform(post("/subscriptions").contentType(MediaType.TEXT_PLAIN).content("channel=IN_APP"), alice)
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        perform(get("/subscriptions").param("size", "0"), alice).andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);

        String id = create(alice, "{\"channel\":\"IN_APP\"}");
        perform(putJson("/subscriptions/" + id, "{\"channel\":\"EMAIL\",\"address\":\"nope\"}", "\"1\""), alice)
                .andExpect(status().isBadRequest());
        perform(putJson("/subscriptions/" + id, "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}", "\"1\""), alice)
                .andExpect(status().isBadRequest());
        perform(getJson("/subscriptions/" + id), alice)
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.channel").value("IN_APP"));
    }
}
