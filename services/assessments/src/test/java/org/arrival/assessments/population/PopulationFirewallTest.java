package org.arrival.assessments.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The firewall on population counts, tried the way each kind of reader would: the owner sees exact numbers;
 * another organisation, a forum member and an enforcement body see every count below 5 (and its complement in a
 * breakdown) as "<5" in the list, by id, in area and group filters, in the series and on the topic; enforcement
 * bodies never see RESTRICTED estimates at all; ORGANISATION estimates stay with their owner; FORUM estimates
 * reach members of a forum they are shared with only.
 */
class PopulationFirewallTest extends EvidenceTestSupport {

    private UUID forum;
    private UUID owner;
    private UUID forumMember;
    private UUID outsider;
    private UUID police;
    private String series;
    private static final String SMALL_BREAKDOWN = """
            [{"dimension":"SEX","category":"FEMALE","count":60},{"dimension":"SEX","category":"MALE","count":37},
             {"dimension":"SEX","category":"OTHER","count":3},
             {"dimension":"AGE_BAND","category":"0-4","count":0},{"dimension":"AGE_BAND","category":"18-59","count":100}]""";

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        owner = organisation("Refugee-led association Kisenyi", "MIGRANT_ASSOCIATION", false, false);
        forumMember = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        outsider = organisation("NGO outside the forum", "NGO", false, false);
        police = organisation("Uganda Police Force", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, owner);
        seat(forum, forumMember);
        seat(forum, police);
        series = "kla-" + UUID.randomUUID();
    }

    private UUID record(String classification, int registered, int estimated) throws Exception {
        var result = perform(
                        postJson(
                                "/population",
                                estimateJson(
                                        series,
                                        classification,
                                        List.of(forum),
                                        registered,
                                        estimated,
                                        SMALL_BREAKDOWN)),
                        editor(owner))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""));
        return id(result);
    }

    @Test
    void ownerSeesExactCountsAndEveryoneElseAndEveryEventSeesSmallCountsSuppressed() throws Exception {
        UUID id = record("FORUM", 3, 100);

        JsonNode own = json(perform(getJson("/population/" + id), editor(owner)).andExpect(status().isOk()));
        assertThat(own.path("registered").path("value").asInt()).isEqualTo(3);
        assertThat(cells(own)).containsExactly("FEMALE=60", "MALE=37", "OTHER=3", "0-4=0", "18-59=100");

        for (Token other : List.of(editor(forumMember), readOnly(forumMember), readOnly(police))) {
            JsonNode seen = json(perform(getJson("/population/" + id), other).andExpect(status().isOk()));
            assertSuppressed(seen);
            assertSuppressed(only(json(
                    perform(getJson("/population?country=UG&subdivision=UG-C&group=REFUGEES&seriesId=" + series), other)
                            .andExpect(status().isOk()))));
            assertSuppressed(only(json(perform(getJson("/population?areaCode=UG102&seriesId=" + series), other)
                    .andExpect(status().isOk()))));
            assertSuppressed(only(
                    json(perform(getJson("/population/series/" + series), other).andExpect(status().isOk()))));
        }
        assertThat(json(perform(getJson("/population/" + id), readOnly(owner)))
                        .path("registered")
                        .path("value")
                        .asInt())
                .isEqualTo(3);

        RecordedEvent event = exactlyOne("PopulationEstimateRecorded", id);
        assertThat(event.key()).isEqualTo(id.toString());
        assertThat(event.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(owner.toString());
        assertThat(event.header(CloudEventHeaders.DATA_CLASSIFICATION)).isEqualTo("FORUM");
        JsonNode published = json(event).path("estimate");
        assertSuppressed(published);
        assertThat(event.payloadText())
                .doesNotContain("\"value\":3")
                .doesNotContain("\"value\":37")
                .doesNotContain("\"value\":0");
    }

    @Test
    void anOrganisationOutsideTheSharedForumSeesNothingOfAForumEstimateButSuppressedCountsOfAPublicOne()
            throws Exception {
        UUID forumOnly = record("FORUM", 3, 100);
        UUID open = record("PUBLIC", 4, 120);
        perform(getJson("/population/" + forumOnly), editor(outsider)).andExpect(status().isNotFound());
        JsonNode list = json(perform(getJson("/population/series/" + series), editor(outsider)));
        assertThat(ids(list)).containsExactly(open.toString());
        assertSuppressed(only(list), OF_120);
    }

    @Test
    void restrictedEstimatesNeverReachEnforcementBodiesEvenInASharedForum() throws Exception {
        UUID restricted = record("RESTRICTED", 3, 100);
        perform(getJson("/population/" + restricted), readOnly(police)).andExpect(status().isNotFound());
        perform(getJson("/population/" + restricted + "/history"), readOnly(police))
                .andExpect(status().isNotFound());
        assertThat(ids(json(perform(getJson("/population?seriesId=" + series), readOnly(police)))))
                .isEmpty();
        assertThat(ids(json(perform(
                        getJson("/population?country=UG&group=REFUGEES&size=200&seriesId=" + series),
                        readOnly(police)))))
                .isEmpty();
        assertThat(ids(json(perform(getJson("/population/series/" + series), readOnly(police)))))
                .isEmpty();
        perform(
                        putJson(
                                "/population/" + restricted,
                                estimateJson(series, "PUBLIC", List.of(), 3, 100, "[]"),
                                "\"1\""),
                        editor(police))
                .andExpect(status().isNotFound());
        assertSuppressed(json(perform(getJson("/population/" + restricted), readOnly(forumMember))
                .andExpect(status().isOk())));
        assertThat(exactlyOne("PopulationEstimateRecorded", restricted).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("RESTRICTED");
    }

    @Test
    void organisationEstimatesStayWithTheirOwner() throws Exception {
        UUID mine = record("ORGANISATION", 3, 100);
        for (Token other : List.of(editor(forumMember), readOnly(police), editor(outsider))) {
            perform(getJson("/population/" + mine), other).andExpect(status().isNotFound());
            assertThat(ids(json(perform(getJson("/population/series/" + series), other))))
                    .isEmpty();
        }
        assertThat(ids(json(perform(getJson("/population/series/" + series), readOnly(owner)))))
                .containsExactly(mine.toString());
    }

    @Test
    void estimatesOfAnOrganisationHiddenFromEnforcementBodiesDoNotReachThem() throws Exception {
        UUID hidden = organisation("Undocumented workers' association", "MIGRANT_ASSOCIATION", false, true);
        UUID id = id(perform(
                        postJson("/population", estimateJson(series, "PUBLIC", List.of(), 40, 400, "[]")),
                        editor(hidden))
                .andExpect(status().isCreated()));
        perform(getJson("/population/" + id), readOnly(police)).andExpect(status().isNotFound());
        assertThat(ids(json(perform(getJson("/population/series/" + series), readOnly(police)))))
                .isEmpty();
        perform(getJson("/population/" + id), readOnly(outsider)).andExpect(status().isOk());
    }

    @Test
    void enforcementBodiesRecordNoEstimatesAndReadersAndStrangersRecordNone() throws Exception {
        String body = estimateJson(series, "FORUM", List.of(), 10, 100, "[]");
        perform(postJson("/population", body), editor(police)).andExpect(status().isForbidden());
        perform(postJson("/population", body), readOnly(owner)).andExpect(status().isForbidden());
        perform(postJson("/population", body), null).andExpect(status().isUnauthorized());
        perform(getJson("/population"), null).andExpect(status().isUnauthorized());
        perform(getJson("/population/" + UUID.randomUUID()), readOnly(owner)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM population_estimate WHERE series_id = ?", Long.class, series))
                .isZero();
        noEventsFrom(police);
    }

    @Test
    void theOwnerRevisesWithIfMatchAndReadsTheHistoryOthersCannot() throws Exception {
        UUID id = record("FORUM", 3, 100);
        String revised = estimateJson(series, "FORUM", List.of(forum), 3, 120, SMALL_BREAKDOWN);
        perform(putJson("/population/" + id, revised, null), editor(owner)).andExpect(status().is(428));
        perform(putJson("/population/" + id, revised, "\"7\""), editor(owner)).andExpect(status().is(412));
        perform(putJson("/population/" + id, revised, "\"1\""), editor(forumMember))
                .andExpect(status().isForbidden());
        perform(putJson("/population/" + id, revised, "\"1\""), editor(outsider))
                .andExpect(status().isNotFound());
        perform(putJson("/population/" + id, revised, "\"1\""), readOnly(owner)).andExpect(status().isForbidden());
        JsonNode after = json(perform(putJson("/population/" + id, revised, "\"1\""), editor(owner))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\"")));
        assertThat(after.path("estimated").path("value").asInt()).isEqualTo(120);
        assertThat(after.path("registered").path("value").asInt()).isEqualTo(3);

        RecordedEvent event = exactlyOne("PopulationEstimateRevised", id);
        assertThat(json(event).path("changedFields").toString()).isEqualTo("[\"estimated\"]");
        assertSuppressed(json(event).path("estimate"), OF_120);

        JsonNode history = json(perform(getJson("/population/" + id + "/history"), readOnly(owner))
                .andExpect(status().isOk()));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).path("change").asString()).isEqualTo("PopulationEstimateRevised");
        perform(getJson("/population/" + id + "/history"), readOnly(forumMember))
                .andExpect(status().isForbidden());
        perform(getJson("/population/" + id + "/history"), null).andExpect(status().isUnauthorized());
    }

    @Test
    void seriesListsEstimatesOverTimeOldestFirst() throws Exception {
        UUID first = record("PUBLIC", 90_000, 250_000);
        UUID second = id(perform(
                        postJson(
                                "/population",
                                estimateJson(series, "PUBLIC", List.of(), 100_000, 300_000, "[]")
                                        .replace("2026-03-31", "2026-06-30")
                                        .replace(
                                                "2026-06-30",
                                                java.time.LocalDate.now()
                                                        .minusDays(1)
                                                        .toString())),
                        editor(owner))
                .andExpect(status().isCreated()));
        JsonNode list = json(perform(getJson("/population/series/" + series), editor(outsider)));
        assertThat(ids(list)).containsExactly(first.toString(), second.toString());
        assertThat(list.path("items").get(1).path("estimated").path("value").asInt())
                .isEqualTo(300_000);
    }

    /**
     * Of 100: registered (3) and the OTHER cell (3) hidden, MALE (37) hidden as the complement, AGE 0-4 (0) and its
     * complement, since each dimension's cells add up to the total.
     */
    private static final List<String> OF_100 = List.of("FEMALE=60", "MALE=<5", "OTHER=<5", "0-4=<5", "18-59=<5");

    /**
     * Of 120, the same cells leave 20 people that no cell accounts for: they hide the small cells well enough, so no
     * complement is hidden and the shown cells are rounded (37 to 35).
     */
    private static final List<String> OF_120 = List.of("FEMALE=60", "MALE=35", "OTHER=<5", "0-4=<5", "18-59=100");

    private static void assertSuppressed(JsonNode estimate) {
        assertSuppressed(estimate, OF_100);
    }

    private static void assertSuppressed(JsonNode estimate, List<String> cells) {
        assertThat(estimate.path("registered").toString()).isEqualTo("{\"suppressed\":\"<5\"}");
        assertThat(estimate.path("estimated").path("value").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(estimate.path("estimated").path("value").asInt() % 5).isZero();
        assertThat(cells(estimate)).containsExactlyElementsOf(cells);
    }

    private static List<String> cells(JsonNode estimate) {
        List<String> cells = new ArrayList<>();
        for (JsonNode c : estimate.path("breakdown")) {
            JsonNode count = c.path("count");
            cells.add(c.path("category").asString() + "="
                    + (count.has("value")
                            ? count.path("value").asString()
                            : count.path("suppressed").asString()));
        }
        return cells;
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.path("items").size()).isEqualTo(1);
        return page.path("items").get(0);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }
}
