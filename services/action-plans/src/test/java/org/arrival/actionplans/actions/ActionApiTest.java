package org.arrival.actionplans.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.plans.PlanningTestSupport;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.RecordedEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Actions over HTTP: lifecycle and its events, who may change and read what, links that must point at something
 * known, the vertical cascade's roll-up, filters, and bad requests that write nothing.
 */
class ActionApiTest extends PlanningTestSupport {

    private UUID forum;
    private UUID city;
    private UUID otherCity;
    private UUID ngo;
    private UUID outsider;
    private UUID police;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        otherCity = organisation("Arua City", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        outsider = organisation("NGO outside the forum", "NGO", false, false);
        police = organisation("Uganda Police Force", "NATIONAL_GOVERNMENT_BODY", true, false);
        for (UUID o : List.of(city, otherCity, ngo, police)) {
            seat(forum, o);
        }
    }

    private UUID propose(UUID owner, String classification, String extra) throws Exception {
        return id(perform(postJson("/actions", actionJson(classification, List.of(forum), extra)), editor(owner))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("PROPOSED")));
    }

    private void move(UUID id, String status, String reason, UUID who, int expected) throws Exception {
        String body = reason == null
                ? "{\"status\":\"%s\"}".formatted(status)
                : "{\"status\":\"%s\",\"reason\":\"%s\"}".formatted(status, reason);
        perform(postJson("/actions/" + id + "/status", body), editor(who)).andExpect(status().is(expected));
    }

    private UUID knownNeed() {
        return knownNeed(city);
    }

    private UUID knownNeed(UUID owner) {
        UUID need = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO known_need (id, version, owner_id, status, sector) VALUES (?, 1, ?, 'VALIDATED', 'EDUCATION')",
                need,
                owner);
        return need;
    }

    private UUID knownGap() {
        UUID gap = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO known_gap (id, round_id, question_code, country) VALUES (?, ?, '9.1.a', 'UG')",
                gap,
                UUID.randomUUID());
        return gap;
    }

    private void report(UUID action, LocalDate periodEnd, int percent) {
        jdbc.update(
                """
                INSERT INTO progress_report (id, action_id, period_start, period_end, action_status, percent_complete,
                    rag, reported_at, reported_by) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, 'GREEN', ?, 'tester')""",
                UUID.randomUUID(),
                action,
                Date.valueOf(periodEnd.minusMonths(3).plusDays(1)),
                Date.valueOf(periodEnd),
                percent,
                Timestamp.from(Instant.now()));
    }

    @Test
    void anActionGoesThroughItsLifecycleWithOneSchemaValidEventPerChange() throws Exception {
        UUID id = propose(city, "FORUM", null);
        RecordedEvent proposed = exactlyOne("ActionProposed", id);
        assertThat(proposed.key()).isEqualTo(id.toString());
        assertThat(proposed.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(city.toString());
        assertThat(proposed.header(CloudEventHeaders.DATA_CLASSIFICATION)).isEqualTo("FORUM");
        assertThat(json(proposed).path("action").path("targetGroups").toString())
                .contains("HOST_COMMUNITY");

        String edit = actionJson(
                        "FORUM",
                        List.of(forum),
                        "\"participants\":[{\"organisationId\":\"" + ngo + "\",\"role\":\"IMPLEMENTING\"}]")
                .replace("\"QUARTERLY\"", "\"MONTHLY\"");
        perform(putJson("/actions/" + id, edit, "\"1\""), editor(city))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.participants[0].organisationId").value(ngo.toString()));
        move(id, "IN_PROGRESS", null, city, 409);
        move(id, "COMMITTED", "approved by council", city, 200);
        move(id, "IN_PROGRESS", null, city, 200);
        move(id, "ON_HOLD", "school term break", city, 200);
        move(id, "IN_PROGRESS", null, city, 200);
        move(id, "CANCELLED", null, city, 400);
        move(id, "EVALUATED", null, city, 409);
        move(id, "CANCELLED", "donor withdrew funding", city, 200);
        move(id, "IN_PROGRESS", null, city, 409);
        perform(putJson("/actions/" + id, edit, "\"7\""), editor(city)).andExpect(status().isConflict());

        // a commitment with periods already ended is also told of its report due (the freshness check within the
        // step): one reminder per period, not an event of the action's lifecycle
        events.await(
                e -> id.toString().equals(e.subject()) && !e.type().contains(".Report"),
                7,
                java.time.Duration.ofSeconds(20));
        sleep(300);
        List<RecordedEvent> all = events.events(
                e -> id.toString().equals(e.subject()) && !e.type().contains(".Report"));
        assertThat(all).as("the action's own events").hasSize(7);
        all.forEach(org.arrival.platform.testing.EventRecorder::assertValidCloudEvent);
        assertThat(all)
                .extracting(e -> json(e).path("action").path("status").asString())
                .containsExactly(
                        "PROPOSED", "PROPOSED", "COMMITTED", "IN_PROGRESS", "ON_HOLD", "IN_PROGRESS", "CANCELLED");
        assertThat(json(all.get(1)).path("changedFields").toString())
                .isEqualTo("[\"reportingCadence\",\"participants\"]");
        assertThat(json(all.get(6)).path("changedFields").toString()).isEqualTo("[\"status\"]");
        assertThat(json(all.get(6)).path("reason").asString()).isEqualTo("donor withdrew funding");
        JsonNode history = json(
                perform(getJson("/actions/" + id + "/history"), readOnly(city)).andExpect(status().isOk()));
        assertThat(history.size()).isEqualTo(7);
        assertThat(history.get(6).path("reason").asString()).isEqualTo("donor withdrew funding");
        perform(getJson("/actions/" + id + "/history"), editor(ngo)).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheOwnersEditorsChangeAnActionOthersGet403IfTheySeeItAnd404IfNot() throws Exception {
        UUID id = propose(city, "FORUM", null);
        UUID hidden = propose(city, "ORGANISATION", null);
        UUID restricted = propose(city, "RESTRICTED", null);
        String edit = actionJson("FORUM", List.of(forum), null).replace("\"PROGRAMME\"", "\"PROJECT\"");
        perform(putJson("/actions/" + id, edit, "\"1\""), editor(otherCity)).andExpect(status().isForbidden());
        perform(postJson("/actions/" + id + "/status", "{\"status\":\"COMMITTED\"}"), editor(otherCity))
                .andExpect(status().isForbidden());
        perform(putJson("/actions/" + id, edit, "\"1\""), admin(ngo)).andExpect(status().isForbidden());
        perform(postJson("/actions/" + id + "/status", "{\"status\":\"COMMITTED\"}"), editor(ngo))
                .andExpect(status().isForbidden());
        perform(putJson("/actions/" + hidden, edit, "\"1\""), editor(otherCity)).andExpect(status().isNotFound());
        perform(getJson("/actions/" + hidden), editor(otherCity)).andExpect(status().isNotFound());
        perform(getJson("/actions/" + hidden + "/cascade"), editor(otherCity)).andExpect(status().isNotFound());
        perform(putJson("/actions/" + id, edit, "\"1\""), editor(outsider)).andExpect(status().isNotFound());
        perform(getJson("/actions/" + id), editor(outsider)).andExpect(status().isNotFound());
        perform(getJson("/actions/" + id + "/history"), editor(outsider)).andExpect(status().isNotFound());
        perform(getJson("/actions/" + restricted), readOnly(police)).andExpect(status().isNotFound());
        perform(getJson("/actions/" + restricted), readOnly(ngo)).andExpect(status().isOk());
        perform(getJson("/actions/" + id), readOnly(police)).andExpect(status().isOk());
        perform(putJson("/actions/" + id, edit, "\"1\""), readOnly(city)).andExpect(status().isForbidden());
        perform(postJson("/actions", edit), readOnly(city)).andExpect(status().isForbidden());
        perform(getJson("/actions/" + id), null).andExpect(status().isUnauthorized());
        perform(getJson("/actions"), null).andExpect(status().isUnauthorized());
        perform(putJson("/actions/" + id, edit, null), editor(city)).andExpect(status().is(428));
        perform(putJson("/actions/" + id, edit, "\"4\""), editor(city)).andExpect(status().is(412));
        perform(getJson("/actions/" + UUID.randomUUID()), editor(city)).andExpect(status().isNotFound());
        List<String> seenByPolice = ids(json(perform(getJson("/actions?owner=" + city), readOnly(police))));
        assertThat(seenByPolice).containsExactly(id.toString());
        sleep(500);
        assertThat(eventsAbout(id)).isEqualTo(1);

        perform(putJson("/actions/" + id, edit, "\"1\""), editor(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("PROJECT"));
        assertThat(json(exactlyOne("ActionUpdated", id)).path("changedFields").toString())
                .isEqualTo("[\"kind\"]");
    }

    @Test
    void anOrientationIsOptionalTravelsInTheEventsAndIsEditedLikeAnyOtherField() throws Exception {
        UUID id = propose(city, "FORUM", "\"orientation\":\"HUMANITARIAN\"");
        perform(getJson("/actions/" + id), readOnly(ngo))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orientation").value("HUMANITARIAN"));
        assertThat(json(exactlyOne("ActionProposed", id))
                        .path("action")
                        .path("orientation")
                        .asString())
                .isEqualTo("HUMANITARIAN");
        UUID none = propose(city, "FORUM", null);
        perform(getJson("/actions/" + none), readOnly(ngo))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orientation").doesNotExist());
        assertThat(json(exactlyOne("ActionProposed", none)).path("action").has("orientation"))
                .isFalse();

        String nexus = actionJson("FORUM", List.of(forum), "\"orientation\":\"NEXUS\"");
        perform(putJson("/actions/" + id, nexus, "\"1\""), editor(city))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.orientation").value("NEXUS"));
        JsonNode updated = json(exactlyOne("ActionUpdated", id));
        assertThat(updated.path("changedFields").toString()).isEqualTo("[\"orientation\"]");
        assertThat(updated.path("action").path("orientation").asString()).isEqualTo("NEXUS");
        perform(putJson("/actions/" + id, nexus, "\"1\""), editor(city)).andExpect(status().is(412));

        String unknown = actionJson("FORUM", List.of(forum), "\"orientation\":\"EMERGENCY\"");
        for (String bad : List.of(unknown, unknown.replace("\"EMERGENCY\"", "\"nexus\""))) {
            expectProblem(perform(putJson("/actions/" + id, bad, "\"2\""), editor(city)), 400);
            perform(putJson("/actions/" + id, bad, "\"2\""), editor(city))
                    .andExpect(jsonPath("$.errors[0].field").value("orientation"));
        }
        expectProblem(perform(postJson("/actions", unknown), editor(city)), 400);
        perform(getJson("/actions/" + id), readOnly(city))
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.orientation").value("NEXUS"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action WHERE owner_id = ?", Long.class, city))
                .isEqualTo(2);
        sleep(500);
        assertThat(eventsAbout(id)).isEqualTo(2);

        // an edit is the whole action: one sent without an orientation removes it
        perform(putJson("/actions/" + id, actionJson("FORUM", List.of(forum), null), "\"2\""), editor(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orientation").doesNotExist());
        assertThat(jdbc.queryForObject("SELECT orientation FROM action WHERE id = ?", String.class, id))
                .isNull();
    }

    @Test
    void linksMustPointAtThingsThisServiceKnowsAndUnknownOnesAreNamed() throws Exception {
        UUID need = knownNeed();
        UUID gap = knownGap();
        UUID plan =
                id(perform(postJson("/plans", planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of(forum))), editor(city))
                        .andExpect(status().isCreated()));
        UUID othersPlan = id(perform(
                        postJson("/plans", planJson("MUNICIPAL_ACTION_PLAN", "PUBLIC", List.of())), editor(otherCity))
                .andExpect(status().isCreated()));
        UUID unknown = UUID.randomUUID();
        UUID ghost = UUID.randomUUID();
        UUID archived = organisation("Closed NGO", "NGO", false, false);
        jdbc.update("UPDATE organisation SET status = 'ARCHIVED' WHERE id = ?", archived);

        List<String[]> unprocessable = List.of(
                new String[] {"\"needIds\":[\"" + need + "\",\"" + unknown + "\"]", unknown.toString()},
                new String[] {"\"gapIds\":[\"" + unknown + "\"]", unknown.toString()},
                new String[] {"\"planId\":\"" + othersPlan + "\"", othersPlan.toString()},
                new String[] {"\"planId\":\"" + unknown + "\"", unknown.toString()},
                new String[] {
                    "\"participants\":[{\"organisationId\":\"" + ghost + "\",\"role\":\"FUNDING\"}]", ghost.toString()
                },
                new String[] {
                    "\"participants\":[{\"organisationId\":\"" + archived + "\",\"role\":\"FUNDING\"}]", "ARCHIVED"
                },
                new String[] {"\"implementsActionId\":\"" + unknown + "\"", unknown.toString()});
        for (String[] u : unprocessable) {
            perform(postJson("/actions", actionJson("FORUM", List.of(forum), u[0])), editor(city))
                    .andExpect(status().is(422))
                    .andExpect(jsonPath("$.detail", Matchers.containsString(u[1])));
        }
        perform(
                        postJson(
                                "/actions",
                                actionJson("FORUM", List.of(forum), null)
                                        .replace("\"UNH-R9.1\"", "\"UNH-R9.1\",\"SDG-99.9\",\"GCM-23\"")),
                        editor(city))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("SDG-99.9")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action WHERE owner_id = ?", Long.class, city))
                .isZero();

        String linked = "\"planId\":\"" + plan + "\",\"needIds\":[\"" + need + "\"],\"gapIds\":[\"" + gap
                + "\"],\"participants\":[{\"organisationId\":\"" + ngo + "\",\"role\":\"IMPLEMENTING\"},"
                + "{\"organisationId\":\"" + otherCity + "\",\"role\":\"CONTRIBUTING\"}]";
        UUID id = propose(city, "FORUM", linked);
        JsonNode event = json(exactlyOne("ActionProposed", id)).path("action");
        assertThat(event.path("planId").asString()).isEqualTo(plan.toString());
        assertThat(event.path("needIds").get(0).asString()).isEqualTo(need.toString());
        assertThat(event.path("gapIds").get(0).asString()).isEqualTo(gap.toString());
        assertThat(event.path("frameworkItems").toString()).isEqualTo("[\"SDG-4.1\",\"GCM-15\",\"UNH-R9.1\"]");
        assertThat(ids(json(perform(getJson("/actions?need=" + need), readOnly(ngo)))))
                .containsExactly(id.toString());
        assertThat(ids(json(perform(getJson("/actions?gap=" + gap), readOnly(ngo)))))
                .containsExactly(id.toString());
        assertThat(ids(json(perform(getJson("/actions?plan=" + plan), readOnly(ngo)))))
                .containsExactly(id.toString());

        UUID need2 = knownNeed();
        String relinked = actionJson("FORUM", List.of(forum), linked.replace(need.toString(), need2.toString()));
        perform(putJson("/actions/" + id, relinked, "\"1\""), editor(city)).andExpect(status().isOk());
        assertThat(json(exactlyOne("ActionUpdated", id)).path("changedFields").toString())
                .isEqualTo("[\"needIds\"]");
        assertThat(jdbc.queryForList("SELECT need_id FROM action_need WHERE action_id = ?", UUID.class, id))
                .containsExactly(need2);
    }

    @Test
    void aCommitmentRollsUpItsLocalActionsByWeightAndNamesTheImplementersStillMissing() throws Exception {
        UUID ministry = organisation("Office of the Prime Minister", "NATIONAL_GOVERNMENT_BODY", false, false);
        UUID gulu = organisation("Gulu City", "LOCAL_GOVERNMENT", false, false);
        seat(forum, ministry);
        seat(forum, gulu);
        String commitment = "\"requiresLocalImplementation\":true,\"expectedImplementers\":[\"" + city + "\",\""
                + otherCity + "\",\"" + gulu + "\"]";
        UUID parent = id(perform(
                        postJson(
                                "/actions",
                                actionJson("FORUM", List.of(forum), commitment)
                                        .replace("\"PROGRAMME\"", "\"COMMITMENT\"")),
                        editor(ministry))
                .andExpect(status().isCreated()));
        UUID plain = propose(ministry, "FORUM", null);
        UUID privateCommitment =
                id(perform(postJson("/actions", actionJson("ORGANISATION", List.of(), commitment)), editor(ministry))
                        .andExpect(status().isCreated()));

        perform(
                        postJson(
                                "/actions",
                                actionJson("FORUM", List.of(forum), "\"implementsActionId\":\"" + plain + "\"")),
                        editor(city))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.detail", Matchers.containsString("requires local implementation")));
        perform(
                        postJson(
                                "/actions",
                                actionJson(
                                        "FORUM",
                                        List.of(forum),
                                        "\"implementsActionId\":\"" + privateCommitment + "\"")),
                        editor(city))
                .andExpect(status().is(422));
        expectProblem(
                perform(
                        postJson(
                                "/actions",
                                actionJson(
                                        "FORUM",
                                        List.of(forum),
                                        "\"implementsActionId\":\"" + parent + "\",\"weight\":0")),
                        editor(city)),
                400);
        expectProblem(
                perform(postJson("/actions", actionJson("FORUM", List.of(forum), "\"weight\":3")), editor(city)), 400);

        UUID kampala = propose(city, "FORUM", "\"implementsActionId\":\"" + parent + "\",\"weight\":3");
        UUID arua = propose(otherCity, "ORGANISATION", "\"implementsActionId\":\"" + parent + "\"");
        UUID dropped = propose(gulu, "FORUM", "\"implementsActionId\":\"" + parent + "\",\"weight\":50");
        move(dropped, "CANCELLED", "merged into the Kampala programme", gulu, 200);
        report(kampala, LocalDate.of(2026, 3, 31), 40);
        report(kampala, LocalDate.of(2026, 6, 30), 80);
        report(arua, LocalDate.of(2026, 6, 30), 20);
        report(dropped, LocalDate.of(2026, 3, 31), 100);

        // the NGO may not read Arua's ORGANISATION action: for it the cascade is Kampala's (3 x 80) / 3 = 80, and
        // Arua and Gulu (whose only action is cancelled) are missing; it is not told that an action is not shown
        JsonNode cascade = json(perform(getJson("/actions/" + parent + "/cascade"), readOnly(ngo))
                .andExpect(status().isOk()));
        assertThat(cascade.path("percentComplete").asDouble()).isEqualTo(80.0);
        assertThat(cascade.path("missingImplementers").toString())
                .isEqualTo("[\"" + otherCity + "\",\"" + gulu + "\"]");
        assertThat(cascade.has("childrenNotShown")).isFalse();
        assertThat(cascade.path("children")).hasSize(2);
        JsonNode first = cascade.path("children").get(0);
        assertThat(first.path("id").asString()).isEqualTo(kampala.toString());
        assertThat(first.path("weight").asInt()).isEqualTo(3);
        assertThat(first.path("latestPercent").asInt()).isEqualTo(80);
        assertThat(first.path("ownerId").asString()).isEqualTo(city.toString());
        // the commitment's owner is told that one action implementing it is not shown to it
        JsonNode ownView = json(perform(getJson("/actions/" + parent + "/cascade"), readOnly(ministry)));
        assertThat(ownView.path("childrenNotShown").asInt()).isEqualTo(1);
        assertThat(ownView.path("percentComplete").asDouble()).isEqualTo(80.0);
        // Arua reads all three: (3 x 80 + 1 x 20) / (3 + 1) = 65, and only Gulu is missing
        JsonNode aruaView = json(perform(getJson("/actions/" + parent + "/cascade"), readOnly(otherCity)));
        assertThat(aruaView.path("children")).hasSize(3);
        assertThat(aruaView.path("percentComplete").asDouble()).isEqualTo(65.0);
        assertThat(aruaView.path("missingImplementers").toString()).isEqualTo("[\"" + gulu + "\"]");
        assertThat(aruaView.has("childrenNotShown")).isFalse();
        perform(getJson("/actions/" + parent + "/cascade"), readOnly(outsider)).andExpect(status().isNotFound());
        assertThat(ids(json(
                        perform(getJson("/actions?implementsActionId=" + parent + "&sort=createdAt"), readOnly(ngo)))))
                .containsExactly(kampala.toString(), dropped.toString());
        // the commitments a local action may implement, listed as such: no local action among them
        assertThat(ids(json(perform(
                        getJson("/actions?requiresLocalImplementation=true&sort=createdAt&size=200"), readOnly(ngo)))))
                .contains(parent.toString())
                .doesNotContain(kampala.toString(), dropped.toString());
        assertThat(json(exactlyOne("ActionProposed", kampala))
                        .path("action")
                        .path("weight")
                        .asInt())
                .isEqualTo(3);
        assertThat(json(exactlyOne("ActionProposed", arua))
                        .path("action")
                        .path("weight")
                        .asInt())
                .isEqualTo(1);

        String cycle = actionJson("FORUM", List.of(forum), commitment + ",\"implementsActionId\":\"" + kampala + "\"");
        perform(
                        putJson("/actions/" + parent, cycle.replace("\"PROGRAMME\"", "\"COMMITMENT\""), "\"1\""),
                        editor(ministry))
                .andExpect(status().is(422));
    }

    /**
     * Issue 13, finding 2: the enforcement unit read the hidden association's id in a commitment's
     * expectedImplementers and in an action's participants, and the cascade's childrenNotShown with its roll-up
     * told it that the association has a local action. It now sees every one of these as if the association and
     * what it owns did not exist, and naming the association is refused exactly as naming an unknown organisation.
     */
    @Test
    void anEnforcementBodyLearnsNothingOfAHiddenOrganisationThroughReferencesOrTheCascade() throws Exception {
        UUID ministry = organisation("Office of the Prime Minister", "NATIONAL_GOVERNMENT_BODY", false, false);
        UUID association = organisation("Umoja Refugee Association", "MIGRANT_ASSOCIATION", false, true);
        seat(forum, ministry);
        seat(forum, association);
        UUID need = knownNeed(association);
        String commitment = "\"requiresLocalImplementation\":true,\"expectedImplementers\":[\"" + city + "\",\""
                + association + "\"]";
        UUID parent = id(perform(
                        postJson(
                                "/actions",
                                actionJson("FORUM", List.of(forum), commitment)
                                        .replace("\"PROGRAMME\"", "\"COMMITMENT\"")),
                        editor(ministry))
                .andExpect(status().isCreated()));
        UUID kampala = propose(
                city,
                "FORUM",
                "\"implementsActionId\":\"" + parent + "\",\"participants\":[{"
                        + "\"organisationId\":\"" + association + "\",\"role\":\"IMPLEMENTING\"},{\"organisationId\":\""
                        + ngo
                        + "\",\"role\":\"CONTRIBUTING\"}],\"needIds\":[\"" + need + "\"]");
        UUID local = propose(association, "FORUM", "\"implementsActionId\":\"" + parent + "\",\"weight\":3");
        UUID confidential = propose(otherCity, "RESTRICTED", "\"implementsActionId\":\"" + parent + "\"");
        report(kampala, LocalDate.of(2026, 3, 31), 20);
        report(local, LocalDate.of(2026, 3, 31), 100);
        report(confidential, LocalDate.of(2026, 3, 31), 60);

        JsonNode commitmentSeen =
                json(perform(getJson("/actions/" + parent), readOnly(police)).andExpect(status().isOk()));
        assertThat(commitmentSeen.path("expectedImplementers").toString()).isEqualTo("[\"" + city + "\"]");
        JsonNode actionSeen =
                json(perform(getJson("/actions/" + kampala), readOnly(police)).andExpect(status().isOk()));
        assertThat(actionSeen.path("participants")).hasSize(1);
        assertThat(actionSeen.path("participants").get(0).path("organisationId").asString())
                .isEqualTo(ngo.toString());
        assertThat(actionSeen.path("needIds")).isEmpty();
        JsonNode listed = json(perform(getJson("/actions?forum=" + forum + "&size=200"), readOnly(police)));
        assertThat(listed.path("items").findValuesAsString("id"))
                .contains(kampala.toString())
                .doesNotContain(local.toString());
        perform(getJson("/actions/" + local), readOnly(police)).andExpect(status().isNotFound());
        assertThat(json(perform(getJson("/actions?need=" + need), readOnly(police)))
                        .path("totalItems")
                        .asInt())
                .isZero();
        // the cascade as if the association's and the RESTRICTED action did not exist: Kampala's 20 %, nobody
        // missing, no count
        JsonNode cascade = json(perform(getJson("/actions/" + parent + "/cascade"), readOnly(police))
                .andExpect(status().isOk()));
        assertThat(cascade.path("children")).hasSize(1);
        assertThat(cascade.path("children").get(0).path("id").asString()).isEqualTo(kampala.toString());
        assertThat(cascade.path("percentComplete").asDouble()).isEqualTo(20.0);
        assertThat(cascade.path("missingImplementers")).isEmpty();
        assertThat(cascade.has("childrenNotShown")).isFalse();
        for (JsonNode seen : List.of(commitmentSeen, actionSeen, listed, cascade)) {
            assertThat(seen.toString())
                    .doesNotContain(association.toString())
                    .doesNotContain(local.toString())
                    .doesNotContain(need.toString())
                    .doesNotContain(confidential.toString());
        }

        // the events that name the association go out RESTRICTED, so that no enforcement body is told of them
        assertThat(exactlyOne("ActionProposed", parent).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("RESTRICTED");
        assertThat(exactlyOne("ActionProposed", kampala).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("RESTRICTED");

        // naming the association or its need is answered exactly as naming what does not exist
        UUID unknown = UUID.randomUUID();
        for (String field : List.of("participants", "expectedImplementers", "needIds")) {
            String hiddenAnswer = refusedLink(field, association, need, police);
            String unknownAnswer = refusedLink(field, unknown, unknown, police);
            assertThat(hiddenAnswer.replace(association.toString(), "ID").replace(need.toString(), "ID"))
                    .as(field)
                    .isEqualTo(unknownAnswer.replace(unknown.toString(), "ID"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action WHERE owner_id = ?", Long.class, police))
                .isZero();

        // forum members who are no enforcement body see all of it: (1 x 20 + 3 x 100 + 1 x 60) / 5 = 76
        JsonNode ngoCascade = json(perform(getJson("/actions/" + parent + "/cascade"), readOnly(ngo)));
        assertThat(ngoCascade.path("children")).hasSize(3);
        assertThat(ngoCascade.path("percentComplete").asDouble()).isEqualTo(76.0);
        assertThat(json(perform(getJson("/actions/" + kampala), readOnly(ngo))).path("participants"))
                .hasSize(2);
        assertThat(json(perform(getJson("/actions/" + parent), readOnly(ngo))).path("expectedImplementers"))
                .hasSize(2);
        assertThat(json(perform(getJson("/actions/" + parent + "/cascade"), readOnly(ministry)))
                        .path("childrenNotShown")
                        .asInt())
                .isZero();
    }

    /** The answer (422) to {@code by} proposing an action that names the organisation (or need) in the field. */
    private String refusedLink(String field, UUID organisation, UUID need, UUID by) throws Exception {
        String extra = switch (field) {
            case "participants" ->
                "\"participants\":[{\"organisationId\":\"" + organisation + "\",\"role\":\"FUNDING\"}]";
            case "expectedImplementers" ->
                "\"requiresLocalImplementation\":true,\"expectedImplementers\":[\"" + organisation + "\"]";
            default -> "\"needIds\":[\"" + need + "\"]";
        };
        return perform(postJson("/actions", actionJson("FORUM", List.of(forum), extra)), editor(by))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void filtersNarrowTheListingAndOverdueMeansAnOverdueReminderWithoutAReport() throws Exception {
        UUID a = propose(city, "PUBLIC", null);
        UUID b = propose(city, "PUBLIC", null);
        String housing = actionJson("PUBLIC", List.of(), null)
                .replace("[\"EDUCATION\",\"SOCIAL_PROTECTION\"]", "[\"HOUSING\"]")
                .replace("\"UG-C\"", "\"UG-N\"")
                .replace(",\"HOST_COMMUNITY\"", "")
                .replace("\"SDG-4.1\"", "\"SDG-11.1\"");
        UUID c = id(perform(postJson("/actions", housing), editor(city)).andExpect(status().isCreated()));
        LocalDate end = LocalDate.of(2026, 3, 31);
        for (UUID x : List.of(a, b)) {
            // under way, as only actions expected to report are overdue
            jdbc.update("UPDATE action SET status = 'IN_PROGRESS' WHERE id = ?", x);
            jdbc.update(
                    "INSERT INTO report_reminder (action_id, period_end, kind, sent_at) VALUES (?, ?, 'OVERDUE', now())",
                    x,
                    Date.valueOf(end));
        }
        report(b, end, 30);
        String base = "/actions?owner=" + city + "&sort=createdAt";
        assertThat(ids(json(perform(getJson(base + "&overdue=true"), readOnly(ngo)))))
                .containsExactly(a.toString());
        assertThat(ids(json(perform(getJson(base + "&overdue=false"), readOnly(ngo)))))
                .containsExactly(b.toString(), c.toString());
        assertThat(ids(json(perform(getJson(base + "&sector=HOUSING"), readOnly(ngo)))))
                .containsExactly(c.toString());
        assertThat(ids(json(perform(getJson(base + "&area=UG-N"), readOnly(ngo)))))
                .containsExactly(c.toString());
        assertThat(ids(json(perform(getJson(base + "&area=UG"), readOnly(ngo)))))
                .hasSize(3);
        assertThat(ids(json(perform(getJson(base + "&frameworkItem=SDG-4.1"), readOnly(ngo)))))
                .containsExactly(a.toString(), b.toString());
        assertThat(ids(json(perform(getJson(base + "&targetGroup=HOST_COMMUNITY&status=IN_PROGRESS"), readOnly(ngo)))))
                .containsExactly(a.toString(), b.toString());
        assertThat(ids(json(perform(getJson(base + "&forum=" + forum), readOnly(ngo)))))
                .containsExactly(a.toString(), b.toString());
        assertThat(ids(json(perform(getJson(base + "&forum=" + UUID.randomUUID()), readOnly(ngo)))))
                .isEmpty();
        JsonNode page = json(perform(getJson(base + "&size=2&page=1"), readOnly(ngo)));
        assertThat(page.path("totalItems").asInt()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(c.toString());
        expectProblem(perform(getJson("/actions?area=Uganda"), readOnly(ngo)), 400);
        expectProblem(perform(getJson("/actions?status=DONE"), readOnly(ngo)), 400);
        expectProblem(perform(getJson("/actions?need=not-a-uuid"), readOnly(ngo)), 400);
        expectProblem(perform(getJson("/actions?size=500"), readOnly(ngo)), 400);
    }

    @Test
    void badActionsAreRefusedAndWriteNothing() throws Exception {
        UUID org = organisation("Municipality of Mbale", "LOCAL_GOVERNMENT", false, false);
        String valid = actionJson("FORUM", List.of(), null);
        List<String[]> bad = List.of(
                new String[] {
                    valid.replace("\"title\":\"School fee waiver for displaced children in Kisenyi\",", ""), "title"
                },
                new String[] {
                    valid.replace("School fee waiver for displaced children in Kisenyi", "t".repeat(301)), "title"
                },
                new String[] {valid.replace("KCCA waives fees", "d".repeat(4001)), "description"},
                new String[] {valid.replace("\"PROGRAMME\"", "\"PARTY\""), "kind"},
                new String[] {actionJson("FORUM", List.of(), "\"orientation\":\"RELIEF\""), "orientation"},
                new String[] {valid.replace("\"QUARTERLY\"", "\"WEEKLY\""), "reportingCadence"},
                new String[] {valid.replace("[\"EDUCATION\",\"SOCIAL_PROTECTION\"]", "[]"), "sectors"},
                new String[] {valid.replace("\"HOST_COMMUNITY\"", "\"TOURISTS\""), "targetGroups"},
                new String[] {valid.replace("\"2026-12-31\"", "\"2026-01-01\""), "endDate"},
                new String[] {valid.replace("\"2026-12-31\"", "\"tomorrow\""), "endDate"},
                new String[] {valid.replace("\"GCM-15\"", "\"GCM-24\""), "frameworkItems"},
                new String[] {valid.replace("\"GCM-15\"", "\"SDG-17.99\""), "SDG-17.99"},
                new String[] {valid.replace("\"country\":\"UG\"", "\"country\":\"Uganda\""), "country"},
                new String[] {valid.replace("\"title\"", "\"budget\":5,\"title\""), "budget"},
                new String[] {
                    actionJson(
                            "FORUM",
                            List.of(),
                            "\"participants\":[{\"organisationId\":\"" + org + "\",\"role\":\"OWNER\"}]"),
                    "role"
                },
                new String[] {
                    actionJson("FORUM", List.of(), "\"expectedImplementers\":[\"" + org + "\"]"), "expectedImplementers"
                },
                new String[] {valid.substring(0, 50), "JSON"});
        for (String[] b : bad) {
            perform(postJson("/actions", b[0]), editor(org))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", Matchers.containsString(b[1])));
        }
        expectProblem(
                perform(post("/actions").contentType(MediaType.APPLICATION_XML).content("<action/>"), editor(org)),
                415);
        expectProblem(
                perform(
                        postJson("/actions/" + UUID.randomUUID() + "/status", "{\"status\":\"COMMITTED\"}"),
                        editor(org)),
                404);
        expectProblem(perform(putJson("/actions/" + UUID.randomUUID(), valid, "\"1\""), editor(org)), 404);
        expectProblem(perform(getJson("/actions/not-an-id"), editor(org)), 400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action WHERE owner_id = ?", Long.class, org))
                .isZero();
        noEventsFrom(org);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }
}
