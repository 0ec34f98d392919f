package org.arrival.web.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.web.SignedIn;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Population estimates against stub services: the forum's estimates as a table and charts with their numbers,
 * suppressed counts read "fewer than 5"; recording previews the counts as others will see them and records only what
 * was previewed; an estimate's page is exact for its owner beside what others see.
 */
class PopulationPagesTest extends WebTest {

    static final UUID UBOS = UUID.fromString("3ad21286-85be-4d44-97dc-26da917903ed");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID ESTIMATE = UUID.fromString("d6f71829-a3b4-4e5f-8061-728394051627");

    static final SignedIn STATISTICIAN = SignedIn.as("ubos-statistician", UBOS, "org-editor");
    static final SignedIn NGO_READER = SignedIn.as("ngo-reader", NGO);

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/stakeholders/" + UBOS, 200, """
                {"id":"%s","version":1,"name":"Uganda Bureau of Statistics","jurisdiction":{"country":"UG"}}""".formatted(UBOS));
        SERVICES.answer("GET", "/stakeholders/" + NGO, 200, """
                {"id":"%s","version":1,"name":"Horizon Relief International"}""".formatted(NGO));
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","area":"Kampala"}]""".formatted(FORUM));
        SERVICES.answer("GET", "/forums/" + FORUM + "/population", 200, """
                {"items":[
                  {"estimateId":"%s","ownerId":"%s","ownerName":"Uganda Bureau of Statistics",
                   "area":{"country":"UG","subdivision":"UG-C","areaCode":"KLA-NAKAWA","areaName":"Nakawa"},
                   "group":"ASYLUM_SEEKERS","registered":{"suppressed":"<5"},"estimated":{"value":35},
                   "source":"Nakawa help desk tally","asOf":"2026-10-31","classification":"FORUM"},
                  {"estimateId":"%s","ownerId":"%s","ownerName":"Uganda Bureau of Statistics",
                   "area":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},"group":"REFUGEES",
                   "registered":{"value":101200},"estimated":{"value":305000},
                   "source":"UBOS urban refugee estimate 2026","asOf":"2026-06-30","classification":"PUBLIC"},
                  {"estimateId":"%s","ownerId":"%s","ownerName":"Uganda Bureau of Statistics",
                   "area":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},"group":"REFUGEES",
                   "registered":{"value":96500},"estimated":{"value":290000},
                   "source":"UBOS urban refugee estimate 2025","asOf":"2025-06-30","classification":"PUBLIC"}],
                 "page":0,"size":200,"totalItems":3,"totalPages":1}""".formatted(
                        ESTIMATE, UBOS, UUID.randomUUID(), UBOS, UUID.randomUUID(), UBOS));
    }

    /** A recording of a small count, with some fields given other values ({@code name, value, ...}). */
    private static MockHttpServletRequestBuilder smallCount(String intent, String... changed) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        String[] defaults = {
            "forum",
            FORUM.toString(),
            "area.country",
            "UG",
            "area.subdivision",
            "UG-C",
            "area.areaCode",
            "KLA-KISENYI",
            "area.areaName",
            "Kisenyi",
            "group",
            "STATELESS_PERSONS",
            "registered",
            "3",
            "estimated",
            "12",
            "breakdown.SEX.FEMALE",
            "7",
            "breakdown.SEX.MALE",
            "5",
            "source",
            "UBOS neighbourhood listing",
            "asOf",
            "2026-06-30",
            "classification",
            "FORUM",
            "sharedWithForums",
            FORUM.toString()
        };
        for (int i = 0; i < defaults.length; i += 2) {
            fields.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i < changed.length; i += 2) {
            fields.put(changed[i], changed[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/population/new").with(csrf()).param("intent", intent);
        fields.forEach(request::param);
        return request;
    }

    @Test
    void theForumsEstimatesAreATableAndChartsWithTheirNumbersAndSuppressedCountsReadFewerThanFive() throws Exception {
        String page = html(get("/forums/" + FORUM + "/population").with(as(NGO_READER)), 200);
        assertThat(page)
                .contains(
                        "Population estimates · Kampala coordination forum",
                        "id=\"disclosure-note\"",
                        "rounded to a multiple of 5")
                .contains(
                        "<a href=\"/population/" + ESTIMATE + "\">Nakawa</a>",
                        "Asylum seekers",
                        "<span class=\"suppressed\">fewer than 5</span>",
                        "101,200",
                        "305,000",
                        "Uganda Bureau of Statistics")
                // the chart of the latest estimates: caption, legend, description for screen readers, numbers
                .contains(
                        "<figcaption id=\"population-latest-caption\">Latest estimate of each area and group",
                        "aria-describedby=\"population-latest-description\"",
                        "id=\"population-latest-legend\"",
                        "Kampala, Refugees: 101,200 registered, 305,000 estimated, as of Jun 30, 2026",
                        "Nakawa, Asylum seekers: fewer than 5 registered, 35 estimated")
                // over time, only where there is more than one estimate
                .contains("Over time: Kampala, Refugees", "as of Jun 30, 2025, 96,500 registered and 290,000 estimated")
                .doesNotContain("Over time: Nakawa", "id=\"record-estimate\"");
        assertThat(html(get("/forums/" + FORUM + "/population").with(as(STATISTICIAN)), 200))
                .contains("href=\"/population/new?forum=" + FORUM + "\"");
        // a forum the person does not sit in does not exist for them
        assertThat(html(get("/forums/" + UUID.randomUUID() + "/population").with(as(STATISTICIAN)), 404))
                .contains("Not found");
    }

    @Test
    void thePreviewShowsWhatOthersWillSeeAndOnlyWhatWasPreviewedIsRecorded() throws Exception {
        SERVICES.answer("POST", "/population/preview", 200, """
                {"registered":{"suppressed":"<5"},"estimated":{"value":10},
                 "breakdown":[{"dimension":"SEX","category":"FEMALE","count":{"suppressed":"<5"}},
                              {"dimension":"SEX","category":"MALE","count":{"suppressed":"<5"}}]}""");
        String preview = html(smallCount("preview").with(as(STATISTICIAN)), 200);
        assertThat(preview)
                .contains("What others will see", "Nothing is saved yet")
                .contains(
                        "<th scope=\"row\">Registered</th>",
                        "<th scope=\"row\">Sex: female</th>",
                        "hidden so that a small count cannot be worked out from the total")
                .contains("id=\"record\"", "value=\"12\"", "value=\"Kisenyi\"");
        String fingerprint = hidden(preview, "previewed");
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/population/preview");
                    assertThat(r.body())
                            .contains(
                                    "\"registered\":3",
                                    "\"estimated\":12",
                                    "\"breakdown\":[{\"dimension\":\"SEX\",\"category\":\"FEMALE\",\"count\":7},"
                                            + "{\"dimension\":\"SEX\",\"category\":\"MALE\",\"count\":5}]",
                                    "\"area\":{\"country\":\"UG\",\"subdivision\":\"UG-C\",\"areaCode\":\"KLA-KISENYI\",\"areaName\":\"Kisenyi\"}");
                });

        // the numbers changed after the preview: previewed again, not recorded
        String again = html(
                smallCount("record", "previewed", fingerprint, "estimated", "13")
                        .with(as(STATISTICIAN)),
                200);
        assertThat(again).contains("The form changed since your last preview");
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().equals("/population"));

        SERVICES.answer("POST", "/population", 201, """
                {"id":"%s","version":1,"ownerId":"%s","group":"STATELESS_PERSONS"}""".formatted(ESTIMATE, UBOS));
        mvc.perform(smallCount("record", "previewed", fingerprint).with(as(STATISTICIAN)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/population/" + ESTIMATE));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/population"))
                .singleElement()
                .extracting(StubServices.Request::authorization)
                .isEqualTo(STATISTICIAN.bearer());
    }

    @Test
    void aRefusalOfOneCellOfTheBreakdownIsShownAtThatCellsField() throws Exception {
        SERVICES.answer("POST", "/population/preview", 400, """
                {"status":400,"title":"Invalid input",
                 "errors":[{"field":"breakdown[1].count","message":"the SEX counts add up to more than the total"},
                           {"field":"area.country","message":"must be an ISO 3166-1 alpha-2 code such as UG",
                            "code":"validation.Pattern"}]}""");
        String page = html(smallCount("preview", "breakdown.SEX.MALE", "50").with(as(STATISTICIAN)), 200);
        assertThat(page)
                .contains(
                        "<div id=\"field-breakdown-SEX-MALE-error\">",
                        "the SEX counts add up to more than the total",
                        "<div id=\"field-area-country-error\">",
                        "This is not in the expected form.")
                .contains("href=\"#field-breakdown-SEX-MALE\">Sex: male: the SEX counts add up to more than the total")
                .doesNotContain("id=\"record\"");
        // a reader who records nothing is not shown the form
        assertThat(html(get("/population/new").with(as(NGO_READER)), 403)).contains("You may not do this");
    }

    @Test
    void anEstimatesPageIsExactForItsOwnerBesideWhatOthersSee() throws Exception {
        SERVICES.answer("GET", "/population/" + ESTIMATE, 200, """
                {"id":"%s","version":1,"ownerId":"%s","area":{"country":"UG","areaName":"Nakawa"},
                 "group":"ASYLUM_SEEKERS","registered":{"value":4},"estimated":{"value":36},
                 "breakdown":[{"dimension":"AGE_BAND","category":"0-4","count":{"value":3}}],
                 "source":"Nakawa help desk tally","asOf":"2026-10-31","classification":"FORUM",
                 "sharedWithForums":["%s"],
                 "shownToOthers":{"registered":{"suppressed":"<5"},"estimated":{"value":35},
                   "breakdown":[{"dimension":"AGE_BAND","category":"0-4","count":{"suppressed":"<5"}}]}}""".formatted(ESTIMATE, UBOS, FORUM));
        String page = html(get("/population/" + ESTIMATE).with(as(STATISTICIAN)), 200);
        assertThat(page)
                .contains(
                        "Nakawa, Asylum seekers",
                        "you see its exact counts",
                        "<th scope=\"col\">Exact</th>",
                        "<th scope=\"col\">Others see</th>",
                        "Age: 0 to 4 years",
                        "Kampala coordination forum");
        String registered = page.substring(
                page.indexOf("<th scope=\"row\">Registered</th>"),
                page.indexOf("<th scope=\"row\">Estimated present</th>"));
        assertThat(registered).contains("4").contains("fewer than 5");
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("hidden field %s", name).isTrue();
        return m.group(1);
    }
}
