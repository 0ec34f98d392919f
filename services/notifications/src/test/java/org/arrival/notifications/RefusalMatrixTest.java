package org.arrival.notifications;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.RefusalMatrix;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the notifications API, read from its own OpenAPI description, against the callers who must be
 * refused: no token and a forged one (401), another user of the same organisation, the organisation's members
 * without the administrator role, other organisations' administrators, an enforcement body and an account that acts
 * for no organisation (403 or 404). Each row ends with the caller who may make the same request, and it succeeds.
 */
class RefusalMatrixTest extends NotificationsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UUID ngo;
    private Token alice;
    private Token bob;
    private Token ngoEditor;
    private Token ngoAdmin;
    private Token cityAdmin;
    private Token policeAdmin;
    private Token noOrganisation;

    @Test
    void everyOperationRefusesThoseWhoMayNot() {
        String t = UUID.randomUUID().toString();
        ngo = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        UUID city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        UUID police = organisation(
                "Directorate of Citizenship and Immigration Control", "NATIONAL_GOVERNMENT_BODY", true, false);
        alice = user("rlp-alice-" + t, ngo, "member");
        bob = user("rlp-bob-" + t, ngo, "member");
        ngoEditor = user("rlp-editor-" + t, ngo, "org-editor", "member");
        ngoAdmin = user("rlp-admin-" + t, ngo, "org-admin", "member");
        cityAdmin = user("kcca-admin-" + t, city, "org-admin", "forum-coordinator", "org-editor", "member");
        policeAdmin = user("dcic-admin-" + t, police, "org-admin", "forum-coordinator", "org-editor", "member");
        noOrganisation = user("lost-admin-" + t, null, "org-admin", "member");

        RefusalMatrix matrix = RefusalMatrix.of(mvc);

        // subscriptions: a user's own, or (administrators) the organisation's
        matrix.operation("POST /subscriptions")
                .call(() -> ApiCall.post("/subscriptions", "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}"))
                .refuses("a member, for the whole organisation", alice)
                .refuses("an editor, for the whole organisation", ngoEditor)
                .refuses("an account of no organisation", noOrganisation)
                .allows("the organisation's administrator", ngoAdmin);
        matrix.operation("GET /subscriptions")
                .call(() -> ApiCall.get("/subscriptions?page=0&size=5"))
                .openToEveryMember("each caller lists only its own and its organisation's (SubscriptionApiTest)")
                .allows("a member", alice);
        matrix.operation("GET /subscriptions/{id}")
                .call(() -> ApiCall.get("/subscriptions/" + subscription(alice, "{\"channel\":\"IN_APP\"}")))
                .refuses("another user of the organisation", bob, 404)
                .refuses("the organisation's administrator", ngoAdmin, 404)
                .refuses("another organisation's administrator", cityAdmin, 404)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the user who subscribed", alice);
        matrix.operation("PUT /subscriptions/{id}")
                .call(() -> ApiCall.put(
                                "/subscriptions/"
                                        + subscription(ngoAdmin, "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}"),
                                "{\"channel\":\"IN_APP\",\"filter\":{\"sectors\":[\"HEALTH\"]}}")
                        .ifMatch("\"1\""))
                .refuses("a member of the organisation", alice, 403)
                .refuses("an editor of the organisation", ngoEditor, 403)
                .refuses("another organisation's administrator", cityAdmin, 404)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the organisation's administrator", ngoAdmin);
        matrix.operation("DELETE /subscriptions/{id}")
                .call(() -> ApiCall.delete("/subscriptions/" + subscription(alice, "{\"channel\":\"IN_APP\"}"))
                        .ifMatch("\"1\""))
                .refuses("another user of the organisation", bob, 404)
                .refuses("the organisation's administrator", ngoAdmin, 404)
                .refuses("another organisation's administrator", cityAdmin, 404)
                .allows("the user who subscribed", alice);

        // the inbox: the caller's own notifications and their organisation's
        matrix.operation("GET /inbox")
                .call(() -> ApiCall.get("/inbox?unread=true&page=0&size=5"))
                .openToEveryMember("each caller reads only its own and its organisation's (InboxApiTest)")
                .allows("a member", alice);
        matrix.operation("GET /inbox/unread-count")
                .call(() -> ApiCall.get("/inbox/unread-count"))
                .openToEveryMember("each caller counts only its own and its organisation's")
                .allows("a member", alice);
        matrix.operation("POST /inbox/{id}/read")
                .call(() -> ApiCall.post("/inbox/" + notificationFor(alice) + "/read", null))
                .refuses("another user of the organisation", bob, 404)
                .refuses("another organisation's administrator", cityAdmin, 404)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the user it is addressed to", alice);
        matrix.operation("POST /inbox/read-all")
                .call(() -> ApiCall.post("/inbox/read-all", null))
                .openToEveryMember("marks only the caller's own read state")
                .allows("a member", alice);

        // webhooks: the organisation's administrators only; another organisation's does not exist for them
        matrix.operation("POST /webhooks")
                .call(() -> ApiCall.post(
                        "/webhooks",
                        "{\"url\":\"http://127.0.0.1:9/hooks/arrival\",\"eventTypes\":[\"PlanRecorded\"]}"))
                .refuses("a member", alice, 403)
                .refuses("an editor", ngoEditor, 403)
                .refuses("an account of no organisation", noOrganisation, 403)
                .allows("the organisation's administrator", ngoAdmin);
        matrix.operation("GET /webhooks")
                .call(() -> ApiCall.get("/webhooks?page=0&size=5"))
                .refuses("a member", alice, 403)
                .refuses("an editor", ngoEditor, 403)
                .allows("the organisation's administrator", ngoAdmin);
        matrix.operation("GET /webhooks/{id}")
                .call(() -> ApiCall.get("/webhooks/" + webhook()))
                .refuses("a member", alice, 403)
                .refuses("an editor", ngoEditor, 403)
                .refuses("another organisation's administrator", cityAdmin, 404)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the organisation's administrator", ngoAdmin);
        matrix.operation("PUT /webhooks/{id}")
                .call(() -> ApiCall.put(
                                "/webhooks/" + webhook(),
                                "{\"url\":\"http://127.0.0.1:9/hooks/v2\",\"eventTypes\":[\"PlanUpdated\"]}")
                        .ifMatch("\"1\""))
                .refuses("a member", alice, 403)
                .refuses("an editor", ngoEditor, 403)
                .refuses("another organisation's administrator", cityAdmin, 404)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the organisation's administrator", ngoAdmin);
        for (String change : new String[] {"rotate-secret", "disable", "enable"}) {
            matrix.operation("POST /webhooks/{id}/" + change)
                    .call(() -> ApiCall.post("/webhooks/" + webhook() + "/" + change, null)
                            .ifMatch("\"1\""))
                    .refuses("a member", alice, 403)
                    .refuses("an editor", ngoEditor, 403)
                    .refuses("another organisation's administrator", cityAdmin, 404)
                    .refuses("an enforcement body", policeAdmin, 404)
                    .allows("the organisation's administrator", ngoAdmin);
        }
        matrix.operation("DELETE /webhooks/{id}")
                .call(() -> ApiCall.delete("/webhooks/" + webhook()).ifMatch("\"1\""))
                .refuses("a member", alice, 403)
                .refuses("an editor", ngoEditor, 403)
                .refuses("another organisation's administrator", cityAdmin, 404)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the organisation's administrator", ngoAdmin);
        matrix.operation("GET /webhooks/{id}/deliveries")
                .call(() -> ApiCall.get("/webhooks/" + webhook() + "/deliveries?status=SENT&page=0&size=5"))
                .refuses("a member", alice, 403)
                .refuses("an editor", ngoEditor, 403)
                .refuses("another organisation's administrator", cityAdmin, 404)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the organisation's administrator", ngoAdmin);

        matrix.verify();
    }

    private String subscription(Token token, String body) {
        try {
            String created = perform(postJson("/subscriptions", body), token)
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return JSON.readTree(created).path("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String webhook() {
        try {
            String created = perform(
                            postJson(
                                    "/webhooks",
                                    "{\"url\":\"http://127.0.0.1:9/hooks/arrival\",\"eventTypes\":[\"PlanRecorded\"]}"),
                            ngoAdmin)
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return JSON.readTree(created).path("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A notification addressed to the user alone, as the router writes it. */
    private UUID notificationFor(Token user) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO notification (id, event_id, event_type, subject_id, recipient_org, recipient_user, title,
                    body, link, classification, occurred_at, created_at)
                VALUES (?, ?, 'org.arrival.actionplans.ActionProposed.v1', ?, ?, ?, 'A new action', '',
                    'http://127.0.0.1:8080/actions/1', 'FORUM', ?, ?)""", id, UUID.randomUUID().toString(), UUID.randomUUID().toString(), ngo, user.subject(), now, now);
        return id;
    }
}
