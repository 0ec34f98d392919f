package org.arrival.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.InputContributed;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Plans, population estimates and inputs in the forum view: projected, and shown as classification allows. */
class PlansAndEvidenceTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Jurisdiction NAIROBI = new Jurisdiction("KE", "KE-30", "KE047", "Nairobi");

    @Autowired
    Generations generations;

    @Autowired
    org.arrival.forum.coherence.CoherenceChecker checker;

    @Autowired
    org.arrival.forum.projection.EventLog log;

    @Autowired
    org.arrival.forum.web.ForumMembers members;

    @Autowired
    org.arrival.platform.directory.Organisations organisations;

    record Members(UUID forum, UUID city, UUID ngo, UUID hiddenNgo, UUID police, UUID outsider) {}

    private Members forumOfFive() {
        UUID city = registered("City", false, false);
        UUID ngo = registered("NGO", false, false);
        UUID hiddenNgo = registered("Shelter network", false, true);
        UUID police = registered("Police", true, false);
        UUID outsider = registered("Outsider", false, false);
        UUID forum = forum(city);
        for (UUID member : List.of(city, ngo, hiddenNgo, police)) {
            member(forum, member);
        }
        await().atMost(WAIT)
                .until(() -> projected("fv_membership", "forum_id = '" + forum + "'") == 4
                        && seated(forum, police)
                        && seated(forum, hiddenNgo)
                        && seated(forum, ngo)
                        && known(outsider));
        return new Members(forum, city, ngo, hiddenNgo, police, outsider);
    }

    private static TestTokenIssuer.Token of(UUID org) {
        return user("user-" + org, org, "member");
    }

    @Test
    void plansSharedByMembersAreListedWithTheirActionsAsClassificationAllows() throws Exception {
        Members m = forumOfFive();
        UUID reception =
                plan(m.city(), "Reception plan", List.of(m.forum()), PlanStatus.ADOPTED, DataClassification.FORUM);
        UUID safety = plan(
                m.ngo(),
                "Safe shelter plan",
                List.of(m.forum()),
                PlanStatus.IN_IMPLEMENTATION,
                DataClassification.RESTRICTED);
        UUID internal =
                plan(m.city(), "Budget draft", List.of(m.forum()), PlanStatus.DRAFT, DataClassification.ORGANISATION);
        UUID network = plan(
                m.hiddenNgo(), "Night shelters", List.of(m.forum()), PlanStatus.ADOPTED, DataClassification.PUBLIC);
        UUID foreign = plan(
                m.outsider(), "Outsider's plan", List.of(m.forum()), PlanStatus.ADOPTED, DataClassification.PUBLIC);
        UUID elsewhere = plan(
                m.city(),
                "Other forum's plan",
                List.of(UUID.randomUUID()),
                PlanStatus.ADOPTED,
                DataClassification.PUBLIC);
        UUID open = UUID.randomUUID();
        UUID secret = UUID.randomUUID();
        proposed(
                action(
                        open,
                        1,
                        m.city(),
                        m.forum(),
                        "Shelter",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        ActionStatus.IN_PROGRESS,
                        reception,
                        LocalDate.of(2025, 1, 1),
                        null),
                DataClassification.FORUM);
        proposed(
                action(
                        secret,
                        1,
                        m.city(),
                        m.forum(),
                        "Safe house",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        ActionStatus.IN_PROGRESS,
                        reception,
                        LocalDate.of(2025, 1, 1),
                        null),
                DataClassification.RESTRICTED);
        // the hidden network contributes an action to the city's plan: counted for members, never for the police
        UUID networks = UUID.randomUUID();
        proposed(
                action(
                        networks,
                        1,
                        m.hiddenNgo(),
                        m.forum(),
                        "Night patrols",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        ActionStatus.IN_PROGRESS,
                        reception,
                        LocalDate.of(2025, 1, 1),
                        null),
                DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> List.of(reception, safety, internal, network, foreign, elsewhere).stream()
                                .allMatch(p -> projected("fv_plan", "id = '" + p + "'") == 1)
                        && projected("fv_action", "id IN ('" + open + "', '" + secret + "', '" + networks + "')") == 3);
        String plans = "/forums/" + m.forum() + "/plans";
        perform(getJson(plans), of(m.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(4))
                .andExpect(jsonPath("$.items[*].title")
                        .value(org.hamcrest.Matchers.contains(
                                "Budget draft", "Night shelters", "Reception plan", "Safe shelter plan")))
                .andExpect(jsonPath("$.items[2].actions").value(3))
                .andExpect(jsonPath("$.items[2].ownerName").value("City"))
                .andExpect(jsonPath("$.items[2].inclusion.migrantsNamed").value(true))
                .andExpect(jsonPath("$.items[2].status").value("ADOPTED"));
        perform(getJson(plans), of(m.ngo()))
                .andExpect(jsonPath("$.items[*].title")
                        .value(containsInAnyOrder("Night shelters", "Reception plan", "Safe shelter plan")));
        // the firewall: no RESTRICTED plan, no plan of a hidden organisation, no RESTRICTED action and no action of
        // a hidden organisation counted
        perform(getJson(plans), of(m.police()))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Reception plan"))
                .andExpect(jsonPath("$.items[0].actions").value(1));
        perform(getJson(plans + "?status=adopted&sort=-title"), of(m.city()))
                .andExpect(jsonPath("$.items[*].title")
                        .value(org.hamcrest.Matchers.contains("Reception plan", "Night shelters")));
        perform(getJson(plans + "?org=" + m.ngo() + "&type=MUNICIPAL_ACTION_PLAN"), of(m.city()))
                .andExpect(jsonPath("$.items[*].title").value(org.hamcrest.Matchers.contains("Safe shelter plan")));
        perform(getJson(plans + "?size=1&page=1"), of(m.city()))
                .andExpect(jsonPath("$.totalPages").value(4))
                .andExpect(jsonPath("$.items[0].title").value("Night shelters"));
        for (String bad : List.of("status=FINISHED", "type=WISHLIST", "sort=owner", "size=500", "org=x")) {
            perform(getJson(plans + "?" + bad), of(m.city()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        perform(getJson(plans), of(m.outsider())).andExpect(status().isNotFound());
        perform(getJson(plans), null).andExpect(status().isUnauthorized());
    }

    @Test
    void populationEstimatesOfTheForumsAreaKeepTheirSuppressedCounts() throws Exception {
        Members m = forumOfFive();
        UUID city = UUID.randomUUID();
        recorded(
                estimate(city, 1, m.city(), KAMPALA, Count.of(120), Count.hidden(), List.of()),
                DataClassification.PUBLIC);
        revised(
                estimate(city, 2, m.city(), KAMPALA, Count.of(130), Count.hidden(), List.of()),
                DataClassification.PUBLIC);
        UUID restricted = UUID.randomUUID();
        recorded(
                estimate(restricted, 1, m.ngo(), KAMPALA, Count.hidden(), Count.of(40), List.of(m.forum())),
                DataClassification.RESTRICTED);
        UUID hidden = UUID.randomUUID();
        recorded(
                estimate(hidden, 1, m.hiddenNgo(), KAMPALA, Count.of(25), Count.of(30), List.of()),
                DataClassification.PUBLIC);
        UUID nairobi = UUID.randomUUID();
        recorded(
                estimate(nairobi, 1, m.city(), NAIROBI, Count.of(500), Count.of(800), List.of()),
                DataClassification.PUBLIC);
        UUID internal = UUID.randomUUID();
        recorded(
                estimate(internal, 1, m.ngo(), KAMPALA, Count.of(9), Count.of(11), List.of(m.forum())),
                DataClassification.ORGANISATION);
        // an older version arriving late changes nothing
        recorded(
                estimate(city, 1, m.city(), KAMPALA, Count.of(120), Count.hidden(), List.of()),
                DataClassification.PUBLIC);
        UUID marker = UUID.randomUUID();
        recorded(
                estimate(marker, 1, m.outsider(), NAIROBI, Count.of(5), Count.of(5), List.of()),
                DataClassification.PUBLIC);
        await().atMost(WAIT)
                .until(() -> projected(
                                        "fv_population",
                                        "id IN ('" + city + "', '" + restricted + "', '" + hidden + "', '" + nairobi
                                                + "', '" + internal + "', '" + marker + "')")
                                == 6
                        && projected("fv_population", "id = '" + city + "' AND version = 2") == 1);
        String population = "/forums/" + m.forum() + "/population";
        // other tests' public estimates in Kampala show here too: look at this test's own
        List<UUID> ours = List.of(city, restricted, hidden, nairobi, internal, marker);
        assertThat(estimatesSeen(population, m.city(), ours)).containsExactlyInAnyOrder(city, restricted, hidden);
        assertThat(estimatesSeen(population, m.ngo(), ours))
                .containsExactlyInAnyOrder(city, restricted, hidden, internal);
        // the firewall: no RESTRICTED estimate and none of an organisation hidden from enforcement bodies
        assertThat(estimatesSeen(population, m.police(), ours)).containsExactly(city);
        for (UUID viewer : List.of(m.city(), m.police())) {
            perform(getJson(population + "?size=200"), of(viewer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[?(@.estimateId == '" + city + "')].registered.value")
                            .value(130))
                    .andExpect(jsonPath("$.items[?(@.estimateId == '" + city + "')].estimated.suppressed")
                            .value("<5"))
                    .andExpect(jsonPath("$.items[?(@.estimateId == '" + city + "')].breakdown[1].count.suppressed")
                            .value("<5"));
        }
        perform(getJson(population + "?size=200"), of(m.city()))
                .andExpect(jsonPath("$.items[?(@.estimateId == '" + restricted + "')].registered.suppressed")
                        .value("<5"));
        // its owner sees it too, as the forum shows every count: rounded to 5
        perform(getJson(population + "?size=200"), of(m.ngo()))
                .andExpect(jsonPath("$.items[?(@.estimateId == '" + internal + "')].registered.value")
                        .value(10));
        perform(getJson(population + "?area=kampala&group=refugees&size=2"), of(m.city()))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.totalItems").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
        String sorted = perform(getJson(population + "?size=200&sort=-asOf"), of(m.city()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> asOf = com.jayway.jsonpath.JsonPath.read(sorted, "$.items[*].asOf");
        assertThat(asOf).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        perform(getJson(population + "?group=IDPS"), of(m.city()))
                .andExpect(jsonPath("$.totalItems").value(0));
        for (String bad : List.of("group=ALIENS", "sort=registered", "page=-2", "size=0")) {
            perform(getJson(population + "?" + bad), of(m.city()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        perform(getJson(population), of(m.outsider())).andExpect(status().isNotFound());
        perform(getJson(population), null).andExpect(status().isUnauthorized());
    }

    @Test
    void inputsAreCountedPerNeedForWhoMaySeeThem() throws Exception {
        Members m = forumOfFive();
        UUID need = need(m.city(), Sector.HOUSING, PopulationGroup.REFUGEES);
        UUID shared = input(m.ngo(), "NEED", need, List.of(m.forum()), DataClassification.FORUM);
        UUID restricted = input(m.ngo(), "NEED", need, List.of(m.forum()), DataClassification.RESTRICTED);
        UUID internal = input(m.ngo(), "NEED", need, List.of(), DataClassification.ORGANISATION);
        UUID network = input(m.hiddenNgo(), "NEED", need, List.of(), DataClassification.PUBLIC);
        UUID toOwner = input(m.outsider(), "NEED", need, List.of(), DataClassification.FORUM);
        UUID round = scores(m.city(), m.forum(), 50, List.of());
        UUID aboutRound = input(m.ngo(), "ROUND", round, List.of(m.forum()), DataClassification.FORUM);
        List<UUID> all = List.of(shared, restricted, internal, network, toOwner, aboutRound);
        await().atMost(WAIT)
                .until(() -> all.stream().allMatch(i -> projected("fv_input", "id = '" + i + "'") == 1)
                        && projected("fv_need", "id = '" + need + "'") == 1);
        // the same input again (another delivery, another event id) is one input
        InputContributedAgain.publish(shared, m.ngo(), need, m.forum());
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_log WHERE subject = ?", Long.class, shared.toString())
                        == 2);
        assertThat(jdbc.queryForObject(
                        "SELECT data->>'kind' FROM fv_input WHERE generation = ? AND id = ?",
                        String.class,
                        generations.active(),
                        shared))
                .isEqualTo("FIELD_OBSERVATION");
        String coverage = "/forums/" + m.forum() + "/needs-coverage";
        String cell = "$[?(@.sector == 'HOUSING' && @.group == 'REFUGEES')]";
        // the need's owner: all but the one kept to the NGO
        String perNeed = cell + ".inputsPerNeed." + need;
        perform(getJson(coverage), of(m.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(cell + ".needIds[*]").value(org.hamcrest.Matchers.hasItem(need.toString())))
                .andExpect(jsonPath(perNeed).value(4));
        perform(getJson(coverage), of(m.ngo())).andExpect(jsonPath(perNeed).value(4));
        // the enforcement body: only the FORUM input of a visible contributor
        perform(getJson(coverage), of(m.police())).andExpect(jsonPath(perNeed).value(1));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM fv_input WHERE generation = ? AND subject_id = ?",
                        Long.class,
                        generations.active(),
                        need))
                .isEqualTo(5);
    }

    @Test
    void headCountsAreRoundedToFiveSoThatNoDifferenceRevealsASmallNumber() throws Exception {
        Members m = forumOfFive();
        UUID estimate = UUID.randomUUID();
        // as an older producer might still publish them: registered 7 against estimated 12, a cell of 7
        recorded(
                estimate(estimate, 1, m.ngo(), KAMPALA, Count.of(7), Count.of(12), List.of()),
                DataClassification.PUBLIC);
        UUID series = UUID.randomUUID();
        recorded(
                estimate(series, 1, m.ngo(), KAMPALA, Count.of(100), Count.of(103), List.of()),
                DataClassification.PUBLIC);
        await().atMost(WAIT)
                .until(() -> projected("fv_population", "id IN ('" + estimate + "', '" + series + "')") == 2);
        String population = "/forums/" + m.forum() + "/population?size=200";
        String item = "$.items[?(@.estimateId == '" + estimate + "')]";
        String next = "$.items[?(@.estimateId == '" + series + "')]";
        // the owner too: the forum's views are a shared picture, the owner reads its exact counts where it keeps them
        for (UUID viewer : List.of(m.city(), m.police(), m.ngo())) {
            perform(getJson(population), of(viewer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(item + ".registered.value").value(5))
                    .andExpect(jsonPath(item + ".estimated.value").value(10))
                    .andExpect(jsonPath(item + ".breakdown[0].count.value").value(5))
                    .andExpect(jsonPath(next + ".registered.value").value(100))
                    .andExpect(jsonPath(next + ".estimated.value").value(105));
        }
    }

    @Test
    void aRoundAHiddenOrganisationAnsweredDoesNotExistForAnEnforcementBodyNorDoItsGapsOrTheirFlags() throws Exception {
        Members m = forumOfFive();
        UUID round = UUID.randomUUID();
        // published as a producer did before the round's events carried the strictest classification of what it names
        org.arrival.contracts.assessments.AssessmentRound r = new org.arrival.contracts.assessments.AssessmentRound(
                round,
                3,
                "Readiness with the network " + round,
                KAMPALA,
                m.city(),
                List.of(m.city(), m.ngo(), m.hiddenNgo()),
                "checklist",
                1,
                null,
                List.of(m.forum()),
                org.arrival.contracts.assessments.RoundStatus.PUBLISHED);
        feed.publish(
                new org.arrival.contracts.assessments.ChecklistScoresPublished(
                        r,
                        new org.arrival.contracts.assessments.Score(70, 100, 100, 50, 50),
                        List.of(new org.arrival.contracts.assessments.RecommendationScore(
                                "R1",
                                new org.arrival.contracts.assessments.Score(35, 50, 50, 25, 25),
                                List.of(new org.arrival.contracts.assessments.ActionScore(
                                        "1.1", new org.arrival.contracts.assessments.Score(35, 50, 50, 25, 25))))),
                        List.of(),
                        3,
                        actor(m.city())),
                round,
                round,
                m.city(),
                DataClassification.PUBLIC);
        UUID gap = gap(round, m.city(), "1.1.b", "1.1");
        await().atMost(WAIT)
                .until(() -> projected("fv_round_score", "id = '" + round + "'") == 1
                        && projected("fv_gap", "id = '" + gap + "'") == 1);
        checker.check(m.forum());
        String trend = "$.trend[?(@.roundId == '" + round + "')]";
        String readiness = "/forums/" + m.forum() + "/readiness";
        perform(getJson(readiness), of(m.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(trend + ".respondents").value(3));
        String police = perform(getJson(readiness), of(m.police()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(trend).isEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(police).doesNotContain(round.toString(), gap.toString());
        String flags = "/forums/" + m.forum() + "/flags?check=GAP_WITHOUT_ACTION";
        assertThat(perform(getJson(flags), of(m.city()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(gap.toString());
        assertThat(perform(getJson(flags), of(m.police()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(gap.toString());
        // nor is it told that the readiness view changed
        var store = generations.activeStore();
        int hinted = 0;
        for (var event : log.after(m.forum(), java.time.Instant.EPOCH)) {
            if (!List.of(round.toString(), gap.toString()).contains(event.key())) {
                continue;
            }
            hinted++;
            var batch = List.of(new org.arrival.forum.projection.ProjectionChanged(
                    org.arrival.forum.projection.domain.Touch.of(store, event), false));
            var sources = org.arrival.forum.live.LiveStreams.sources(batch, store);
            assertThat(org.arrival.forum.live.LiveStreams.views(
                            batch,
                            m.forum(),
                            store,
                            new org.arrival.forum.views.ForumViews(
                                    store,
                                    organisations,
                                    members.viewer(caller(m.police()), m.forum()),
                                    java.time.LocalDate.now(java.time.ZoneOffset.UTC)),
                            sources))
                    .as(event.type())
                    .isEmpty();
            assertThat(org.arrival.forum.live.LiveStreams.views(
                            batch,
                            m.forum(),
                            store,
                            new org.arrival.forum.views.ForumViews(
                                    store,
                                    organisations,
                                    members.viewer(caller(m.city()), m.forum()),
                                    java.time.LocalDate.now(java.time.ZoneOffset.UTC)),
                            sources))
                    .as(event.type())
                    .containsExactly("readiness");
        }
        assertThat(hinted).as("the round's and the gap's events").isEqualTo(2);
    }

    private static org.arrival.platform.security.Caller caller(UUID org) {
        return new org.arrival.platform.security.Caller("user-" + org, "user-" + org, org, java.util.Set.of("member"));
    }

    private List<UUID> estimatesSeen(String population, UUID viewer, List<UUID> among) throws Exception {
        String body = perform(getJson(population + "?size=200"), of(viewer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = com.jayway.jsonpath.JsonPath.read(body, "$.items[*].estimateId");
        return ids.stream().map(UUID::fromString).filter(among::contains).toList();
    }

    /** Publishes an input already contributed, as a redelivery by another producer run would. */
    private static final class InputContributedAgain {
        static void publish(UUID id, UUID contributor, UUID need, UUID forum) {
            feed.publish(
                    new InputContributed(
                            new org.arrival.contracts.assessments.Input(
                                    id,
                                    contributor,
                                    org.arrival.contracts.assessments.InputKind.DATA_CONTRIBUTION,
                                    "NEED",
                                    need,
                                    "changed?",
                                    "again",
                                    null,
                                    Count.of(99),
                                    List.of(forum)),
                            actor(contributor)),
                    id,
                    need,
                    contributor,
                    DataClassification.FORUM);
        }
    }
}
