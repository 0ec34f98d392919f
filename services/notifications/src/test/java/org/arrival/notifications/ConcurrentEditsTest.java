package org.arrival.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ConcurrentWriters;
import org.arrival.platform.testing.api.ConcurrentWriters.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Edits sent at the same moment with the same ETag: exactly one succeeds, every other is refused with 412 and
 * changes nothing, for subscriptions and for each kind of change of a webhook.
 */
class ConcurrentEditsTest extends NotificationsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Sends the requests together, released at once by a barrier. */
    private List<Outcome> race(int writers, IntFunction<MockHttpServletRequestBuilder> request, Token token) {
        return ConcurrentWriters.race(mvc, writers, i -> request.apply(i).header("Authorization", token.bearer()));
    }

    private static Outcome theOnlyWinner(List<Outcome> outcomes) {
        return ConcurrentWriters.theOnlyWinner(outcomes);
    }

    @ParameterizedTest(name = "{0} writers")
    @ValueSource(ints = {2, 8})
    void concurrentChangesOfASubscriptionHaveOneWinner(int writers) throws Exception {
        UUID org = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        Token alice = user("alice-" + UUID.randomUUID(), org, "member");
        String created = perform(postJson("/subscriptions", "{\"channel\":\"IN_APP\"}"), alice)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JSON.readTree(created).path("id").asString();
        String[] sectors = {
            "HEALTH", "EDUCATION", "HOUSING", "PROTECTION_RIGHTS", "LIVELIHOODS", "RECEPTION", "BASIC_SERVICES", "LAND"
        };

        Outcome winner = theOnlyWinner(race(
                writers,
                i -> putJson(
                        "/subscriptions/" + id,
                        "{\"channel\":\"IN_APP\",\"filter\":{\"sectors\":[\"" + sectors[i] + "\"]}}",
                        "\"1\""),
                alice));

        perform(getJson("/subscriptions/" + id), alice)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.filter.sectors[0]").value(sectors[winner.writer()]));
    }

    @ParameterizedTest(name = "{0} writers")
    @ValueSource(ints = {2, 8})
    void concurrentChangesOfAWebhookHaveOneWinner(int writers) throws Exception {
        UUID org = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        Token admin = user("rlp-admin-" + UUID.randomUUID(), org, "member", "org-admin");
        String id = webhook(admin);
        Outcome winner = theOnlyWinner(race(
                writers,
                i -> putJson(
                        "/webhooks/" + id,
                        "{\"url\":\"http://127.0.0.1:9/hooks/" + i + "\",\"eventTypes\":[\"PlanRecorded\"]}",
                        "\"1\""),
                admin));
        perform(getJson("/webhooks/" + id), admin)
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.url").value("http://127.0.0.1:9/hooks/" + winner.writer()));

        // rotating the secret: the one secret shown is the one kept
        Outcome rotated = theOnlyWinner(
                race(writers, i -> post("/webhooks/" + id + "/rotate-secret").header("If-Match", "\"2\""), admin));
        assertThat(jdbc.queryForObject("SELECT secret FROM webhook WHERE id = ?::uuid", String.class, id))
                .isEqualTo(JSON.readTree(rotated.body()).path("secret").asString());

        // switching it off, then on again
        theOnlyWinner(race(writers, i -> post("/webhooks/" + id + "/disable").header("If-Match", "\"3\""), admin));
        theOnlyWinner(race(writers, i -> post("/webhooks/" + id + "/enable").header("If-Match", "\"4\""), admin));
        assertThat(jdbc.queryForObject("SELECT version FROM webhook WHERE id = ?::uuid", Long.class, id))
                .isEqualTo(5L);
    }

    private String webhook(Token admin) throws Exception {
        String body = perform(postJson("/webhooks", """
                {"url": "http://127.0.0.1:9/hooks/arrival", "eventTypes": ["PlanRecorded"]}"""), admin)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body).path("id").asString();
    }
}
