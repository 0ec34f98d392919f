package org.arrival.web.records;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

/** The pages notifications lead to for plans, rounds, estimates and organisations: the record's title and facts. */
class RecordPagesTest extends WebTest {

    static final UUID ID = UUID.fromString("d3c4e5f6-7081-4b2c-9d3e-4f5061728394");

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/plans/" + ID, 200, """
                {"id":"%s","version":2,"title":"Kampala refugee response plan","type":"MUNICIPAL_ACTION_PLAN",
                 "periodStart":"2026-01-01","periodEnd":"2028-12-31","status":"ADOPTED"}""".formatted(ID));
        SERVICES.answer("GET", "/actions", 200, """
                {"items":[],"page":0,"size":20,"totalItems":0,"totalPages":0}""");
        SERVICES.answer("GET", "/rounds/" + ID, 200, """
                {"id":"%s","version":3,"title":"Kampala readiness 2026","closesOn":"2026-12-15","status":"OPEN",
                 "convenorId":"5b91a581-7e39-4e6e-a92e-7be3b70f071a","jurisdiction":{"country":"UG"}}""".formatted(ID));
        SERVICES.answer("GET", "/population/" + ID, 200, """
                {"id":"%s","version":1,"area":{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"},
                 "group":"REFUGEES","source":"UNHCR registration","asOf":"2026-10-31"}""".formatted(ID));
    }

    @Test
    void eachRecordKindShowsItsTitleInTheReadersLanguage() throws Exception {
        var member = SignedInMember.of(registrations, "member");
        mvc.perform(get("/plans/" + ID)
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .with(member))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<h1 id=\"record-title\" dir=\"auto\">Kampala refugee response plan</h1>"),
                                containsString("Plan d'action municipal"))));
        mvc.perform(get("/rounds/" + ID).with(member))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("Kampala readiness 2026"), containsString("Dec 15, 2026"))));
        mvc.perform(get("/estimates/" + ID).with(member))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/population/" + ID));
        // a record the service does not show the reader is not found, hidden or missing alike
        mvc.perform(get("/stakeholders/" + UUID.randomUUID()).with(member)).andExpect(status().isNotFound());
    }
}
