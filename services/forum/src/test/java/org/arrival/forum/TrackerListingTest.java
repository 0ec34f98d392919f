package org.arrival.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.views.ForumListings;
import org.arrival.forum.views.ForumViews;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The live tracker filters, sorts and pages in the database, with the same visibility as the Java rules. */
class TrackerListingTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Jurisdiction ENTEBBE = new Jurisdiction("UG", "UG-C", "UG113", "Entebbe");

    @Autowired
    Generations generations;

    @Autowired
    ForumListings listings;

    @Autowired
    Organisations organisations;

    record Seeded(UUID forum, UUID city, UUID ngo, UUID hiddenNgo, UUID police, UUID plan, List<UUID> actions) {}

    /**
     * Seven actions of four members: five of the city and the NGO with distinct titles, dates and statuses, a
     * RESTRICTED one, and one of an organisation hidden from enforcement bodies.
     */
    private Seeded seed() {
        UUID city = registered("City", false, false);
        UUID ngo = registered("NGO", false, false);
        UUID hiddenNgo = registered("Shelter network", false, true);
        UUID police = registered("Police", true, false);
        UUID forum = forum(city);
        for (UUID member : List.of(city, ngo, hiddenNgo, police)) {
            member(forum, member);
        }
        UUID plan = plan(city, "Reception plan", List.of(forum), PlanStatus.ADOPTED, DataClassification.FORUM);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        UUID restricted = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        proposed(
                action(
                        a,
                        1,
                        city,
                        forum,
                        "Alpha shelter",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        ActionStatus.IN_PROGRESS,
                        plan,
                        LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 12, 31)),
                DataClassification.FORUM);
        proposed(
                action(
                        b,
                        1,
                        city,
                        forum,
                        "Bravo clinic",
                        Sector.HEALTH,
                        PopulationGroup.REFUGEES,
                        ActionStatus.PROPOSED,
                        plan,
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 6, 30)),
                DataClassification.PUBLIC);
        proposed(
                new Action(
                        c,
                        1,
                        ngo,
                        null,
                        "Charlie classes",
                        null,
                        ActionKind.SERVICE,
                        List.of(Sector.EDUCATION),
                        List.of(PopulationGroup.IDPS),
                        List.of(ENTEBBE),
                        LocalDate.of(2024, 9, 1),
                        LocalDate.of(2025, 6, 30),
                        ReportingCadence.QUARTERLY,
                        List.of(),
                        null,
                        false,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        List.of("SDG-4.1"),
                        List.of(forum),
                        ActionStatus.IN_PROGRESS,
                        ActionOrientation.HUMANITARIAN),
                DataClassification.FORUM);
        proposed(
                action(
                        d,
                        1,
                        ngo,
                        forum,
                        "Delta legal aid",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        ActionStatus.COMMITTED,
                        null,
                        LocalDate.of(2025, 5, 1),
                        null),
                DataClassification.FORUM);
        proposed(
                action(
                        e,
                        1,
                        ngo,
                        forum,
                        "echo jobs",
                        Sector.LIVELIHOODS,
                        PopulationGroup.REFUGEES,
                        ActionStatus.IN_PROGRESS,
                        null,
                        null,
                        LocalDate.of(2027, 1, 31)),
                DataClassification.FORUM);
        proposed(
                action(
                        restricted,
                        1,
                        ngo,
                        forum,
                        "Foxtrot safe house",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        ActionStatus.IN_PROGRESS,
                        null,
                        LocalDate.of(2025, 1, 15),
                        LocalDate.of(2025, 12, 31)),
                DataClassification.RESTRICTED);
        proposed(
                action(
                        hidden,
                        1,
                        hiddenNgo,
                        forum,
                        "Golf night shelter",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        ActionStatus.IN_PROGRESS,
                        null,
                        LocalDate.of(2025, 2, 1),
                        LocalDate.of(2025, 11, 30)),
                DataClassification.FORUM);
        List<UUID> all = List.of(a, b, c, d, e, restricted, hidden);
        await().atMost(WAIT)
                .until(() ->
                        all.stream().allMatch(id -> projected("fv_action", "id = '" + id + "' AND version = 1") == 1)
                                && projected("fv_membership", "forum_id = '" + forum + "'") == 4
                                && seated(forum, police)
                                && seated(forum, hiddenNgo));
        return new Seeded(forum, city, ngo, hiddenNgo, police, plan, all);
    }

    private static TestTokenIssuer.Token of(UUID org) {
        return user("user-" + org, org, "member");
    }

    private String tracker(Seeded s) {
        return "/forums/" + s.forum() + "/tracker";
    }

    @Test
    void pagesAreCutInTheDatabaseByTitleThenId() throws Exception {
        Seeded s = seed();
        perform(getJson(tracker(s) + "?size=3"), of(s.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(7))
                .andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.items[*].title")
                        .value(org.hamcrest.Matchers.contains("Alpha shelter", "Bravo clinic", "Charlie classes")))
                .andExpect(jsonPath("$.items[2].orientation").value("HUMANITARIAN"))
                .andExpect(jsonPath("$.items[0].orientation").doesNotExist());
        perform(getJson(tracker(s) + "?size=3&page=1"), of(s.city()))
                .andExpect(jsonPath("$.items[*].title")
                        .value(org.hamcrest.Matchers.contains(
                                "Delta legal aid", "Foxtrot safe house", "Golf night shelter")));
        // upper case sorts before lower case, as Java's String order does
        perform(getJson(tracker(s) + "?size=3&page=2"), of(s.city()))
                .andExpect(jsonPath("$.items[*].title").value(org.hamcrest.Matchers.contains("echo jobs")));
        perform(getJson(tracker(s) + "?size=3&page=3"), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(7))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void sortsByTitleStatusAndDatesEitherWayWithMissingDatesLast() throws Exception {
        Seeded s = seed();
        perform(getJson(tracker(s) + "?sort=-title&size=2"), of(s.city()))
                .andExpect(jsonPath("$.items[*].title")
                        .value(org.hamcrest.Matchers.contains("echo jobs", "Golf night shelter")));
        perform(getJson(tracker(s) + "?sort=startDate"), of(s.city()))
                .andExpect(jsonPath("$.items[*].title")
                        .value(org.hamcrest.Matchers.contains(
                                "Charlie classes",
                                "Bravo clinic",
                                "Foxtrot safe house",
                                "Golf night shelter",
                                "Alpha shelter",
                                "Delta legal aid",
                                "echo jobs")));
        perform(getJson(tracker(s) + "?sort=-endDate&size=2"), of(s.city()))
                .andExpect(jsonPath("$.items[*].title")
                        .value(org.hamcrest.Matchers.contains("echo jobs", "Bravo clinic")));
        perform(getJson(tracker(s) + "?sort=-endDate&size=1&page=6"), of(s.city()))
                .andExpect(jsonPath("$.items[0].title").value("Delta legal aid"));
        perform(getJson(tracker(s) + "?sort=status&size=1"), of(s.city()))
                .andExpect(jsonPath("$.items[0].status").value("COMMITTED"));
    }

    @Test
    void filtersCombineInTheDatabase() throws Exception {
        Seeded s = seed();
        perform(getJson(tracker(s) + "?status=in_progress"), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(5));
        perform(getJson(tracker(s) + "?status=IN_PROGRESS&org=" + s.ngo()), of(s.city()))
                .andExpect(jsonPath("$.items[*].title")
                        .value(org.hamcrest.Matchers.contains("Charlie classes", "Foxtrot safe house", "echo jobs")));
        perform(getJson(tracker(s) + "?sector=HOUSING&group=REFUGEES"), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(3));
        perform(getJson(tracker(s) + "?area=entebbe"), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Charlie classes"));
        perform(getJson(tracker(s) + "?area=ug-c"), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(7));
        perform(getJson(tracker(s) + "?area=UG102&sector=EDUCATION"), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(0));
        perform(getJson(tracker(s) + "?frameworkItem=SDG-4.1"), of(s.city()))
                .andExpect(jsonPath("$.items[0].title").value("Charlie classes"))
                .andExpect(jsonPath("$.totalItems").value(1));
        perform(getJson(tracker(s) + "?plan=" + s.plan()), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].planId")
                        .value(org.hamcrest.Matchers.everyItem(
                                org.hamcrest.Matchers.is(s.plan().toString()))));
        perform(getJson(tracker(s) + "?plan=" + UUID.randomUUID()), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void enforcementBodiesNeitherSeeNorCountRestrictedOrHiddenOrganisationsActions() throws Exception {
        Seeded s = seed();
        perform(getJson(tracker(s) + "?size=200"), of(s.police()))
                .andExpect(jsonPath("$.totalItems").value(5))
                .andExpect(
                        jsonPath("$.items[?(@.title == 'Foxtrot safe house')]").isEmpty())
                .andExpect(
                        jsonPath("$.items[?(@.title == 'Golf night shelter')]").isEmpty());
        perform(getJson(tracker(s) + "?sector=HOUSING"), of(s.police()))
                .andExpect(jsonPath("$.totalItems").value(1));
        perform(getJson(tracker(s) + "?sector=HOUSING"), of(s.hiddenNgo()))
                .andExpect(jsonPath("$.totalItems").value(3));
    }

    @Test
    void badPagingSortingOrFilterValuesAreProblems() throws Exception {
        Seeded s = seed();
        Map<String, String> bad = Map.of(
                "page=-1",
                "page",
                "size=0",
                "size",
                "size=201",
                "size",
                "sort=owner",
                "sort",
                "sort=-",
                "sort",
                "sector=SPACE",
                "sector",
                "group=MARTIANS",
                "group",
                "status=DONE",
                "status",
                "org=not-a-uuid",
                "org",
                "plan=42",
                "plan");
        for (Map.Entry<String, String> query : bad.entrySet()) {
            perform(getJson(tracker(s) + "?" + query.getKey()), of(s.city()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(containsString(query.getValue())))
                    .andExpect(jsonPath("$.errors[0].field").value(query.getValue()));
        }
        perform(getJson(tracker(s) + "?size=200&page=0"), of(s.city())).andExpect(status().isOk());
    }

    @Test
    void theDatabaseListingSeesWhatTheJavaRulesSee() {
        Seeded s = seed();
        JdbcStore store = generations.activeStore();
        List<Caller> callers = List.of(
                caller(s.city()),
                caller(s.ngo()),
                caller(s.police()),
                caller(s.hiddenNgo()),
                new Caller("admin", "admin", null, java.util.Set.of("platform-admin")),
                caller(registered("Outsider", false, false)));
        for (Caller caller : callers) {
            Viewer viewer = organisations.viewer(caller);
            List<UUID> java = new ForumViews(store, organisations, viewer, LocalDate.now(ZoneOffset.UTC))
                    .visibleActions(s.forum()).stream().map(a -> a.id).toList();
            List<UUID> sql = listings.actions(store.generation(), s.forum(), viewer).stream()
                    .map((ActionRow a) -> a.id)
                    .toList();
            assertThat(sql).as(caller.userId()).isEqualTo(java);
        }
        assertThat(listings.actions(store.generation(), s.forum(), organisations.viewer(caller(s.city()))))
                .hasSize(7);
    }

    private static Caller caller(UUID org) {
        return new Caller("user-" + org, "user-" + org, org, java.util.Set.of("member"));
    }
}
