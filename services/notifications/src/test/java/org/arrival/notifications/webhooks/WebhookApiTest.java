package org.arrival.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookApiTest extends NotificationsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String URL = "http://127.0.0.1:9/hooks/arrival";

    private UUID ngo;
    private TestTokenIssuer.Token admin;
    private TestTokenIssuer.Token editor;
    private TestTokenIssuer.Token otherAdmin;

    @BeforeEach
    void setUp() {
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        UUID other = organisation("Arua City", "LOCAL_GOVERNMENT", false, false);
        admin = user("rlp-admin", ngo, "member", "org-admin");
        editor = user("rlp-editor", ngo, "member", "org-editor");
        otherAdmin = user("arua-admin", other, "member", "org-admin");
    }

    @Test
    void registersAWebhookAndShowsItsSecretOnlyOnce() throws Exception {
        String created = perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded", "org.arrival.actionplans.PlanUpdated.v1"],
                 "description": "our case system"}""".formatted(URL)), admin)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/webhooks/")))
                .andExpect(jsonPath("$.url").value(URL))
                .andExpect(jsonPath("$.ownerId").value(ngo.toString()))
                .andExpect(jsonPath("$.eventTypes[0]").value("org.arrival.actionplans.PlanRecorded.v1"))
                .andExpect(jsonPath("$.eventTypes[1]").value("org.arrival.actionplans.PlanUpdated.v1"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.consecutiveFailures").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode json = JSON.readTree(created);
        String id = json.path("id").asString();
        String secret = json.path("secret").asString();
        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(jdbc.queryForObject("SELECT secret FROM webhook WHERE id = ?::uuid", String.class, id))
                .isEqualTo(secret);

        String one = perform(getJson("/webhooks/" + id), admin)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String list = perform(getJson("/webhooks"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].secret").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String changed = perform(putJson("/webhooks/" + id, """
                {"url": "%s/v2", "eventTypes": ["PlanRecorded"]}""".formatted(URL), "\"1\""), admin)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String disabled = perform(post("/webhooks/" + id + "/disable").header("If-Match", "\"2\""), admin)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String enabled = perform(post("/webhooks/" + id + "/enable").header("If-Match", "\"3\""), admin)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String body : List.of(one, list, changed, disabled, enabled)) {
            assertThat(body).doesNotContain(secret).doesNotContain("\"secret\"");
        }
    }

    @Test
    void theDescriptionIsScreenedForPersonalDataButTheUrlAndEventTypesAreNot() throws Exception {
        perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded"], "description": "call Amina on 0772 123456 if it fails"}""".formatted(URL)), admin)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].code").value("personal-data.phone"));
        assertNothingWritten();
        // a token in the receiver's URL has the shape of a passport number: a URL is no text people write
        String url = "http://127.0.0.1:9/hooks/arrival?token=AB1234567&line=0772123456";
        perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded"], "description": "our case system"}""".formatted(url)), admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value(url));
    }

    @Test
    void changesUrlAndEventTypesWithIfMatch() throws Exception {
        String id = register();
        perform(putJson("/webhooks/" + id, """
                {"url": "https://127.0.0.1:8443/new", "eventTypes": ["StakeholderRegistered"]}""", null), admin).andExpect(status().isPreconditionRequired());
        perform(putJson("/webhooks/" + id, """
                {"url": "https://127.0.0.1:8443/new", "eventTypes": ["StakeholderRegistered"]}""", "\"7\""), admin).andExpect(status().isPreconditionFailed());
        perform(putJson("/webhooks/" + id, """
                {"url": "https://127.0.0.1:8443/new", "eventTypes": ["StakeholderRegistered"]}""", "\"1\""), admin)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.url").value("https://127.0.0.1:8443/new"))
                .andExpect(jsonPath("$.eventTypes[0]").value("org.arrival.registry.StakeholderRegistered.v1"))
                .andExpect(jsonPath("$.updatedBy").isString());
    }

    @Test
    void everyChangeOfAWebhookNeedsIfMatch() throws Exception {
        String id = register();
        String path = "/webhooks/" + id;
        List<Supplier<MockHttpServletRequestBuilder>> changes = List.of(
                () -> post(path + "/rotate-secret"),
                () -> post(path + "/disable"),
                () -> post(path + "/enable"),
                () -> delete(path));
        for (Supplier<MockHttpServletRequestBuilder> change : changes) {
            perform(change.get(), admin)
                    .andExpect(status().isPreconditionRequired())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            perform(change.get().header("If-Match", "\"9\""), admin).andExpect(status().isPreconditionFailed());
        }
        assertThat(jdbc.queryForObject("SELECT version FROM webhook WHERE id = ?::uuid", Long.class, id))
                .isEqualTo(1);
        perform(post(path + "/disable").header("If-Match", "\"1\""), admin)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        perform(delete(path).header("If-Match", "\"2\""), admin).andExpect(status().isNoContent());
    }

    @Test
    void rotatingTheSecretShowsTheNewOneOnce() throws Exception {
        String id = register();
        String before = jdbc.queryForObject("SELECT secret FROM webhook WHERE id = ?::uuid", String.class, id);
        String rotated = JSON.readTree(
                        perform(post("/webhooks/" + id + "/rotate-secret").header("If-Match", "\"1\""), admin)
                                .andExpect(status().isOk())
                                .andExpect(header().string("ETag", "\"2\""))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .path("secret")
                .asString();
        assertThat(rotated).hasSize(43).isNotEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT secret FROM webhook WHERE id = ?::uuid", String.class, id))
                .isEqualTo(rotated);
        perform(getJson("/webhooks/" + id), admin)
                .andExpect(jsonPath("$.secret").doesNotExist());
    }

    @Test
    void disablingAndEnablingByHand() throws Exception {
        String id = register();
        perform(post("/webhooks/" + id + "/disable").header("If-Match", "\"1\""), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.disabledReason").value("disabled by rlp-admin"));
        jdbc.update("UPDATE webhook SET failures = 4 WHERE id = ?::uuid", id);
        perform(post("/webhooks/" + id + "/enable").header("If-Match", "\"1\""), admin)
                .andExpect(status().isPreconditionFailed());
        perform(post("/webhooks/" + id + "/enable").header("If-Match", "\"2\""), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.consecutiveFailures").value(0))
                .andExpect(jsonPath("$.disabledReason").doesNotExist());
    }

    @Test
    void deletesAWebhookButKeepsItsDeliveryLog() throws Exception {
        String id = register();
        perform(delete("/webhooks/" + id).header("If-Match", "\"1\""), admin).andExpect(status().isNoContent());
        perform(getJson("/webhooks/" + id), admin).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook WHERE id = ?::uuid", Integer.class, id))
                .isZero();
    }

    @Test
    void showsTheDeliveryLogPaged() throws Exception {
        String id = register();
        insertDelivery(id, "SENT", 1, 204, null, true);
        insertDelivery(id, "FAILED", 2, 500, "HTTP 500", false);
        insertDelivery(id, "DEAD", 1, 302, "HTTP 302: redirects are not followed", false);
        String otherHook = register();
        insertDelivery(otherHook, "SENT", 1, 200, null, true);

        perform(getJson("/webhooks/" + id + "/deliveries?size=2"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].status").value("DEAD"))
                .andExpect(jsonPath("$.items[0].lastStatus").value(302))
                .andExpect(jsonPath("$.items[0].lastError").value("HTTP 302: redirects are not followed"))
                .andExpect(jsonPath("$.items[1].status").value("FAILED"))
                .andExpect(jsonPath("$.items[1].attempts").value(2))
                .andExpect(jsonPath("$.items[1].nextAttemptAt").isString());
        perform(getJson("/webhooks/" + id + "/deliveries?status=sent"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].sentAt").isString())
                .andExpect(jsonPath("$.items[0].createdAt").isString())
                .andExpect(jsonPath("$.items[0].payload").doesNotExist());
        perform(getJson("/webhooks/" + id + "/deliveries?status=LOST"), admin).andExpect(status().isBadRequest());
        perform(getJson("/webhooks/" + id + "/deliveries?sort=payload"), admin).andExpect(status().isBadRequest());
        perform(getJson("/webhooks/" + id + "/deliveries"), otherAdmin).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheOrganisationsAdministratorsManageItsWebhooks() throws Exception {
        String id = register();
        String path = "/webhooks/" + id;
        String body = """
                {"url": "%s", "eventTypes": ["PlanRecorded"]}""".formatted(URL);
        // a fresh request each time: a builder keeps the headers of earlier performs
        List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(
                () -> postJson("/webhooks", body),
                () -> getJson("/webhooks"),
                () -> getJson(path),
                () -> putJson(path, body, "\"1\""),
                () -> post(path + "/rotate-secret").header("If-Match", "\"1\""),
                () -> post(path + "/enable").header("If-Match", "\"1\""),
                () -> post(path + "/disable").header("If-Match", "\"1\""),
                () -> delete(path).header("If-Match", "\"1\""),
                () -> getJson(path + "/deliveries"));
        TestTokenIssuer.Token member = user("rlp-member", ngo, "member");
        TestTokenIssuer.Token adminWithoutOrg = user("lost-admin", null, "member", "org-admin");
        for (Supplier<MockHttpServletRequestBuilder> r : requests) {
            perform(r.get(), null).andExpect(status().isUnauthorized());
            perform(r.get(), editor)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            perform(r.get(), member).andExpect(status().isForbidden());
            perform(r.get(), adminWithoutOrg).andExpect(status().isForbidden());
        }
        // another organisation's administrator does not even learn that the webhook exists
        for (Supplier<MockHttpServletRequestBuilder> r : requests.subList(2, requests.size())) {
            perform(r.get(), otherAdmin)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        perform(getJson("/webhooks"), otherAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0));
        perform(getJson("/webhooks/" + UUID.randomUUID()), admin).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT version FROM webhook WHERE id = ?::uuid", Long.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook WHERE owner_org = ?", Integer.class, ngo))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://[fe80::1]/",
                "ftp://example.org/",
                "http://user:pass@example.org/",
                "http://0.0.0.0/",
                "http://[::]:8080/",
                "http://224.0.0.251/",
                "http://100.100.100.200/",
                "http://[fd00:ec2::254]/",
                "not a url",
                "https://",
                "https://no-such-host.invalid/"
            })
    void refusesUnsafeOrInvalidUrls(String url) throws Exception {
        perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded"]}""".formatted(url)), admin)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("url: ")))
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        assertNothingWritten();
    }

    @Test
    void refusesAnUnsafeUrlWhenChangingAWebhook() throws Exception {
        String id = register();
        perform(putJson("/webhooks/" + id, """
                {"url": "http://169.254.169.254/", "eventTypes": ["PlanRecorded"]}""", "\"1\""), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cloud metadata")));
        assertThat(jdbc.queryForObject("SELECT url FROM webhook WHERE id = ?::uuid", String.class, id))
                .isEqualTo(URL);
    }

    @Test
    void refusesBadInputWithAProblemAndWritesNothing() throws Exception {
        perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded", "NoSuchThing", "org.arrival.Nope.v1"]}""".formatted(URL)), admin)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("NoSuchThing")))
                .andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
        perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": []}""".formatted(URL)), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
        perform(postJson("/webhooks", """
                {"eventTypes": ["PlanRecorded"]}"""), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded"], "secret": "mine"}""".formatted(URL)), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("secret"));
        perform(postJson("/webhooks", "{\"url\": "), admin)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        perform(post("/webhooks").contentType(MediaType.TEXT_PLAIN).content(URL), admin)
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        perform(get("/webhooks/not-a-uuid").accept(MediaType.APPLICATION_JSON), admin)
                .andExpect(status().isBadRequest());
        assertNothingWritten();
    }

    private String register() throws Exception {
        String body = perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded"]}""".formatted(URL)), admin)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body).path("id").asString();
    }

    private void insertDelivery(
            String webhookId, String status, int attempts, Integer lastStatus, String lastError, boolean sent)
            throws InterruptedException {
        jdbc.update(
                """
                INSERT INTO delivery (id, channel, webhook_id, event_id, target, payload, status, attempts,
                    next_attempt_at, last_status, last_error, created_at, sent_at)
                VALUES (?, 'WEBHOOK', ?::uuid, ?, ?, '{}', ?, ?, now() + interval '1 minute', ?, ?, clock_timestamp(),
                    CASE WHEN ? THEN clock_timestamp() END)""",
                UUID.randomUUID(),
                webhookId,
                UUID.randomUUID().toString(),
                URL,
                status,
                attempts,
                lastStatus,
                lastError,
                sent);
        Thread.sleep(5);
    }

    private void assertNothingWritten() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook WHERE owner_org = ?", Integer.class, ngo))
                .isZero();
    }
}
