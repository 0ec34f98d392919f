package org.arrival.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The inbox and subscriptions against stub services: notifications worded in the reader's language from their codes
 * and parameters with links to the records' pages, the header's unread count, read marks, and subscriptions with
 * event types chosen by name, sent with the reader's language, edited and ended with their version.
 */
class NotificationPagesTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID NOTIFICATION = UUID.fromString("11111111-2222-4333-8444-555555555555");
    static final UUID OLD = UUID.fromString("11111111-2222-4333-8444-666666666666");
    static final UUID FLAG_NOTIFICATION = UUID.fromString("11111111-2222-4333-8444-777777777777");
    static final UUID SUBSCRIPTION = UUID.fromString("99999999-2222-4333-8444-555555555555");
    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    RequestPostProcessor member() {
        return SignedInMember.of(registrations, "member", "org-editor");
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/stakeholders/" + SignedInMember.ORG, 200, """
                {"id":"%s","version":3,"name":"Horizon Relief International","type":"INTERNATIONAL_NGO"}""".formatted(SignedInMember.ORG));
        SERVICES.answer("GET", "/inbox/unread-count", 200, "{\"unread\":2}");
        SERVICES.answer("GET", "/inbox", 200, """
                {"items":[
                  {"id":"%s","eventType":"org.arrival.actionplans.ActionProposed.v1","code":"ActionProposed",
                   "parameters":{"kind":"ACTION","title":"Evening legal clinic","organisation":"Kampala Capital City Authority",
                     "text":"Two evenings a week."},
                   "title":"Kampala Capital City Authority proposed “Evening legal clinic”","body":"Two evenings a week.",
                   "link":"http://127.0.0.1:8080/actions/%s","personal":false,"occurredAt":"2026-11-02T08:00:00Z",
                   "createdAt":"2026-11-02T08:00:01Z","read":false},
                  {"id":"%s","eventType":"org.arrival.forum.CoherenceFlagRaised.v1","code":"CoherenceFlagRaised",
                   "parameters":{"check":"REPORTING_OVERDUE","flagStatus":"OPEN","title":"Evening legal clinic",
                     "periodStart":"2026-07-01","periodEnd":"2026-09-30","dueOn":"2026-10-15","days":21,
                     "summary":"Action 'Evening legal clinic': overdue."},
                   "title":"A coherence check raised a flag: Reporting overdue","body":"",
                   "link":"http://127.0.0.1:8080/forums/%s/flags/%s","personal":true,
                   "occurredAt":"2026-11-01T08:00:00Z","createdAt":"2026-11-01T08:00:01Z","read":false},
                  {"id":"%s","eventType":"org.arrival.actionplans.ActionUpdated.v1",
                   "title":"An older notification, in English","body":"As it was worded.",
                   "link":"http://elsewhere.example/needs/%s","personal":false,"occurredAt":"2026-10-01T08:00:00Z",
                   "createdAt":"2026-10-01T08:00:01Z","read":true}],
                 "page":0,"size":25,"totalItems":3,"totalPages":1}""".formatted(
                        NOTIFICATION, ACTION, FLAG_NOTIFICATION, FORUM, UUID.randomUUID(), OLD, ACTION));
        SERVICES.answer("POST", "/inbox/" + NOTIFICATION + "/read", 204, "");
        SERVICES.answer("POST", "/inbox/read-all", 200, "{\"marked\":2}");
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
        SERVICES.answer("GET", "/stakeholders", 200, """
                {"items":[{"id":"%s","version":1,"name":"Kampala Capital City Authority","type":"LOCAL_GOVERNMENT"},
                          {"id":"%s","version":1,"name":"Horizon Relief International","type":"INTERNATIONAL_NGO"}],
                 "page":0,"size":200,"totalItems":2,"totalPages":1}""".formatted(CITY, SignedInMember.ORG));
        SERVICES.answer("GET", "/forums/" + FORUM + "/tracker", 200, """
                {"items":[{"actionId":"%s","title":"Evening legal clinic","ownerId":"%s","status":"IN_PROGRESS","overdue":false}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(ACTION, CITY));
        SERVICES.answer("GET", "/subscriptions", 200, """
                {"items":[{"id":"%s","version":3,"scope":"USER","channel":"EMAIL","address":"ngo-editor@demo.arrival.example",
                  "frequency":"DAILY_DIGEST","language":"fr","filter":{"forums":["%s"],"organisations":["%s"],
                  "sectors":["LEGAL_STATUS"],"eventTypes":["ProgressReported","ActionProposed"],"records":["%s"]}}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(SUBSCRIPTION, FORUM, CITY, ACTION));
        SERVICES.answer("GET", "/subscriptions/" + SUBSCRIPTION, 200, """
                {"id":"%s","version":3,"scope":"USER","channel":"EMAIL","address":"ngo-editor@demo.arrival.example",
                 "frequency":"DAILY_DIGEST","language":"fr","filter":{"eventTypes":["ProgressReported"]}}""".formatted(SUBSCRIPTION));
    }

    @Test
    void theInboxWordsNotificationsInTheReadersLanguageAndLinksToTheRecordsPages() throws Exception {
        mvc.perform(get("/notifications")
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"fr\" dir=\"ltr\">"),
                                // worded here from the code and parameters, not the service's English
                                containsString("<a href=\"/actions/" + ACTION
                                        + "\">Kampala Capital City Authority a proposé « Evening legal clinic »</a>"),
                                containsString("Two evenings a week."),
                                // a flag's finding from its parameters, in French, with French dates and plurals
                                containsString("Un contrôle de cohérence a émis un signalement : Rapport en retard"),
                                containsString(
                                        "Action « Evening legal clinic » : le rapport d’avancement pour la période du"
                                                + " 1 juil. 2026 au 30 sept. 2026 était attendu le 15 oct. 2026 et n’est pas arrivé."),
                                containsString("href=\"/forums/" + FORUM + "/flags/"),
                                // a notification from before codes keeps its words; its link stays on this site
                                containsString("An older notification, in English"),
                                containsString("href=\"/needs/" + ACTION + "\""),
                                containsString("2 notifications non lues."),
                                // the header's count, on every page
                                containsString("id=\"unread-count\">2"),
                                containsString("action=\"/notifications/" + NOTIFICATION + "/read\""),
                                not(containsString("http://elsewhere.example")))));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/inbox"))
                .allSatisfy(r -> assertThat(r.authorization()).startsWith("Bearer "));
    }

    @Test
    void theHeaderCountsUnreadNotificationsOnEveryPage() throws Exception {
        mvc.perform(get("/forums").with(member()))
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/notifications\" id=\"nav-notifications\""),
                                containsString(
                                        "id=\"unread-count\">2<span class=\"sr-only\"> unread notifications</span>"))));
        SERVICES.answer("GET", "/inbox/unread-count", 503, "{}");
        // a notifications service that does not answer leaves the count out, not the page
        mvc.perform(get("/forums").with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"nav-notifications\""),
                                not(containsString("id=\"unread-count\"")))));
    }

    @Test
    void markingReadPostsWithTheFormTokenAndGoesBack() throws Exception {
        mvc.perform(post("/notifications/" + NOTIFICATION + "/read")
                        .param("back", "/notifications?unread=true")
                        .with(member()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/notifications/" + NOTIFICATION + "/read")
                        .param("back", "/notifications?unread=true")
                        .with(member())
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications?unread=true#notification-" + NOTIFICATION));
        mvc.perform(post("/notifications/read-all")
                        .param("back", "https://evil.example/")
                        .with(member())
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(SERVICES.requests())
                .extracting(StubServices.Request::path)
                .contains("/inbox/" + NOTIFICATION + "/read", "/inbox/read-all");
    }

    @Test
    void subscriptionsAreListedByTheNamesOfWhatTheyFollow() throws Exception {
        mvc.perform(get("/notifications/subscriptions")
                        .cookie(new Cookie(Languages.COOKIE, "es"))
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Kampala coordination forum"),
                                containsString("Kampala Capital City Authority"),
                                containsString("Situación legal"),
                                containsString("Avance informado y Acción propuesta"),
                                containsString("Evening legal clinic"),
                                containsString("En un resumen diario"),
                                containsString("Français"),
                                containsString("name=\"version\" value=\"3\""))));
    }

    @Test
    void theFormOffersEventTypesByTheirNamesAndSendsTheReadersLanguage() throws Exception {
        mvc.perform(get("/notifications/subscriptions/new")
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<label for=\"field-filter-eventTypes-actionplans-"),
                                containsString(">Avancement signalé</label>"),
                                containsString(">Signalement de cohérence émis</label>"),
                                containsString("value=\"ngo-editor@demo.arrival.example\""),
                                containsString("<option value=\"fr\" lang=\"fr\" selected>"),
                                // only administrators subscribe their organisation or use its webhooks
                                not(containsString("value=\"ORGANISATION\"")),
                                not(containsString("value=\"WEBHOOK\"")))));
        SERVICES.answer("POST", "/subscriptions", 201, """
                {"id":"%s","version":1,"scope":"USER","channel":"EMAIL","frequency":"IMMEDIATE","language":"fr"}""".formatted(SUBSCRIPTION));
        mvc.perform(post("/notifications/subscriptions")
                        .with(member())
                        .with(csrf())
                        .param("channel", "EMAIL")
                        .param("address", "ngo-editor@demo.arrival.example")
                        .param("frequency", "IMMEDIATE")
                        .param("language", "fr")
                        .param("scope", "USER")
                        .param("filter.eventTypes", "ProgressReported", "ActionProposed")
                        .param("filter.forums", FORUM.toString())
                        .param("filter.areas", "ug-c, UG"))
                .andExpect(redirectedUrl("/notifications/subscriptions?done=saved"));
        String sent = SERVICES.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/subscriptions"))
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(sent)
                .contains(
                        "\"channel\":\"EMAIL\"",
                        "\"language\":\"fr\"",
                        "\"address\":\"ngo-editor@demo.arrival.example\"",
                        "\"eventTypes\":[\"ProgressReported\",\"ActionProposed\"]",
                        "\"forums\":[\"" + FORUM + "\"]",
                        "\"areas\":[\"UG-C\",\"UG\"]");
    }

    @Test
    void aRefusedFieldIsShownAtTheFieldInTheReadersLanguageWithWhatWasTyped() throws Exception {
        SERVICES.answer("POST", "/subscriptions", 400, """
                {"status":400,"title":"Invalid input","detail":"address: looks like a phone number",
                 "errors":[{"field":"address","message":"looks like a phone number of a person","code":"personal-data.phone"},
                           {"field":"filter.areas","message":"'X1' is not a country (UG) or subdivision (UG-C) code"}]}""");
        mvc.perform(post("/notifications/subscriptions")
                        .cookie(new Cookie(Languages.COOKIE, "ar"))
                        .with(member())
                        .with(csrf())
                        .param("channel", "EMAIL")
                        .param("address", "+256 700 123456@x.org")
                        .param("filter.areas", "X1")
                        .param("filter.eventTypes", "NeedIdentified"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"ar\" dir=\"rtl\">"),
                                containsString("id=\"error-summary\""),
                                containsString(
                                        "<p class=\"field-error\">يبدو هذا رقم هاتف لشخص. لا يحتفظ Arrival بأي بيانات شخصية عن الناس: احذفه.</p>"),
                                // a field error without a code keeps the service's words
                                containsString("'X1' is not a country"),
                                containsString("value=\"+256 700 123456@x.org\""),
                                containsString("value=\"NeedIdentified\" checked"))));
    }

    @Test
    void anEditSendsTheVersionReadAndAConflictShowsTheSubscriptionAsItIsNow() throws Exception {
        mvc.perform(get("/notifications/subscriptions/" + SUBSCRIPTION + "/edit")
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("name=\"version\" value=\"3\""),
                                containsString("value=\"ProgressReported\" checked"))));
        SERVICES.answer("PUT", "/subscriptions/" + SUBSCRIPTION, 412, """
                {"status":412,"title":"Precondition failed","detail":"subscription changed"}""");
        SERVICES.answer("GET", "/subscriptions/" + SUBSCRIPTION, 200, """
                {"id":"%s","version":4,"scope":"USER","channel":"IN_APP","frequency":"IMMEDIATE","language":"en",
                 "filter":{"eventTypes":["ReportOverdue"]}}""".formatted(SUBSCRIPTION));
        mvc.perform(post("/notifications/subscriptions/" + SUBSCRIPTION)
                        .with(member())
                        .with(csrf())
                        .param("version", "3")
                        .param("channel", "EMAIL")
                        .param("address", "ngo-editor@demo.arrival.example")
                        .param("filter.eventTypes", "FundingRecorded"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Someone else changed this record"),
                                containsString("id=\"as-it-is-now\""),
                                containsString("Progress report overdue"),
                                containsString("name=\"version\" value=\"4\""),
                                containsString("value=\"FundingRecorded\" checked"))));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("PUT"))
                .singleElement()
                .satisfies(r -> assertThat(r.ifMatch()).isEqualTo("\"3\""));
    }

    @Test
    void endingSendsTheVersionAndAStaleOneSaysSo() throws Exception {
        SERVICES.answer("DELETE", "/subscriptions/" + SUBSCRIPTION, 204, "");
        mvc.perform(post("/notifications/subscriptions/" + SUBSCRIPTION + "/end")
                        .param("version", "3")
                        .with(member())
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications/subscriptions?done=ended"));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("DELETE"))
                .singleElement()
                .satisfies(r -> assertThat(r.ifMatch()).isEqualTo("\"3\""));
        SERVICES.answer("DELETE", "/subscriptions/" + SUBSCRIPTION, 412, "{\"status\":412}");
        mvc.perform(post("/notifications/subscriptions/" + SUBSCRIPTION + "/end")
                        .param("version", "2")
                        .with(member())
                        .with(csrf()))
                .andExpect(redirectedUrl(
                        "/notifications/subscriptions?stale=" + SUBSCRIPTION + "#subscription-" + SUBSCRIPTION));
    }

    @Test
    void administratorsMaySubscribeTheirOrganisationAndItsWebhooks() throws Exception {
        SERVICES.answer("GET", "/webhooks", 200, """
                {"items":[{"id":"%s","url":"https://hooks.horizon.example/arrival","active":true}],"page":0,"size":200,
                 "totalItems":1,"totalPages":1}""".formatted(UUID.randomUUID()));
        mvc.perform(get("/notifications/subscriptions/new")
                        .with(SignedInMember.of(registrations, "member", "org-admin")))
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"ORGANISATION\""),
                                containsString("value=\"WEBHOOK\""),
                                containsString("https://hooks.horizon.example/arrival"))));
    }
}
