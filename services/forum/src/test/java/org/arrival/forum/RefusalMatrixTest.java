package org.arrival.forum;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.registry.Forum;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.forum.coherence.CheckSettingsStore;
import org.arrival.forum.coherence.CoherenceChecker;
import org.arrival.forum.coherence.CoherenceFlagRow;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.RefusalMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every operation of the forum view's API, read from its own OpenAPI description, against the callers who must be
 * refused: no token and a forged one (401); organisations without a seat in the forum, an enforcement body without
 * one and an organisation the platform does not know (404, as an unknown forum); for an action's history, also an
 * enforcement body with a seat when the action is a hidden association's (404, as an unknown action); for flag decisions, members who run
 * no part of the forum or lack the coordinator role (403) and the enforcement body holding the secretariat for a flag
 * naming a hidden association's action (404, as an unknown flag), a flag it may not read by its id either; for the
 * rebuild, everyone but platform administrators (403). Each row ends with the caller who may make the same request, and it succeeds.
 */
class RefusalMatrixTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    CoherenceChecker checker;

    @Autowired
    Generations generations;

    @Autowired
    CheckSettingsStore settings;

    private UUID forum;
    private UUID association;

    @Test
    void everyOperationRefusesThoseWhoMayNot() {
        UUID city = registered("City of Kampala", false, false);
        UUID ngo = registered("Refugee NGO", false, false);
        association = registered("Kisenyi refugee women's association", false, true);
        UUID police = registered("Immigration enforcement unit", true, false);
        UUID borderPolice = registered("Border police", true, false);
        UUID outsider = registered("Outsider", false, false);
        forum = UUID.randomUUID();
        feed.publish(
                new ForumEstablished(
                        new Forum(
                                forum,
                                1,
                                "Matrix forum " + forum,
                                ForumType.COORDINATION_FORUM,
                                KAMPALA,
                                null,
                                city,
                                city,
                                police,
                                null,
                                ForumStatus.ACTIVE),
                        actor(city)),
                forum,
                forum,
                city,
                DataClassification.PUBLIC);
        for (UUID member : List.of(city, ngo, association, police)) {
            member(forum, member);
        }
        UUID meeting = UUID.randomUUID();
        feed.publish(
                new org.arrival.contracts.registry.MeetingScheduled(
                        new org.arrival.contracts.registry.Meeting(
                                meeting,
                                1,
                                forum,
                                "Matrix meeting",
                                java.time.LocalDate.of(2025, 3, 10),
                                null,
                                null,
                                null,
                                List.of(),
                                List.of(),
                                null,
                                org.arrival.contracts.registry.MeetingStatus.SCHEDULED,
                                null),
                        actor(city)),
                forum,
                forum,
                city,
                DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> projected("fv_meeting", "id = '" + meeting + "'") == 1
                        && projected("fv_membership", "forum_id = '" + forum + "'") == 4
                        && List.of(city, ngo, association, police).stream().allMatch(o -> seated(forum, o))
                        && known(outsider)
                        && known(borderPolice)
                        && projected("fv_organisation", "id = '" + association + "' AND (data->>'hidden')::boolean")
                                == 1);

        Token cityCoordinator = user("kcca-coordinator", city, "forum-coordinator", "member");
        Token cityMember = user("kcca-member", city, "member");
        Token ngoMember = user("irc-member", ngo, "member");
        Token ngoCoordinator = user("irc-coordinator", ngo, "forum-coordinator", "org-admin", "member");
        Token policeCoordinator = user("dcic-secretariat", police, "forum-coordinator", "org-admin", "member");
        Token borderCoordinator = user("border-coordinator", borderPolice, "forum-coordinator", "member");
        Token outsiderCoordinator = user("outsider-coordinator", outsider, "forum-coordinator", "org-admin", "member");
        Token unknown = user("stranger", UUID.randomUUID(), "forum-coordinator", "member");

        RefusalMatrix matrix = RefusalMatrix.of(mvc);
        String base = "/forums/" + forum;
        for (String view : List.of(
                "tracker",
                "tracker/summary",
                "who-what-where",
                "needs-coverage",
                "readiness",
                "plans",
                "population",
                "flags",
                "exports/3w.csv",
                "exports/iati.xml",
                "as-of",
                "decisions")) {
            String query = view.equals("as-of") ? "?at=" + Instant.now() : "";
            matrix.operation("GET /forums/{forumId}/" + view)
                    .call(() -> ApiCall.get(base + "/" + view + query))
                    .refuses("an organisation without a seat", outsiderCoordinator, 404)
                    .refuses("an enforcement body without a seat", borderCoordinator, 404)
                    .refuses("an organisation the platform does not know", unknown, 404)
                    .allows("a member", ngoMember);
        }
        UUID associationAction = UUID.randomUUID();
        proposed(
                action(
                        associationAction,
                        1,
                        association,
                        forum,
                        "Women's safe space",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        await().atMost(WAIT).until(() -> projected("fv_action", "id = '" + associationAction + "'") == 1);
        matrix.operation("GET /forums/{forumId}/actions/{actionId}/history")
                .call(() -> ApiCall.get(base + "/actions/" + associationAction + "/history"))
                .refuses("an organisation without a seat", outsiderCoordinator, 404)
                .refuses("an enforcement body without a seat", borderCoordinator, 404)
                .refuses("an organisation the platform does not know", unknown, 404)
                .refuses(
                        "an enforcement body with a seat (the action is a hidden association's)",
                        policeCoordinator,
                        404)
                .allows("a member", ngoMember);
        matrix.operation("GET /forums/{forumId}/meetings/{meetingId}/pack")
                .call(() -> ApiCall.get(base + "/meetings/" + meeting + "/pack"))
                .refuses("an organisation without a seat", outsiderCoordinator, 404)
                .refuses("an enforcement body without a seat", borderCoordinator, 404)
                .refuses("an organisation the platform does not know", unknown, 404)
                .allows("a member", ngoMember);
        matrix.operation("GET /forums/{forumId}/stream")
                .call(() -> ApiCall.get(base + "/stream"))
                .refuses("an organisation without a seat", outsiderCoordinator, 404)
                .refuses("an enforcement body without a seat", borderCoordinator, 404)
                .refuses("an organisation the platform does not know", unknown, 404);
        matrix.operation("GET /forums")
                .call(() -> ApiCall.get("/forums"))
                .openToEveryMember("lists only the forums the caller's organisation holds a seat in")
                .allows("an organisation without a seat", outsiderCoordinator);
        for (String decision : List.of("acknowledge", "resolve", "dismiss")) {
            matrix.operation("POST /forums/{forumId}/flags/{flagId}/" + decision)
                    .call(flagOfTheAssociation(decision))
                    .refuses("an organisation without a seat", outsiderCoordinator, 404)
                    .refuses(
                            "the enforcement body holding the secretariat (the flag names a hidden association's "
                                    + "action)",
                            policeCoordinator,
                            404)
                    .refuses("a member's coordinator who runs no part of the forum", ngoCoordinator, 403)
                    .refuses("the convenor's member without the coordinator role", cityMember, 403)
                    .allows("the convenor's coordinator", cityCoordinator);
        }
        matrix.operation("GET /forums/{forumId}/flags/{flagId}")
                .call(() -> {
                    String path = flagOfTheAssociation("read").get().path();
                    return ApiCall.get(path.substring(0, path.lastIndexOf('/')));
                })
                .refuses("an organisation without a seat", outsiderCoordinator, 404)
                .refuses("an enforcement body without a seat", borderCoordinator, 404)
                .refuses(
                        "the enforcement body holding the secretariat (the flag names a hidden association's action)",
                        policeCoordinator,
                        404)
                .refuses("an organisation the platform does not know", unknown, 404)
                .allows("a member", ngoMember);
        matrix.operation("GET /forums/{forumId}/flags/{flagId}/history")
                .call(() -> {
                    String path = flagOfTheAssociation("history").get().path();
                    return ApiCall.get(path.substring(0, path.lastIndexOf('/')) + "/history");
                })
                .refuses("an organisation without a seat", outsiderCoordinator, 404)
                .refuses(
                        "the enforcement body holding the secretariat (the flag names a hidden association's action)",
                        policeCoordinator,
                        404)
                .refuses("an organisation the platform does not know", unknown, 404)
                .allows("a member", ngoMember);
        matrix.operation("GET /forums/{forumId}/coherence-settings")
                .call(() -> ApiCall.get(base + "/coherence-settings"))
                .refuses("an organisation without a seat", outsiderCoordinator, 404)
                .refuses("an enforcement body without a seat", borderCoordinator, 404)
                .refuses("an organisation the platform does not know", unknown, 404)
                .allows("a member", ngoMember);
        matrix.operation("PUT /forums/{forumId}/coherence-settings")
                .call(() -> ApiCall.put(base + "/coherence-settings", "{\"regressionPercent\":10}")
                        .ifMatch("\"" + settings.read(forum).version() + "\""))
                .refuses("an organisation without a seat", outsiderCoordinator, 404)
                .refuses("an enforcement body without a seat", borderCoordinator, 404)
                .refuses("a member's coordinator who runs no part of the forum", ngoCoordinator, 403)
                .refuses("the convenor's member without the coordinator role", cityMember, 403)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("POST /admin/rebuild")
                .call(() -> ApiCall.post("/admin/rebuild", null))
                .refuses("an organisation administrator", ngoCoordinator, 403)
                .refuses("a forum's coordinator", cityCoordinator, 403)
                .refuses("an enforcement body", policeCoordinator, 403);
        matrix.operation("GET /admin/rebuild/{id}")
                .call(() -> ApiCall.get("/admin/rebuild/" + UUID.randomUUID()))
                .refuses("an organisation administrator", ngoCoordinator, 403)
                .refuses("an enforcement body", policeCoordinator, 403);
        matrix.verify();
    }

    /** A fresh open flag naming an action of the hidden association, at version 1. */
    private Supplier<ApiCall> flagOfTheAssociation(String decision) {
        return () -> {
            UUID action = UUID.randomUUID();
            proposed(
                    action(
                            action,
                            1,
                            association,
                            forum,
                            "Health escort " + decision,
                            Sector.HEALTH,
                            PopulationGroup.REFUGEES,
                            List.of(),
                            List.of(),
                            ActionStatus.IN_PROGRESS),
                    DataClassification.FORUM);
            await().atMost(WAIT).until(() -> projected("fv_action", "id = '" + action + "'") == 1);
            checker.check(forum);
            CoherenceFlagRow flag = checker.flags(forum, null, CoherenceCheckCode.ACTION_WITHOUT_FUNDING).stream()
                    .filter(f -> f.recordIds().contains(action))
                    .findFirst()
                    .orElseThrow();
            return ApiCall.post(
                            "/forums/" + forum + "/flags/" + flag.flagId() + "/" + decision,
                            "{\"reason\":\"Taken up at the forum's meeting\"}")
                    .ifMatch("\"1\"");
        };
    }
}
