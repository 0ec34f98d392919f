package org.arrival.web.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.arrival.web.notifications.SignedInMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The forum as it stood on a date: the forum service's as-of view at the end of the chosen day, its tracker then and
 * what changed since with each record named and linked, and a date the service refuses shown at the field in the
 * reader's language.
 */
class AsOfPageTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID NEED = UUID.fromString("a3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID FLAG = UUID.fromString("b3c4e5f6-7081-4b2c-9d3e-4f5061728394");

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/inbox/unread-count", 200, "{\"unread\":0}");
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
        SERVICES.answer("GET", "/forums/" + FORUM + "/as-of", 200, """
                {"at":"2026-11-05T23:59:59.999Z",
                 "tracker":[{"actionId":"%s","title":"Evening legal clinic","ownerName":"Horizon Relief International",
                   "status":"IN_PROGRESS","percentComplete":40,"rag":"AMBER","overdue":false}],
                 "changesSince":[
                   {"eventId":"e1","type":"org.arrival.actionplans.ProgressReported.v1","time":"2026-11-20T09:00:00Z",
                    "recordType":"ACTION","recordId":"%s","actionId":"%s","title":"Evening legal clinic"},
                   {"eventId":"e2","type":"org.arrival.assessments.NeedUpdated.v1","time":"2026-11-21T09:00:00Z",
                    "recordType":"NEED","recordId":"%s","title":"Safe shelter for new arrivals"},
                   {"eventId":"e3","type":"org.arrival.forum.CoherenceFlagRaised.v1","time":"2026-11-22T09:00:00Z",
                    "recordType":"FLAG","recordId":"%s"}],
                 "changesTotal":3}""".formatted(ACTION, ACTION, ACTION, NEED, FLAG));
    }

    @Test
    void theTrackerAsItStoodAndWhatChangedSinceWithEachRecordLinked() throws Exception {
        mvc.perform(get("/forums/" + FORUM + "/as-of")
                        .param("at", "2026-11-05")
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Kampala coordination forum tel qu’il était le 5 nov. 2026"),
                                containsString("<input type=\"date\" id=\"field-at\" name=\"at\" value=\"2026-11-05\""),
                                containsString("<a href=\"/actions/" + ACTION + "\">Evening legal clinic</a>"),
                                containsString("40"),
                                containsString("3 changements depuis, les plus récents d’abord."),
                                containsString("Avancement signalé:"),
                                containsString("<a href=\"/needs/" + NEED + "\">Safe shelter for new arrivals</a>"),
                                containsString("<a href=\"/forums/" + FORUM + "/flags/" + FLAG
                                        + "\">un signalement de cohérence</a>"))));
        // the end of the chosen day, in the platform's time zone
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().endsWith("/as-of"))
                .singleElement()
                .satisfies(
                        r -> assertThat(r.query()).isEqualTo("at=2026-11-05T23:59:59.999Z&changes=" + AsOfPage.SHOWN));
    }

    @Test
    void aLongHistoryIsCountedInFullAndOnlyItsNewestChangesListed() throws Exception {
        SERVICES.answer("GET", "/forums/" + FORUM + "/as-of", 200, """
                {"at":"2026-11-05T23:59:59.999Z","tracker":[],
                 "changesSince":[
                   {"eventId":"e1","type":"org.arrival.actionplans.ProgressReported.v1","time":"2026-11-20T09:00:00Z",
                    "recordType":"ACTION","recordId":"%s","actionId":"%s","title":"Evening legal clinic"}],
                 "changesTotal":4321}""".formatted(ACTION, ACTION));
        mvc.perform(get("/forums/" + FORUM + "/as-of")
                        .param("at", "2026-11-05")
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("4,321 changes since, newest first."),
                                containsString("The latest 1 are listed."),
                                containsString("<a href=\"/actions/" + ACTION + "\">Evening legal clinic</a>"))));
    }

    @Test
    void aDateTheServiceRefusesIsShownAtTheFieldInTheReadersLanguage() throws Exception {
        SERVICES.answer("GET", "/forums/" + FORUM + "/as-of", 400, """
                {"status":400,"title":"Invalid input","detail":"at: must lie between the years 1900 and 2200",
                 "errors":[{"field":"at","message":"must lie between the years 1900 and 2200","code":"date.out-of-range",
                            "parameters":{"from":1900,"to":2200}}]}""");
        mvc.perform(get("/forums/" + FORUM + "/as-of")
                        .param("at", "1850-06-01")
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"error-summary\""),
                                containsString(
                                        "<p class=\"field-error\">Saisissez une date comprise entre les années 1900 et 2200.</p>"),
                                containsString("value=\"1850-06-01\""),
                                containsString("aria-invalid=\"true\""),
                                not(containsString("id=\"changes\"")))));
        mvc.perform(get("/forums/" + FORUM + "/as-of")
                        .param("at", "1850-06-01")
                        .cookie(new Cookie(Languages.COOKIE, "ar"))
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(content().string(containsString("أدخل تاريخًا بين عامَي 1900 و2200.")));
        // what is no date at all is said here, without asking the service
        SERVICES.requests().clear();
        mvc.perform(get("/forums/" + FORUM + "/as-of")
                        .param("at", "last week")
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(content().string(containsString("Enter a date, for example 2026-01-31.")));
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().endsWith("/as-of"));
    }

    @Test
    void aForumWithoutASeatIsNotFound() throws Exception {
        mvc.perform(get("/forums/" + UUID.randomUUID() + "/as-of").with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isNotFound());
    }
}
