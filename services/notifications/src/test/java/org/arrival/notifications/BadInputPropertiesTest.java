package org.arrival.notifications;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.ApiDescription;
import org.arrival.platform.testing.api.BadInput;
import org.arrival.platform.testing.api.BadInputCheck;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated hostile variants of every write and list request of the notifications service, sent by callers who may
 * make the valid request: never a 5xx, every refusal as problem+json, and a refused request changes nothing.
 *
 * <p>Left out of the database fingerprint, because the service writes them in the background whatever the API is
 * asked: {@code known_record}, {@code forum_coordinators}, {@code notification}, {@code digest_item} and
 * {@code delivery} (the router, as events arrive; the digest job; the delivery worker), and {@code organisation} and {@code forum_membership} (the registry
 * replica). Everything the API writes ({@code subscription}, {@code webhook}, {@code notification_read}) is compared.
 */
class BadInputPropertiesTest extends NotificationsIntegrationTest {

    static final Set<String> BACKGROUND_TABLES = Set.of(
            "known_record",
            "notification",
            "digest_item",
            "delivery",
            "organisation",
            "forum_membership",
            "forum_coordinators");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<BadInput.Template> templates;

    private BadInputCheck check;

    @BeforeProperty
    void context() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        check = new BadInputCheck(mvc, jdbc, BACKGROUND_TABLES);
        if (templates == null) {
            templates = templates();
            check.requireTemplates(ApiDescription.of(mvc), templates, Map.of());
        }
    }

    /** No edge-case mixing: it would favour the first operation; the variants carry their own hostile edges. */
    @Property(tries = 800, edgeCases = EdgeCasesMode.NONE)
    void hostileRequestsAreRefusedCleanlyAndChangeNothing(@ForAll("requests") BadInput.Variant variant) {
        int status = check.send(variant.call(), variant.caller().bearer());
        Statistics.label("status").collect(status / 100 + "xx");
        Statistics.label("operation").collect(variant.operation());
    }

    @Provide
    Arbitrary<BadInput.Variant> requests() {
        return BadInput.variants(ApiDescription.of(mvc), templates);
    }

    private List<BadInput.Template> templates() throws Exception {
        String t = UUID.randomUUID().toString();
        UUID ngo = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        UUID city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        UUID forum = UUID.randomUUID();
        seat(forum, ngo);
        seat(forum, city);
        UUID action = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO known_record (id, kind, owner_id, classification, shared_with_forums, title, updated_at)
                VALUES (?, 'ACTION', ?, 'FORUM', ARRAY[?]::uuid[], 'Referral desks', now())""", action, city, forum);
        Token alice = user("rlp-alice-" + t, ngo, "member");
        Token admin = user("rlp-admin-" + t, ngo, "org-admin", "member");
        String subscriptionBody = """
                {"scope":"USER","channel":"EMAIL","address":"alice@rlp.example.org","frequency":"DAILY_DIGEST",
                 "filter":{"forums":["%s"],"organisations":["%s"],"sectors":["HEALTH"],"areas":["UG-C"],
                           "records":["%s"],"eventTypes":["ProgressReported"]}}""".formatted(forum, city, action);
        String subscription = id(perform(postJson("/subscriptions", subscriptionBody), alice)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        String webhookBody = """
                {"url":"http://127.0.0.1:9/hooks/arrival","eventTypes":["PlanRecorded","ProgressReported"],
                 "description":"our case management system"}""";
        String webhook = id(perform(postJson("/webhooks", webhookBody), admin)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        UUID notification = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO notification (id, event_id, event_type, subject_id, recipient_org, recipient_user, title,
                    body, link, classification, occurred_at, created_at)
                VALUES (?, ?, 'org.arrival.actionplans.ActionProposed.v1', ?, ?, ?, 'A new action', '',
                    'http://127.0.0.1:8080/actions/1', 'FORUM', ?, ?)""", notification, UUID.randomUUID().toString(), action.toString(), ngo, alice.subject(), now, now);
        String hook = "/webhooks/" + webhook;
        return List.of(
                new BadInput.Template("POST /subscriptions", ApiCall.post("/subscriptions", subscriptionBody), alice),
                new BadInput.Template(
                        "GET /subscriptions", ApiCall.get("/subscriptions?page=0&size=5&sort=-createdAt"), alice),
                new BadInput.Template(
                        "PUT /subscriptions/{id}",
                        ApiCall.put("/subscriptions/" + subscription, subscriptionBody)
                                .ifMatch("\"1\""),
                        alice),
                new BadInput.Template(
                        "DELETE /subscriptions/{id}",
                        ApiCall.delete("/subscriptions/" + subscription).ifMatch("\"1\""),
                        alice),
                new BadInput.Template(
                        "GET /inbox",
                        ApiCall.get("/inbox?unread=true&subject=" + UUID.randomUUID() + "&page=0&size=5"),
                        alice),
                new BadInput.Template(
                        "POST /inbox/{id}/read", ApiCall.post("/inbox/" + notification + "/read", null), alice),
                new BadInput.Template("POST /inbox/read-all", ApiCall.post("/inbox/read-all", null), alice),
                new BadInput.Template("POST /webhooks", ApiCall.post("/webhooks", webhookBody), admin),
                new BadInput.Template("GET /webhooks", ApiCall.get("/webhooks?page=0&size=5&sort=createdAt"), admin),
                new BadInput.Template(
                        "PUT /webhooks/{id}", ApiCall.put(hook, webhookBody).ifMatch("\"1\""), admin),
                new BadInput.Template(
                        "POST /webhooks/{id}/rotate-secret",
                        ApiCall.post(hook + "/rotate-secret", null).ifMatch("\"1\""),
                        admin),
                new BadInput.Template(
                        "POST /webhooks/{id}/enable",
                        ApiCall.post(hook + "/enable", null).ifMatch("\"1\""),
                        admin),
                new BadInput.Template(
                        "POST /webhooks/{id}/disable",
                        ApiCall.post(hook + "/disable", null).ifMatch("\"1\""),
                        admin),
                new BadInput.Template(
                        "DELETE /webhooks/{id}", ApiCall.delete(hook).ifMatch("\"1\""), admin),
                new BadInput.Template(
                        "GET /webhooks/{id}/deliveries",
                        ApiCall.get(hook + "/deliveries?status=SENT&page=0&size=5&sort=-createdAt"),
                        admin));
    }

    private static String id(String json) {
        return JSON.readTree(json).path("id").asString();
    }
}
