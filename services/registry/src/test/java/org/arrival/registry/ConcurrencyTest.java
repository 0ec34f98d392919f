package org.arrival.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ConcurrentWriters;
import org.arrival.platform.testing.api.ConcurrentWriters.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Concurrent writers with the same ETag: one wins, the others are told to re-read; nothing is lost. */
class ConcurrencyTest extends RegistryIntegrationTest {

    /** Runs the requests together, released at once by a barrier, each with its writer's token. */
    private List<Outcome> race(List<MockHttpServletRequestBuilder> requests, List<Token> tokens) {
        return ConcurrentWriters.race(
                mvc,
                requests.size(),
                i -> requests.get(i).header("Authorization", tokens.get(i).bearer()));
    }

    private static Outcome theOnlyWinner(List<Outcome> outcomes) {
        Outcome winner = ConcurrentWriters.theOnlyWinner(outcomes);
        outcomes.stream()
                .filter(o -> o != winner)
                .forEach(o -> assertThat(o.body()).contains("ETag"));
        return winner;
    }

    @ParameterizedTest(name = "{0} writers")
    @ValueSource(ints = {2, 8})
    void concurrentProfileEditsWithTheSameETagHaveOneWinner(int writers) throws Exception {
        String t = tag();
        String city = register(cityAuthorityJson(t));
        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            requests.add(putJson(
                    "/stakeholders/" + city, cityAuthorityJson(t).replace("\"KCCA\"", "\"KCCA-" + i + "\""), "\"1\""));
            // half of them the organisation's own administrators, half the platform
            tokens.add(i % 2 == 0 ? user("kcca-admin-" + i + "-" + t, city, "org-admin") : platformAdmin());
        }
        Outcome winner = theOnlyWinner(race(requests, tokens));

        perform(getJson("/stakeholders/" + city), platformAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.acronym").value("KCCA-" + winner.writer()));
        List<RecordedEvent> published = awaitEvents(city, "StakeholderRegistered", "StakeholderUpdated");
        assertThat(published.get(1).payloadText()).contains("\"acronym\":\"KCCA-" + winner.writer() + "\"");
        perform(getJson("/stakeholders/" + city + "/history"), platformAdmin())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void sequentialEditsWithFreshETagsAreNeverLost() throws Exception {
        String t = tag();
        String city = register(cityAuthorityJson(t));
        Token cityAdmin = user("kcca-admin-" + t, city, "org-admin");
        List<String> expected = new ArrayList<>(List.of("StakeholderRegistered"));
        for (int i = 1; i <= 10; i++) {
            String etag = perform(getJson("/stakeholders/" + city), cityAdmin)
                    .andReturn()
                    .getResponse()
                    .getHeader("ETag");
            perform(
                            putJson(
                                    "/stakeholders/" + city,
                                    cityAuthorityJson(t).replace("\"KCCA\"", "\"KCCA-" + i + "\""),
                                    etag),
                            cityAdmin)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(i + 1));
            expected.add("StakeholderUpdated");
        }
        perform(getJson("/stakeholders/" + city), cityAdmin)
                .andExpect(jsonPath("$.version").value(11))
                .andExpect(jsonPath("$.acronym").value("KCCA-10"));
        List<RecordedEvent> published = awaitEvents(city, expected.toArray(String[]::new));
        for (int i = 1; i <= 10; i++) {
            assertThat(published.get(i).payloadText())
                    .contains("\"acronym\":\"KCCA-" + i + "\"")
                    .contains("\"version\":" + (i + 1));
        }
    }

    @Test
    void concurrentLifecycleStepsWithTheSameETagHaveOneWinner() throws Exception {
        String city = register(cityAuthorityJson(tag()));
        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(postStep("/stakeholders/" + city + (i % 2 == 0 ? "/verify" : "/archive"), "\"1\""));
            tokens.add(platformAdmin());
        }
        Outcome winner = theOnlyWinner(race(requests, tokens));
        String expected = winner.writer() % 2 == 0 ? "VERIFIED" : "ARCHIVED";
        perform(getJson("/stakeholders/" + city), platformAdmin())
                .andExpect(jsonPath("$.status").value(expected))
                .andExpect(jsonPath("$.version").value(2));
        awaitEvents(
                city,
                "StakeholderRegistered",
                winner.writer() % 2 == 0 ? "StakeholderVerified" : "StakeholderArchived");
    }

    @Test
    void concurrentForumEditsWithTheSameETagHaveOneWinner() throws Exception {
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        String department = registerActive(refugeeDepartmentJson(t));
        Token cityCoordinator = user("kcca-coordinator-" + t, city, "forum-coordinator");
        Token departmentCoordinator = user("opm-coordinator-" + t, department, "forum-coordinator");
        String forum = json(
                perform(
                                postJson(
                                        "/forums",
                                        forumJson("Kampala Urban Refugee Forum " + t, city, department, null, null)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(putJson(
                    "/forums/" + forum,
                    forumJson("Kampala Urban Refugee Forum " + t + " v" + i, city, department, null, null),
                    "\"1\""));
            tokens.add(i % 2 == 0 ? cityCoordinator : departmentCoordinator);
        }
        Outcome winner = theOnlyWinner(race(requests, tokens));
        perform(getJson("/forums/" + forum), cityCoordinator)
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.name").value("Kampala Urban Refugee Forum " + t + " v" + winner.writer()));
    }

    @ParameterizedTest(name = "{0} coordinators")
    @ValueSource(ints = {2, 8})
    void concurrentSeatChangesWithTheSameETagHaveOneWinner(int writers) throws Exception {
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        String department = registerActive(refugeeDepartmentJson(t));
        String association = registerActive(associationJson(t, false));
        Token cityCoordinator = user("kcca-coordinator-" + t, city, "forum-coordinator");
        String forum = json(
                perform(
                                postJson(
                                        "/forums",
                                        forumJson("Kampala Urban Refugee Forum " + t, city, department, null, null)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        String membership = json(
                perform(
                                postJson(
                                        "/forums/" + forum + "/memberships",
                                        membershipJson(association, "MEMBER", "2026-01-01", null)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");

        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String end = "2027-01-%02d".formatted(i + 1);
            requests.add(putJson(
                    "/forums/" + forum + "/memberships/" + membership,
                    "{\"seat\":\"ELECTED_MIGRANT_REPRESENTATIVE\",\"termStart\":\"2026-01-01\",\"termEnd\":\"" + end
                            + "\"}",
                    "\"1\""));
            tokens.add(
                    i % 2 == 0
                            ? cityCoordinator
                            : user("opm-coordinator-" + i + "-" + t, department, "forum-coordinator"));
        }
        Outcome winner = theOnlyWinner(race(requests, tokens));
        String winningEnd = "2027-01-%02d".formatted(winner.writer() + 1);
        perform(getJson("/forums/" + forum + "/memberships/" + membership), cityCoordinator)
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.termEnd").value(winningEnd));
        List<RecordedEvent> published = awaitEvents(membership, "MembershipGranted", "MembershipChanged");
        assertThat(published.get(1).payloadText()).contains(winningEnd);
        assertThat(published.get(1).key()).isEqualTo(forum);

        // then one after the other, each with the ETag it just read: every change lands
        for (int i = 0; i < 5; i++) {
            String etag = perform(getJson("/forums/" + forum + "/memberships/" + membership), cityCoordinator)
                    .andReturn()
                    .getResponse()
                    .getHeader("ETag");
            perform(
                            putJson(
                                    "/forums/" + forum + "/memberships/" + membership,
                                    "{\"seat\":\"MEMBER\",\"termStart\":\"2026-01-01\",\"termEnd\":\"2028-02-%02d\"}"
                                            .formatted(i + 1),
                                    etag),
                            cityCoordinator)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(3 + i));
        }
        awaitEvents(
                membership,
                "MembershipGranted",
                "MembershipChanged",
                "MembershipChanged",
                "MembershipChanged",
                "MembershipChanged",
                "MembershipChanged",
                "MembershipChanged");
    }
}
