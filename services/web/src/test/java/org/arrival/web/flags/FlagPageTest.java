package org.arrival.web.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.arrival.web.notifications.SignedInMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A coherence flag's page, where notifications lead, and the forum page's flags: the finding worded in the reader's
 * language from the flag's parameters (its English summary when it has none), the records it names linked.
 */
class FlagPageTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID FLAG = UUID.fromString("b3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID OLD_FLAG = UUID.fromString("c3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID OTHER = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b89");
    static final UUID GAP_FLAG = UUID.fromString("d3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID UNDERCOUNT_FLAG = UUID.fromString("e3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID PARALLEL_FLAG = UUID.fromString("f3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID GAP = UUID.fromString("1b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID OTHER_GAP = UUID.fromString("1b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b89");
    static final UUID ESTIMATE = UUID.fromString("2b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID PLAN = UUID.fromString("3b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final String FLAGS = "/forums/" + FORUM + "/flags";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
        Map<UUID, String> flags = new LinkedHashMap<>();
        flags.put(FLAG, """
                {"flagId":"%s","version":1,"forumId":"%s","checkCode":"OVERLAPPING_ACTIONS","key":"k",
                  "recordIds":["%s","%s"],"summary":"Actions 'A' and 'B' overlap.","status":"OPEN","conditionHolds":true,
                  "createdAt":"2026-10-01T08:00:00Z","updatedAt":"2026-10-01T08:00:00Z",
                  "parameters":{"records":[{"recordId":"%s","kind":"ACTION","title":"Evening legal clinic"},
                                           {"recordId":"%s","kind":"ACTION","title":"Legal aid desk"}],
                                "sectors":["LEGAL_STATUS"],"groups":["REFUGEES"],"areas":["Katwe"]}}""".formatted(FLAG, FORUM, ACTION, OTHER, ACTION, OTHER));
        flags.put(OLD_FLAG, """
                {"flagId":"%s","version":2,"forumId":"%s","checkCode":"ACTION_WITHOUT_FUNDING","key":"k2",
                  "recordIds":["%s"],"summary":"Action 'Evening legal clinic' has no committed funding.",
                  "status":"OPEN","conditionHolds":true,"createdAt":"2026-09-01T08:00:00Z"}""".formatted(OLD_FLAG, FORUM, ACTION));
        flags.put(GAP_FLAG, """
                {"flagId":"%s","version":1,"forumId":"%s","checkCode":"GAP_WITHOUT_ACTION","key":"k3",
                  "recordIds":["%s","%s"],"summary":"Checklist action 9.1 (Kampala) has gaps.","status":"OPEN",
                  "conditionHolds":true,"createdAt":"2026-08-01T08:00:00Z","severity":"MEDIUM",
                  "parameters":{"records":[{"recordId":"%s","kind":"GAP","title":"9.1.d"},
                                           {"recordId":"%s","kind":"GAP","title":"9.1.e"}],
                                "areas":["Kampala"],"checklistAction":"9.1","questionCodes":["9.1.d","9.1.e"],
                                "recommendationCode":"R9"}}""".formatted(GAP_FLAG, FORUM, GAP, OTHER_GAP, GAP, OTHER_GAP));
        flags.put(UNDERCOUNT_FLAG, """
                {"flagId":"%s","version":1,"forumId":"%s","checkCode":"UNDERCOUNT","key":"k4",
                  "recordIds":["%s"],"summary":"In Kampala, 300000 REFUGEES are estimated.","status":"OPEN",
                  "conditionHolds":true,"createdAt":"2026-07-01T08:00:00Z","severity":"HIGH",
                  "parameters":{"records":[{"recordId":"%s","kind":"POPULATION_ESTIMATE",
                                            "title":"REFUGEES, Kampala, 2026-03-01"}],
                                "groups":["REFUGEES"],"areas":["Kampala"],"registered":100000,"estimated":300000}}""".formatted(UNDERCOUNT_FLAG, FORUM, ESTIMATE, ESTIMATE));
        flags.put(PARALLEL_FLAG, """
                {"flagId":"%s","version":1,"forumId":"%s","checkCode":"PARALLEL_HUMANITARIAN_STRUCTURE",
                  "key":"k5","recordIds":["%s","%s"],"summary":"Humanitarian action 'Cash for rent' in Kampala.",
                  "status":"OPEN","conditionHolds":true,"createdAt":"2026-06-01T08:00:00Z","severity":"LOW",
                  "parameters":{"records":[{"recordId":"%s","kind":"ACTION","title":"Cash for rent"},
                                           {"recordId":"%s","kind":"PLAN","title":"Kampala integration plan"}],
                                "areas":["Kampala"]}}""".formatted(PARALLEL_FLAG, FORUM, ACTION, PLAN, ACTION, PLAN));
        // the forum page lists them; a flag's page reads its flag alone
        SERVICES.answer(
                "GET",
                FLAGS,
                200,
                "{\"items\":[%s],\"page\":0,\"size\":200,\"totalItems\":5,\"totalPages\":1}"
                        .formatted(String.join(",", flags.values())));
        flags.forEach((id, flag) -> SERVICES.answer("GET", FLAGS + "/" + id, 200, flag));
        // the checklist as the action pages' tests give it too (the application keeps it for an hour)
        SERVICES.answer("GET", "/checklist", 200, """
                {"id":"checklist","version":1,"recommendations":[{"code":"R9","title":"Services","actions":[
                 {"code":"9.1","title":"Access","questions":[{"code":"9.1.d",
                  "text":"Can people without documents use public health services?"}]}]}]}""");
    }

    @Test
    void aFlagsPageWordsItsFindingInArabicAndLinksTheRecordsItNames() throws Exception {
        mvc.perform(get("/forums/" + FORUM + "/flags/" + FLAG)
                        .cookie(new Cookie(Languages.COOKIE, "ar"))
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"ar\" dir=\"rtl\">"),
                                containsString("<h1 id=\"record-title\">إجراءات متداخلة</h1>"),
                                containsString(
                                        "الإجراءان «Evening legal clinic» و«Legal aid desk» لمنظمتين مختلفتين متداخلان:"),
                                containsString("<a href=\"/actions/" + ACTION + "\">Evening legal clinic</a>"),
                                containsString("<a href=\"/actions/" + OTHER + "\">Legal aid desk</a>"),
                                containsString("href=\"/forums/" + FORUM + "#flags\""))));
    }

    @Test
    void theForumPagesFlagsAreWordedInTheReadersLanguageAndLeadToTheirPages() throws Exception {
        mvc.perform(get("/forums/" + FORUM + "/parts/flags")
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "Les actions « Evening legal clinic » et « Legal aid desk » d’organisations"
                                                + " différentes se chevauchent : Statut juridique pour Réfugiés à Katwe sur la même période."),
                                containsString("<a href=\"/forums/" + FORUM + "/flags/" + FLAG
                                        + "\">Actions qui se chevauchent</a>"),
                                // a flag the forum service has not described yet keeps its English finding
                                containsString("Action 'Evening legal clinic' has no committed funding."))));
    }

    @Test
    void aFlagsPageSaysHowMuchItMattersWhatTheCheckLooksForWhereItComesFromAndWhatWouldClearIt() throws Exception {
        mvc.perform(get("/forums/" + FORUM + "/flags/" + GAP_FLAG).with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1 id=\"record-title\">Checklist gap without action</h1>"),
                                containsString("<span class=\"badge sev-MEDIUM\" id=\"flag-severity\">Severity:"
                                        + " Medium</span>"),
                                containsString("Checklist action 9.1 (Kampala) has gaps no action answers, at"
                                        + " questions 9.1.d and 9.1.e."),
                                containsString("<h2 id=\"flag-suggestion-heading\">What would clear it</h2>"),
                                containsString("Link the gaps to an action that answers them"),
                                containsString("<h2 id=\"flag-rule-heading\">What the check looks for</h2>"),
                                containsString("Questions a published checklist round scored below “yes” are gaps."),
                                containsString("Source: UN-Habitat guide, readiness checklist"),
                                // each gap with its question's text, as the instrument words it
                                containsString("Checklist gap:"),
                                containsString("<span class=\"question-text\" lang=\"en\" dir=\"ltr\">Can people"
                                        + " without documents use public health services?</span>"),
                                containsString("9.1.e"))));
    }

    @Test
    void anEstimateIsNamedInTheReadersWordsAndLinkedToItsPage() throws Exception {
        mvc.perform(get("/forums/" + FORUM + "/flags/" + UNDERCOUNT_FLAG)
                        .cookie(new Cookie(Languages.COOKIE, "ar"))
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"ar\" dir=\"rtl\">"),
                                containsString("الخطورة: مرتفعة"),
                                containsString(
                                        "اللاجئون في Kampala: العدد المقدَّر 300,000 مقابل 100,000 من المسجَّلين."),
                                containsString("<a href=\"/population/" + ESTIMATE + "\">اللاجئون، Kampala، "),
                                containsString("قائمة التحقق 7.1(b)"))));
    }

    @Test
    void theForumsFlagsSayTheirSeverityInWordsAndLinkThePlansTheyName() throws Exception {
        mvc.perform(get("/forums/" + FORUM + "/parts/flags").with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<span class=\"badge sev-HIGH\">Severity: High</span>"),
                                containsString("<span class=\"badge sev-LOW\">Severity: Low</span>"),
                                containsString(
                                        "Humanitarian action “Cash for rent” in Kampala is not part of any plan"),
                                containsString("Plan: <a href=\"/plans/" + PLAN + "\">Kampala integration plan</a>"),
                                containsString("Action: <a href=\"/actions/" + ACTION + "\">Cash for rent</a>"))));
    }

    /** The page's main part: what it says, without the layout (which names the page's own address). */
    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    @Test
    void aFlagsPageAsksTheForumServiceForThatFlagAloneNotForEveryFlagOfTheForum() throws Exception {
        mvc.perform(get(FLAGS + "/" + UNDERCOUNT_FLAG).with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isOk());
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().startsWith(FLAGS))
                .extracting(StubServices.Request::path)
                .containsExactlyInAnyOrder(FLAGS + "/" + UNDERCOUNT_FLAG, FLAGS + "/" + UNDERCOUNT_FLAG + "/history");
    }

    @Test
    void aFlagTheReaderMayNotSeeIsNotFound() throws Exception {
        // the forum service answers 404 alike for an unknown flag and one naming a record the reader may not read
        UUID unreadable = UUID.randomUUID();
        SERVICES.answer("GET", FLAGS + "/" + unreadable, 404, """
                {"status":404,"title":"Not found","detail":"No flag with id %s"}""".formatted(unreadable));
        String unknown = mvc.perform(
                        get(FLAGS + "/" + UUID.randomUUID()).with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String hidden = mvc.perform(get(FLAGS + "/" + unreadable).with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(main(hidden)).isEqualTo(main(unknown)).contains("data-status=\"404\"", "<h1>Not found</h1>");
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().equals(FLAGS));
    }
}
