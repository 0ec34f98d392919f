package org.arrival.actionplans.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.progress.ActionRecordsTestSupport;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.RecordedEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Funding over HTTP: lines recorded by the action owner's editors or by the funding organisation for itself,
 * totals per currency with a derived gap that is never typed in and never below zero, one FundingRecorded event
 * per change with the totals, and refused requests write nothing.
 */
class FundingApiTest extends ActionRecordsTestSupport {

    private UUID forum;
    private UUID city;
    private UUID donor;
    private UUID ngo;
    private UUID action;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        donor = organisation("European Union Delegation to Uganda", "DONOR", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        seat(forum, city);
        seat(forum, donor);
        seat(forum, ngo);
        action = action(city, "COMMITTED", "ANNUAL", null, null, "FORUM", List.of(forum));
    }

    private String path() {
        return "/actions/" + action + "/funding";
    }

    private static String line(
            UUID source, String name, String currency, String required, String committed, String disbursed) {
        return """
                {%s"sourceName":"%s","currency":"%s","required":%s,"committed":%s,"disbursed":%s}""".formatted(
                        source == null ? "" : "\"sourceId\":\"" + source + "\",",
                        name,
                        currency,
                        required,
                        committed,
                        disbursed);
    }

    private static BigDecimal money(JsonNode n) {
        return new BigDecimal(n.asString());
    }

    private static JsonNode total(JsonNode totals, String currency) {
        for (JsonNode t : totals) {
            if (t.path("currency").asString().equals(currency)) {
                return t;
            }
        }
        throw new AssertionError("no total in " + currency + ": " + totals);
    }

    /**
     * Issue 13, finding 2, for funders: a line whose source is the hidden association named it (sourceId and
     * sourceName) to the enforcement unit and its amounts were in the totals. Now the enforcement unit reads the
     * funding as if that line did not exist, its events are RESTRICTED, and naming the association as a source is
     * refused as naming an unknown organisation.
     */
    @Test
    void anEnforcementBodyNeverSeesALineFundedByAHiddenOrganisationNorItsAmountsInTheTotals() throws Exception {
        UUID association = organisation("Umoja Refugee Association", "MIGRANT_ASSOCIATION", false, true);
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, association);
        seat(forum, police);
        UUID budget =
                id(perform(postJson(path(), line(null, "KCCA budget 2026/27", "UGX", "900", "300", "0")), editor(city))
                        .andExpect(status().isCreated()));
        UUID hidden = id(perform(
                        postJson(path(), line(association, "Umoja members' savings", "UGX", "0", "50", "10")),
                        editor(association))
                .andExpect(status().isCreated()));

        JsonNode seen = json(perform(getJson(path()), readOnly(police)).andExpect(status().isOk()));
        assertThat(seen.path("lines")).hasSize(1);
        assertThat(seen.path("lines").get(0).path("id").asString()).isEqualTo(budget.toString());
        assertThat(money(total(seen.path("totals"), "UGX").path("committed"))).isEqualByComparingTo("300");
        assertThat(money(total(seen.path("totals"), "UGX").path("gap"))).isEqualByComparingTo("600");
        assertThat(seen.toString())
                .doesNotContain(association.toString())
                .doesNotContain(hidden.toString())
                .doesNotContain("Umoja");
        expectProblem(perform(getJson(path() + "/" + hidden), readOnly(police)), 404);
        JsonNode all = json(perform(getJson(path()), readOnly(ngo)));
        assertThat(all.path("lines")).hasSize(2);
        assertThat(money(total(all.path("totals"), "UGX").path("committed"))).isEqualByComparingTo("350");

        // the line's event, and every later funding event of the action (their totals include it), are RESTRICTED
        assertThat(exactlyOne("FundingRecorded", budget).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("FORUM");
        assertThat(exactlyOne("FundingRecorded", hidden).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("RESTRICTED");
        UUID later = id(perform(postJson(path(), line(donor, "EU Trust Fund", "UGX", "0", "100", "0")), editor(city))
                .andExpect(status().isCreated()));
        assertThat(exactlyOne("FundingRecorded", later).header(CloudEventHeaders.DATA_CLASSIFICATION))
                .isEqualTo("RESTRICTED");

        // an enforcement body's own action cannot name the association as a source: 422 as for an unknown one
        UUID own = action(police, "COMMITTED", "ANNUAL", null, null, "FORUM", List.of(forum));
        UUID unknown = UUID.randomUUID();
        String hiddenAnswer = perform(
                        postJson("/actions/" + own + "/funding", line(association, "x", "UGX", "1", "1", "0")),
                        editor(police))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknownAnswer = perform(
                        postJson("/actions/" + own + "/funding", line(unknown, "x", "UGX", "1", "1", "0")),
                        editor(police))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hiddenAnswer.replace(association.toString(), "ID").replace(own.toString(), "A"))
                .isEqualTo(unknownAnswer.replace(unknown.toString(), "ID").replace(own.toString(), "A"));
        assertThat(rows("funding_line", own)).isZero();
    }

    @Test
    void totalsArePerCurrencyAndTheGapIsDerivedNeverBelowZero() throws Exception {
        UUID eu = id(perform(
                        postJson(path(), line(donor, "EU Trust Fund", "EUR", "250000", "100000.50", "40000")),
                        editor(city))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\"")));
        RecordedEvent first = exactlyOne("FundingRecorded", eu);
        assertThat(first.key()).isEqualTo(action.toString());
        JsonNode firstTotals = json(first).path("totals");
        assertThat(firstTotals.size()).isEqualTo(1);
        assertThat(money(total(firstTotals, "EUR").path("gap"))).isEqualByComparingTo("149999.50");

        UUID city1 = id(perform(
                        postJson(path(), line(null, "KCCA budget 2026/27", "UGX", "900000000", "300000000", "0")),
                        editor(city))
                .andExpect(status().isCreated()));
        UUID city2 = id(perform(
                        postJson(path(), line(null, "KCCA supplementary budget", "UGX", "0", "800000000", "100000000")),
                        admin(city))
                .andExpect(status().isCreated()));
        JsonNode lastTotals = json(exactlyOne("FundingRecorded", city2)).path("totals");
        assertThat(lastTotals.size()).isEqualTo(2);
        JsonNode ugx = total(lastTotals, "UGX");
        assertThat(money(ugx.path("required"))).isEqualByComparingTo("900000000");
        assertThat(money(ugx.path("committed"))).isEqualByComparingTo("1100000000");
        assertThat(money(ugx.path("disbursed"))).isEqualByComparingTo("100000000");
        assertThat(money(ugx.path("gap"))).isEqualByComparingTo("0");
        assertThat(ugx.path("gap").toString()).doesNotContain("E");
        exactlyOne("FundingRecorded", city1);

        JsonNode overview = json(perform(getJson(path()), readOnly(ngo)).andExpect(status().isOk()));
        assertThat(overview.path("lines").size()).isEqualTo(3);
        assertThat(money(total(overview.path("totals"), "EUR").path("gap"))).isEqualByComparingTo("149999.50");
        assertThat(money(total(overview.path("totals"), "UGX").path("gap"))).isEqualByComparingTo("0");

        perform(
                        putJson(
                                path() + "/" + eu,
                                line(donor, "EU Trust Fund", "EUR", "250000", "250000", "125000.25"),
                                "\"1\""),
                        editor(city))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        List<RecordedEvent> euEvents = exactly(2, "FundingRecorded", eu);
        assertThat(money(total(json(euEvents.get(1)).path("totals"), "EUR").path("gap")))
                .isEqualByComparingTo("0");
        perform(
                        putJson(
                                path() + "/" + eu,
                                line(donor, "EU Trust Fund", "EUR", "250000", "250000", "125000.25"),
                                "\"2\""),
                        editor(city))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        sleep(500);
        assertThat(eventsAbout(eu)).isEqualTo(2);
        assertThat(actionVersion(action)).isEqualTo(3);
    }

    @Test
    void theFundingOrganisationRecordsItsOwnLinesButNoOneElses() throws Exception {
        UUID own = id(perform(postJson(path(), line(donor, "", "EUR", "50000", "50000", "0")), editor(donor))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sourceName").value("European Union Delegation to Uganda")));
        exactlyOne("FundingRecorded", own);
        perform(putJson(path() + "/" + own, line(donor, "EU", "EUR", "50000", "50000", "20000"), "\"1\""), admin(donor))
                .andExpect(status().isOk());
        exactly(2, "FundingRecorded", own);

        UUID cityLine = id(perform(postJson(path(), line(null, "KCCA budget", "UGX", "1000", "0", "0")), editor(city))
                .andExpect(status().isCreated()));
        perform(putJson(path() + "/" + cityLine, line(donor, "EU", "UGX", "1000", "1000", "0"), "\"1\""), editor(donor))
                .andExpect(status().isForbidden());
        perform(putJson(path() + "/" + own, line(ngo, "Moved", "EUR", "50000", "50000", "0"), "\"2\""), editor(donor))
                .andExpect(status().isForbidden());
        perform(postJson(path(), line(city, "Pretending", "EUR", "1", "1", "0")), editor(donor))
                .andExpect(status().isForbidden());
        perform(postJson(path(), line(null, "Own money", "EUR", "1", "1", "0")), editor(ngo))
                .andExpect(status().isForbidden());
        perform(postJson(path(), line(donor, "EU", "EUR", "1", "1", "0")), editor(ngo))
                .andExpect(status().isForbidden());
        perform(postJson(path(), line(donor, "EU", "EUR", "1", "1", "0")), readOnly(donor))
                .andExpect(status().isForbidden());
        UUID stranger = organisation("Donor outside the forum", "DONOR", false, false);
        perform(postJson(path(), line(stranger, "X", "EUR", "1", "1", "0")), editor(stranger))
                .andExpect(status().isNotFound());
        perform(getJson(path()), readOnly(stranger)).andExpect(status().isNotFound());
        perform(getJson(path()), null).andExpect(status().isUnauthorized());
        perform(putJson(path() + "/" + own, line(donor, "EU", "EUR", "1", "1", "0"), null), editor(donor))
                .andExpect(status().is(428));
        perform(putJson(path() + "/" + own, line(donor, "EU", "EUR", "1", "1", "0"), "\"1\""), editor(donor))
                .andExpect(status().is(412));
        sleep(500);
        assertThat(rows("funding_line", action)).isEqualTo(2);
        assertThat(eventsAbout(own)).isEqualTo(2);
        assertThat(eventsAbout(cityLine)).isEqualTo(1);
    }

    @Test
    void badLinesAreRefusedAndWriteNothing() throws Exception {
        String valid = line(null, "KCCA budget", "UGX", "1000", "500", "100");
        List<String[]> bad = List.of(
                new String[] {valid.replace("\"disbursed\":100", "\"disbursed\":100,\"gap\":500"), "gap"},
                new String[] {line(null, "KCCA budget", "UGX", "1000", "500", "600"), "disbursed"},
                new String[] {line(null, "KCCA budget", "UGX", "-1", "500", "100"), "required"},
                new String[] {line(null, "KCCA budget", "UGX", "1000", "500.123", "100"), "committed"},
                new String[] {line(null, "KCCA budget", "ugx", "1000", "500", "100"), "currency"},
                new String[] {line(null, "KCCA budget", "ZZZ", "1000", "500", "100"), "currency"},
                new String[] {line(null, "", "UGX", "1000", "500", "100"), "sourceName"},
                new String[] {line(null, "s".repeat(201), "UGX", "1000", "500", "100"), "sourceName"},
                new String[] {valid.replace(",\"disbursed\":100", ""), "disbursed"},
                new String[] {valid.replace("1000", "\"lots\""), "required"});
        for (String[] b : bad) {
            perform(postJson(path(), b[0]), editor(city))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", Matchers.containsString(b[1])));
        }
        expectProblem(
                perform(postJson(path(), line(UUID.randomUUID(), "Unknown donor", "UGX", "1", "1", "0")), editor(city)),
                422);
        assertThat(rows("funding_line", action)).isZero();
        noEventsAbout(action);
    }
}
