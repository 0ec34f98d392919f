package org.arrival.web.flags;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
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
 * A coherence flag's page, where notifications lead, and the forum page's flags: the finding worded in the reader's
 * language from the flag's parameters (its English summary when it has none), the records it names linked.
 */
class FlagPageTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID FLAG = UUID.fromString("b3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID OLD_FLAG = UUID.fromString("c3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID OTHER = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b89");

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
        SERVICES.answer("GET", "/forums/" + FORUM + "/flags", 200, """
                [{"flagId":"%s","version":1,"forumId":"%s","checkCode":"OVERLAPPING_ACTIONS","key":"k",
                  "recordIds":["%s","%s"],"summary":"Actions 'A' and 'B' overlap.","status":"OPEN","conditionHolds":true,
                  "createdAt":"2026-10-01T08:00:00Z","updatedAt":"2026-10-01T08:00:00Z",
                  "parameters":{"records":[{"recordId":"%s","kind":"ACTION","title":"Evening legal clinic"},
                                           {"recordId":"%s","kind":"ACTION","title":"Legal aid desk"}],
                                "sectors":["LEGAL_STATUS"],"groups":["REFUGEES"],"areas":["Katwe"]}},
                 {"flagId":"%s","version":2,"forumId":"%s","checkCode":"ACTION_WITHOUT_FUNDING","key":"k2",
                  "recordIds":["%s"],"summary":"Action 'Evening legal clinic' has no committed funding.",
                  "status":"OPEN","conditionHolds":true,"createdAt":"2026-09-01T08:00:00Z"}]""".formatted(
                        FLAG, FORUM, ACTION, OTHER, ACTION, OTHER, OLD_FLAG, FORUM, ACTION));
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
    void aFlagTheReaderMayNotSeeIsNotFound() throws Exception {
        mvc.perform(get("/forums/" + FORUM + "/flags/" + UUID.randomUUID())
                        .with(SignedInMember.of(registrations, "member")))
                .andExpect(status().isNotFound());
    }
}
