package org.arrival.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tracker's summary counts in the database exactly the actions the tracker lists for the caller: by owner, and
 * by sector with the average progress of those not cancelled.
 */
class TrackerSummaryTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    record Seeded(UUID forum, UUID city, UUID ngo, UUID hiddenNgo, UUID police, UUID unnamed) {}

    /**
     * Nine actions shared with the forum: the city's two (one reported at 40 %, one never reported), the NGO's five
     * (70 %, cancelled at 100 %, RESTRICTED at 11 %, one kept to the NGO, one in two sectors at 20 %), one of an
     * organisation hidden from enforcement bodies (90 %), one of a member the forum view knows no name of, and one
     * of an organisation without a seat.
     */
    private Seeded seed() {
        UUID city = registered("City of Kampala", false, false);
        UUID ngo = registered("refugee NGO", false, false);
        UUID hiddenNgo = registered("Shelter network", false, true);
        UUID police = registered("Police", true, false);
        UUID outsider = registered("Outsider", false, false);
        UUID unnamed = UUID.randomUUID();
        UUID forum = forum(city);
        for (UUID member : List.of(city, ngo, hiddenNgo, police, unnamed)) {
            member(forum, member);
        }
        List<UUID> reported = new ArrayList<>();
        List<UUID> all = new ArrayList<>();
        all.add(action(forum, city, "Alpha shelter", Sector.HOUSING, ActionStatus.IN_PROGRESS, "FORUM", 40, reported));
        all.add(action(forum, city, "Bravo clinic", Sector.HEALTH, ActionStatus.PROPOSED, "PUBLIC", null, reported));
        all.add(action(forum, ngo, "Charlie rooms", Sector.HOUSING, ActionStatus.IN_PROGRESS, "FORUM", 70, reported));
        all.add(action(forum, ngo, "Delta flats", Sector.HOUSING, ActionStatus.CANCELLED, "FORUM", 100, reported));
        all.add(action(
                forum, ngo, "Echo safe house", Sector.HOUSING, ActionStatus.IN_PROGRESS, "RESTRICTED", 11, reported));
        all.add(action(
                forum, ngo, "Foxtrot budget", Sector.LIVELIHOODS, ActionStatus.COMMITTED, "ORGANISATION", 5, reported));
        UUID twoSectors = UUID.randomUUID();
        proposed(
                action(
                        twoSectors,
                        1,
                        ngo,
                        forum,
                        "Golf jobs and homes",
                        List.of(Sector.LIVELIHOODS, Sector.HOUSING),
                        PopulationGroup.REFUGEES,
                        ActionStatus.IN_PROGRESS,
                        null,
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 12, 31)),
                DataClassification.FORUM);
        progress(twoSectors, ngo, LocalDate.of(2025, 3, 31), 20, Rag.GREEN);
        reported.add(twoSectors);
        all.add(twoSectors);
        all.add(action(
                forum,
                hiddenNgo,
                "Hotel night shelter",
                Sector.EDUCATION,
                ActionStatus.IN_PROGRESS,
                "FORUM",
                90,
                reported));
        all.add(action(
                forum,
                unnamed,
                "India kiosk",
                Sector.BASIC_SERVICES,
                ActionStatus.IN_PROGRESS,
                "PUBLIC",
                null,
                reported));
        all.add(action(
                forum, outsider, "Juliet bus", Sector.HOUSING, ActionStatus.IN_PROGRESS, "PUBLIC", 50, reported));
        await().atMost(WAIT)
                .until(() -> all.stream()
                                .allMatch(id -> projected("fv_action", "id = '" + id + "' AND version = 1") == 1)
                        && reported.stream()
                                .allMatch(id ->
                                        projected("fv_action", "id = '" + id + "' AND data->'latestReport' IS NOT NULL")
                                                == 1)
                        && projected("fv_membership", "forum_id = '" + forum + "'") == 5
                        && seated(forum, police)
                        && seated(forum, ngo)
                        && known(hiddenNgo)
                        && projected("fv_organisation", "id = '" + hiddenNgo + "' AND (data->>'hidden')::boolean")
                                == 1);
        return new Seeded(forum, city, ngo, hiddenNgo, police, unnamed);
    }

    private UUID action(
            UUID forum,
            UUID owner,
            String title,
            Sector sector,
            ActionStatus status,
            String classification,
            Integer percent,
            List<UUID> reported) {
        UUID id = UUID.randomUUID();
        proposed(
                action(id, 1, owner, forum, title, sector, PopulationGroup.REFUGEES, List.of(), List.of(), status),
                DataClassification.valueOf(classification));
        if (percent != null) {
            progress(id, owner, LocalDate.of(2025, 3, 31), percent, Rag.GREEN);
            reported.add(id);
        }
        return id;
    }

    private static TestTokenIssuer.Token of(UUID org) {
        return user("user-" + org, org, "member");
    }

    private JsonNode get(String path, TestTokenIssuer.Token token) throws Exception {
        String body = perform(getJson(path), token)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return EventJson.mapper().readTree(body);
    }

    private JsonNode summary(Seeded s, UUID org) throws Exception {
        return get("/forums/" + s.forum() + "/tracker/summary", of(org));
    }

    private static List<Object[]> owners(JsonNode summary) {
        List<Object[]> out = new ArrayList<>();
        summary.path("owners")
                .forEach(o -> out.add(new Object[] {
                    o.path("organisationId").asString(),
                    o.path("name").isNull() ? null : o.path("name").asString(),
                    o.path("actions").asLong()
                }));
        return out;
    }

    private static Map<String, List<Number>> sectors(JsonNode summary) {
        Map<String, List<Number>> out = new TreeMap<>();
        summary.path("sectors")
                .forEach(x -> out.put(
                        x.path("sector").asString(),
                        List.of(
                                x.path("actions").asLong(),
                                x.path("averagePercentComplete").asDouble())));
        return out;
    }

    @Test
    void aMemberCountsWhatTheTrackerShowsThemByOwnerAndSector() throws Exception {
        Seeded s = seed();
        JsonNode city = summary(s, s.city());
        assertThat(city.path("actions").asLong()).isEqualTo(8);
        // by name ignoring case, an organisation without a known name last
        assertThat(owners(city))
                .extracting(o -> tuple(o[0], o[1], o[2]))
                .containsExactly(
                        tuple(s.city().toString(), "City of Kampala", 2L),
                        tuple(s.ngo().toString(), "refugee NGO", 4L),
                        tuple(s.hiddenNgo().toString(), "Shelter network", 1L),
                        tuple(s.unnamed().toString(), null, 1L));
        assertThat(city.path("owners").get(3).has("name")).isTrue();
        // the cancelled action is counted but not in its sector; an action counts in each of its sectors
        assertThat(sectors(city))
                .containsExactly(
                        Map.entry("BASIC_SERVICES", List.of(1L, 0.0)),
                        Map.entry("EDUCATION", List.of(1L, 90.0)),
                        Map.entry("HEALTH", List.of(1L, 0.0)),
                        Map.entry("HOUSING", List.of(4L, (40 + 70 + 11 + 20) / 4.0)),
                        Map.entry("LIVELIHOODS", List.of(1L, 20.0)));
        // the action kept to its owner counts for its owner only
        JsonNode ngo = summary(s, s.ngo());
        assertThat(ngo.path("actions").asLong()).isEqualTo(9);
        assertThat(sectors(ngo).get("LIVELIHOODS")).isEqualTo(List.of(2L, (5 + 20) / 2.0));
    }

    @Test
    void anEnforcementBodyCountsNeitherRestrictedActionsNorThoseOfOrganisationsHiddenFromIt() throws Exception {
        Seeded s = seed();
        JsonNode police = summary(s, s.police());
        assertThat(police.path("actions").asLong()).isEqualTo(6);
        assertThat(owners(police))
                .extracting(o -> tuple(o[0], o[1], o[2]))
                .containsExactly(
                        tuple(s.city().toString(), "City of Kampala", 2L),
                        tuple(s.ngo().toString(), "refugee NGO", 3L),
                        tuple(s.unnamed().toString(), null, 1L));
        assertThat(police.toString()).doesNotContain(s.hiddenNgo().toString(), "Shelter network");
        assertThat(sectors(police))
                .containsExactly(
                        Map.entry("BASIC_SERVICES", List.of(1L, 0.0)),
                        Map.entry("HEALTH", List.of(1L, 0.0)),
                        Map.entry("HOUSING", List.of(3L, (40 + 70 + 20) / 3.0)),
                        Map.entry("LIVELIHOODS", List.of(1L, 20.0)));
    }

    @Test
    void theSummaryIsWhatTheTrackersFullListingAddsUpTo() throws Exception {
        Seeded s = seed();
        for (UUID org : List.of(s.city(), s.ngo(), s.police(), s.hiddenNgo())) {
            JsonNode tracker = get("/forums/" + s.forum() + "/tracker?size=200", of(org));
            Map<String, Object[]> byOwner = new TreeMap<>();
            Map<String, double[]> bySector = new TreeMap<>();
            for (JsonNode a : tracker.path("items")) {
                String owner = a.path("ownerId").asString();
                String name =
                        a.path("ownerName").isNull() || a.path("ownerName").isMissingNode()
                                ? null
                                : a.path("ownerName").asString();
                byOwner.merge(owner, new Object[] {owner, name, 1L}, (x, y) ->
                        new Object[] {x[0], x[1], (Long) x[2] + 1});
                if ("CANCELLED".equals(a.path("status").asString())) {
                    continue;
                }
                for (JsonNode sector : a.path("sectors")) {
                    double[] sumCount = bySector.computeIfAbsent(sector.asString(), k -> new double[2]);
                    sumCount[0] += a.path("percentComplete").isNumber()
                            ? a.path("percentComplete").asInt()
                            : 0;
                    sumCount[1] += 1;
                }
            }
            JsonNode summary = summary(s, org);
            assertThat(summary.path("actions").asLong())
                    .isEqualTo(tracker.path("totalItems").asLong());
            assertThat(owners(summary))
                    .extracting(o -> tuple(o[0], o[1], o[2]))
                    .containsExactlyInAnyOrderElementsOf(byOwner.values().stream()
                            .map(o -> tuple(o[0], o[1], o[2]))
                            .toList());
            Map<String, List<Number>> expected = new TreeMap<>();
            bySector.forEach((k, e) -> expected.put(k, List.of((long) e[1], e[0] / e[1])));
            assertThat(sectors(summary)).isEqualTo(expected);
        }
    }
}
