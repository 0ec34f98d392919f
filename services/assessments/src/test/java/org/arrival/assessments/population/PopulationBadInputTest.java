package org.arrival.assessments.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Every malformed estimate is a 4xx problem naming what is wrong, and writes nothing: no row, no event. */
class PopulationBadInputTest extends EvidenceTestSupport {

    record Bad(String label, String body, String detailContains) {}

    @Test
    void badEstimatesAreRefusedAndWriteNothing() throws Exception {
        UUID owner = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        String valid = estimateJson(
                "kla",
                "FORUM",
                List.of(),
                100_000,
                300_000,
                "[{\"dimension\":\"SEX\",\"category\":\"FEMALE\",\"count\":160000}]");
        String future = java.time.LocalDate.now().plusDays(3).toString();
        List<Bad> bad = List.of(
                new Bad(
                        "negative registered",
                        valid.replace("\"registered\":100000", "\"registered\":-1"),
                        "registered"),
                new Bad(
                        "non-numeric estimated",
                        valid.replace("\"estimated\":300000", "\"estimated\":\"lots\""),
                        "estimated"),
                new Bad("no counts", valid.replace("\"registered\":100000,\"estimated\":300000,", ""), "estimated"),
                new Bad("negative cell", valid.replace("\"count\":160000", "\"count\":-5"), "count"),
                new Bad("breakdown above the total", valid.replace("\"count\":160000", "\"count\":300001"), "total"),
                new Bad("category of another dimension", valid.replace("\"FEMALE\"", "\"60+\""), "category"),
                new Bad("unknown dimension", valid.replace("\"SEX\"", "\"ETHNICITY\""), "dimension"),
                new Bad("future asOf", valid.replace("2026-03-31", future), "asOf"),
                new Bad("not a date", valid.replace("2026-03-31", "last spring"), "asOf"),
                new Bad("unknown group", valid.replace("\"REFUGEES\"", "\"ALIENS\""), "group"),
                new Bad("unknown classification", valid.replace("\"FORUM\"", "\"SECRET\""), "classification"),
                new Bad("country Uganda", valid.replace("\"country\":\"UG\"", "\"country\":\"Uganda\""), "country"),
                new Bad("no country", valid.replace("\"country\":\"UG\",", ""), "country"),
                new Bad("foreign subdivision", valid.replace("UG-C", "KE-110"), "subdivision"),
                new Bad(
                        "source of 501",
                        valid.replace("OPM/UNHCR registration and KCCA household survey", "s".repeat(501)),
                        "source"),
                new Bad(
                        "method of 501",
                        valid.replace("registration plus survey extrapolation", "m".repeat(501)),
                        "method"),
                new Bad("seriesId of 101", valid.replace("\"kla\"", "\"" + "k".repeat(101) + "\""), "seriesId"),
                new Bad(
                        "forum not a UUID",
                        valid.replace("\"sharedWithForums\":[]", "\"sharedWithForums\":[\"kampala\"]"),
                        "sharedWithForums"),
                new Bad("unknown property", valid.replace("\"group\"", "\"names\":[\"Amina\"],\"group\""), "names"),
                new Bad("malformed JSON", valid.substring(0, 50), "JSON"),
                new Bad("empty body", "", "JSON"));
        for (Bad b : bad) {
            try {
                expectProblem(perform(postJson("/population", b.body()), editor(owner)), 400);
                perform(postJson("/population", b.body()), editor(owner))
                        .andExpect(jsonPath("$.detail", Matchers.containsString(b.detailContains())));
            } catch (AssertionError e) {
                throw new AssertionError(b.label() + ": " + e.getMessage(), e);
            }
        }
        expectProblem(
                perform(post("/population").contentType(MediaType.TEXT_PLAIN).content(valid), editor(owner)), 415);
        expectProblem(perform(getJson("/population?sort=registered"), editor(owner)), 400);
        expectProblem(perform(getJson("/population?group=ALIENS"), editor(owner)), 400);
        expectProblem(perform(getJson("/population/not-a-uuid"), editor(owner)), 400);

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM population_estimate WHERE owner_id = ?", Long.class, owner))
                .isZero();
        noEventsFrom(owner);

        // the valid body itself is accepted, so each refusal above was for its one fault
        perform(postJson("/population", valid), editor(owner)).andExpect(status().isCreated());
    }
}
