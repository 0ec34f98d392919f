package org.arrival.assessments.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Finding 3 of issue 13, the exact cases found from the outside: small counts recovered by subtraction. An estimate
 * of 10 against 7 registered told everyone that 3 people are unregistered; a total of 30 with one shown cell of 27
 * told that 3 people are in the other categories; a series going from 100 to 103 told that 3 people arrived. Now
 * others see every count rounded to a multiple of 5 (or "<5"), a breakdown hides the cell whose remainder would be
 * small, the events carry the same, and the owner can see, before and after saving, what others will see.
 */
class PopulationDisclosureTest extends EvidenceTestSupport {

    private UUID forum;
    private UUID owner;
    private UUID member;
    private String series;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        owner = organisation("Uganda Bureau of Statistics", "STATISTICAL_OFFICE", false, false);
        member = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        seat(forum, owner);
        seat(forum, member);
        series = "nakawa-" + UUID.randomUUID();
    }

    private String body(Integer registered, int estimated, String breakdown, String asOf) {
        return """
                {"seriesId":"%s","area":{"country":"UG","subdivision":"UG-C","areaName":"Nakawa"},
                 "group":"ASYLUM_SEEKERS",%s"estimated":%d,"breakdown":%s,
                 "source":"Nakawa division help desk tally","method":"head count of distinct households",
                 "asOf":"%s","classification":"FORUM","sharedWithForums":["%s"]}""".formatted(
                        series,
                        registered == null ? "" : "\"registered\":" + registered + ",",
                        estimated,
                        breakdown,
                        asOf,
                        forum);
    }

    private UUID record(String body) throws Exception {
        return id(perform(postJson("/population", body), editor(owner)).andExpect(status().isCreated()));
    }

    private JsonNode seenBy(UUID id, Token who) throws Exception {
        return json(perform(getJson("/population/" + id), who).andExpect(status().isOk()));
    }

    @Test
    void anEstimateOfTenAgainstSevenRegisteredNoLongerTellsThatThreeAreUnregistered() throws Exception {
        UUID id = record(body(7, 10, "[]", "2026-03-31"));
        JsonNode seen = seenBy(id, readOnly(member));
        assertThat(shown(seen.path("registered"))).isEqualTo("5");
        assertThat(shown(seen.path("estimated"))).isEqualTo("10");
        assertThat(seen.has("shownToOthers")).isFalse();

        JsonNode own = seenBy(id, readOnly(owner));
        assertThat(shown(own.path("registered"))).isEqualTo("7");
        assertThat(shown(own.path("shownToOthers").path("registered"))).isEqualTo("5");
        assertThat(shown(own.path("shownToOthers").path("estimated"))).isEqualTo("10");

        JsonNode published = json(exactlyOne("PopulationEstimateRecorded", id)).path("estimate");
        assertThat(shown(published.path("registered"))).isEqualTo("5");
        assertThat(shown(published.path("estimated"))).isEqualTo("10");
    }

    @Test
    void aTotalOfThirtyWithOneCellOfTwentySevenHidesTheCellWhoseRemainderIsThree() throws Exception {
        UUID alone =
                record(body(null, 30, "[{\"dimension\":\"SEX\",\"category\":\"FEMALE\",\"count\":27}]", "2026-03-31"));
        JsonNode seen = seenBy(alone, readOnly(member));
        assertThat(shown(seen.path("estimated"))).isEqualTo("30");
        assertThat(cells(seen)).containsExactly("FEMALE=<5");

        UUID both = record(body(null, 30, """
                [{"dimension":"SEX","category":"FEMALE","count":27},{"dimension":"SEX","category":"MALE","count":3}]""", "2026-03-31"));
        assertThat(cells(seenBy(both, readOnly(member)))).containsExactly("FEMALE=<5", "MALE=<5");
        assertThat(cells(seenBy(both, readOnly(owner)))).containsExactly("FEMALE=27", "MALE=3");
        assertThat(cells(json(exactlyOne("PopulationEstimateRecorded", both)).path("estimate")))
                .containsExactly("FEMALE=<5", "MALE=<5");
    }

    @Test
    void aSeriesGoingFromOneHundredToOneHundredAndThreeIsShownAsOneHundredToOneHundredAndFive() throws Exception {
        UUID first = record(body(null, 100, "[]", "2026-01-31"));
        UUID second = record(body(null, 103, "[]", "2026-02-28"));
        JsonNode page = json(perform(getJson("/population/series/" + series), readOnly(member))
                .andExpect(status().isOk()));
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(first.toString());
        assertThat(shown(page.path("items").get(0).path("estimated"))).isEqualTo("100");
        assertThat(shown(page.path("items").get(1).path("estimated"))).isEqualTo("105");
        JsonNode list = json(perform(getJson("/population?seriesId=" + series + "&sort=asOf"), readOnly(member)));
        assertThat(shown(list.path("items").get(1).path("estimated"))).isEqualTo("105");
        assertThat(shown(json(exactlyOne("PopulationEstimateRecorded", second))
                        .path("estimate")
                        .path("estimated")))
                .isEqualTo("105");
        assertThat(shown(seenBy(second, readOnly(owner)).path("estimated"))).isEqualTo("103");
    }

    @Test
    void theOwnerPreviewsWhatOthersWillSeeBeforeSavingAndNothingIsStored() throws Exception {
        String body = body(7, 36, """
                [{"dimension":"SEX","category":"FEMALE","count":19},{"dimension":"SEX","category":"MALE","count":17},
                 {"dimension":"AGE_BAND","category":"0-4","count":3},{"dimension":"AGE_BAND","category":"5-11","count":7},
                 {"dimension":"AGE_BAND","category":"12-17","count":6},{"dimension":"AGE_BAND","category":"18-59","count":20}]""", "2026-03-31");
        JsonNode preview = json(
                perform(postJson("/population/preview", body), editor(owner)).andExpect(status().isOk()));
        assertThat(shown(preview.path("registered"))).isEqualTo("5");
        assertThat(shown(preview.path("estimated"))).isEqualTo("35");
        assertThat(cells(preview)).containsExactly("FEMALE=20", "MALE=15", "0-4=<5", "5-11=5", "12-17=<5", "18-59=20");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM population_estimate WHERE series_id = ?", Long.class, series))
                .isZero();
        noEventsFrom(owner);

        // the preview is checked as a recording is; readers and enforcement bodies have nothing to preview
        expectProblem(
                perform(
                        postJson("/population/preview", body.replace("\"estimated\":36", "\"estimated\":2")),
                        editor(owner)),
                400);
        expectProblem(perform(postJson("/population/preview", body), readOnly(owner)), 403);
        UUID police = organisation("Uganda Police Force", "NATIONAL_GOVERNMENT_BODY", true, false);
        expectProblem(perform(postJson("/population/preview", body), editor(police)), 403);
    }

    @Test
    void participantsOfAnInputAreRoundedForOthersAndInTheEvent() throws Exception {
        UUID need = id(perform(postJson("/needs", needJson("FORUM", List.of(forum))), editor(member))
                .andExpect(status().isCreated()));
        UUID input = id(perform(postJson("/inputs", """
                {"subjectType":"NEED","subjectId":"%s","kind":"DATA_CONTRIBUTION",
                 "summary":"Help desk tally of households waiting to lodge a claim","provenance":"help desk register",
                 "collectedOn":"2026-04-12","participants":7,"sharedWithForums":["%s"]}""".formatted(need, forum)), editor(owner))
                .andExpect(status().isCreated()));
        assertThat(shown(json(perform(getJson("/inputs/" + input), readOnly(member)))
                        .path("participants")))
                .isEqualTo("5");
        JsonNode own = json(perform(getJson("/inputs/" + input), readOnly(owner)));
        assertThat(shown(own.path("participants"))).isEqualTo("7");
        assertThat(shown(own.path("shownToOthers").path("participants"))).isEqualTo("5");
        assertThat(shown(json(exactlyOne("InputContributed", input))
                        .path("input")
                        .path("participants")))
                .isEqualTo("5");
    }

    private static String shown(JsonNode count) {
        return count.has("value")
                ? count.path("value").asString()
                : count.path("suppressed").asString();
    }

    private static List<String> cells(JsonNode estimate) {
        List<String> cells = new ArrayList<>();
        estimate.path("breakdown")
                .forEach(c -> cells.add(c.path("category").asString() + "=" + shown(c.path("count"))));
        return cells;
    }
}
