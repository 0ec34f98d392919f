package org.arrival.actionplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.plans.PlanningTestSupport;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.DatabaseFingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, finding 5: e-mail addresses, phone numbers, identity document numbers and a name with a birth date were
 * stored in action titles and descriptions, report narratives, indicator names, milestones, funding sources and
 * comments, and a comment with a passport number on a forum action was readable by the enforcement unit. Every
 * free-text field of every record type of the service now passes the platform's personal-data screen: the answer
 * is 400 naming the field with a {@code personal-data.*} code, and nothing is stored (no row, no event).
 */
class PersonalDataTest extends PlanningTestSupport {

    /** Tables the service writes in the background: the registry replica and what it learns from assessments. */
    static final Set<String> BACKGROUND =
            Set.of("organisation", "forum_membership", "known_need", "known_gap", "report_reminder");

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private UUID plan;
    private UUID action;
    private UUID milestone;
    private UUID funding;

    @BeforeEach
    void seed() throws Exception {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        seat(forum, city);
        seat(forum, ngo);
        plan = id(perform(postJson("/plans", planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of(forum))), editor(city))
                .andExpect(status().isCreated()));
        action = id(perform(
                        postJson(
                                "/actions",
                                actionJson("FORUM", List.of(forum), "\"startDate\":\"2025-01-01\"")
                                        .replace("\"startDate\":\"2026-02-01\",", "")),
                        editor(city))
                .andExpect(status().isCreated()));
        for (String step : List.of("COMMITTED", "IN_PROGRESS")) {
            perform(postJson("/actions/" + action + "/status", "{\"status\":\"" + step + "\"}"), editor(city))
                    .andExpect(status().isOk());
        }
        milestone = id(perform(
                        postJson(
                                "/actions/" + action + "/milestones",
                                "{\"title\":\"Fee waivers agreed with the schools\",\"dueOn\":\"2026-06-30\"}"),
                        editor(city))
                .andExpect(status().isCreated()));
        funding =
                id(perform(postJson("/actions/" + action + "/funding", funding("KCCA education budget")), editor(city))
                        .andExpect(status().isCreated()));
    }

    private static String funding(String source) {
        return """
                {"sourceName":"%s","currency":"UGX","required":900000,"committed":300000,"disbursed":0}""".formatted(source);
    }

    private static String report(String narrative, String indicatorName, String unit) {
        return """
                {"periodStart":"2025-01-01","periodEnd":"2025-03-31","percentComplete":20,"rag":"AMBER",
                 "narrative":"%s","indicators":[{"name":"%s","unit":"%s","target":3000,"actual":1850}]}""".formatted(narrative, indicatorName, unit);
    }

    /** One request with personal data in one field, the field the 400 must name, and who sends it. */
    private record Case(String record, ApiCall call, String field, String code, Token caller) {}

    private List<Case> cases() {
        String a = "/actions/" + action;
        String validAction = actionJson("FORUM", List.of(forum), null);
        List<Case> cases = new ArrayList<>();
        // plans
        cases.add(new Case(
                "plan",
                ApiCall.post(
                        "/plans",
                        planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of(forum))
                                .replace(
                                        "Kampala migration and displacement action plan 2026-2030",
                                        "Plan agreed with amina.k@example.org")),
                "title",
                "personal-data.email",
                editor(city)));
        cases.add(new Case(
                "plan",
                ApiCall.post(
                        "/plans",
                        planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of(forum))
                                .replace("Register informal settlements", "Families call the desk on 0772 123456")),
                "objectives[1]",
                "personal-data.phone",
                editor(city)));
        cases.add(new Case(
                "plan",
                ApiCall.put(
                                "/plans/" + plan,
                                planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of(forum))
                                        .replace(
                                                "\"areaName\":\"Kampala\"",
                                                "\"areaName\":\"Kampala, tel +256 414 123456\""))
                        .ifMatch("\"1\""),
                "jurisdiction.areaName",
                "personal-data.phone",
                editor(city)));
        cases.add(new Case(
                "plan status",
                ApiCall.post(
                        "/plans/" + plan + "/status",
                        "{\"status\":\"CLOSED\",\"reason\":\"Withdrawn after the complaint of passport holder A1234567\"}"),
                "reason",
                "personal-data.document-number",
                editor(city)));
        // actions
        cases.add(new Case(
                "action",
                ApiCall.post(
                        "/actions",
                        validAction.replace(
                                "School fee waiver for displaced children in Kisenyi",
                                "School place for Amina, born 12 March 2015")),
                "title",
                "personal-data.date-of-birth",
                editor(city)));
        cases.add(new Case(
                "action",
                ApiCall.post(
                        "/actions",
                        validAction.replace("KCCA waives fees", "KCCA (WhatsApp +256 772 123456) waives fees")),
                "description",
                "personal-data.phone",
                editor(city)));
        cases.add(new Case(
                "action",
                ApiCall.put(
                                a,
                                validAction.replace(
                                        "KCCA waives fees",
                                        "Parents write to head.teacher@kisenyi-school.ug; KCCA waives fees"))
                        .ifMatch("\"3\""),
                "description",
                "personal-data.email",
                editor(city)));
        cases.add(new Case(
                "action",
                ApiCall.post(
                        "/actions",
                        validAction.replace(
                                "\"areaName\":\"Kampala\"",
                                "\"areaName\":\"Kisenyi, where refugee ID 123-12345678 lives\"")),
                "areas[0].areaName",
                "personal-data.document-number",
                editor(city)));
        cases.add(new Case(
                "action status",
                ApiCall.post(
                        a + "/status",
                        "{\"status\":\"ON_HOLD\",\"reason\":\"Waiting for Mr Okello's national ID CM1234567890AB\"}"),
                "reason",
                "personal-data.document-number",
                editor(city)));
        // milestones
        cases.add(new Case(
                "milestone",
                ApiCall.post(
                        a + "/milestones",
                        "{\"title\":\"Enrol the Okello children, case number 4567123\",\"dueOn\":\"2026-06-30\"}"),
                "title",
                "personal-data.document-number",
                editor(city)));
        cases.add(new Case(
                "milestone",
                ApiCall.put(
                                a + "/milestones/" + milestone,
                                "{\"title\":\"Call the head teacher on 0414 234567\",\"dueOn\":\"2026-06-30\"}")
                        .ifMatch("\"1\""),
                "title",
                "personal-data.phone",
                editor(city)));
        // progress reports
        cases.add(new Case(
                "report",
                ApiCall.post(
                        a + "/reports",
                        report(
                                "Grace N. (date of birth 03/04/2012) was enrolled in P4",
                                "Children enrolled",
                                "children")),
                "narrative",
                "personal-data.date-of-birth",
                editor(city)));
        cases.add(new Case(
                "report",
                ApiCall.post(
                        a + "/reports",
                        report("Enrolment drive started", "Children referred by kisenyi.desk@gmail.com", "children")),
                "indicators[0].name",
                "personal-data.email",
                editor(city)));
        cases.add(new Case(
                "report",
                ApiCall.post(
                        a + "/reports",
                        report("Enrolment drive started", "Children enrolled", "children of 0772123456")),
                "indicators[0].unit",
                "personal-data.phone",
                editor(city)));
        // funding
        cases.add(new Case(
                "funding line",
                ApiCall.post(a + "/funding", funding("Gift of passport holder B9876543")),
                "sourceName",
                "personal-data.document-number",
                editor(city)));
        cases.add(new Case(
                "funding line",
                ApiCall.put(a + "/funding/" + funding, funding("Donor contact: +44 20 7946 0958"))
                        .ifMatch("\"1\""),
                "sourceName",
                "personal-data.phone",
                editor(city)));
        // contributions: the finding's comment with a passport number on a forum action
        cases.add(new Case(
                "contribution",
                ApiCall.post(
                        a + "/contributions",
                        "{\"kind\":\"COMMENT\",\"text\":\"The family we referred holds passport number P4412345; please enrol them\"}"),
                "text",
                "personal-data.document-number",
                editor(ngo)));
        cases.add(new Case(
                "contribution",
                ApiCall.post(
                        a + "/contributions",
                        "{\"kind\":\"OBJECTION\",\"text\":\"Ask Mama Grace on 0701 555123 why this fails\"}"),
                "text",
                "personal-data.phone",
                editor(ngo)));
        return cases;
    }

    @Test
    void personalDataInAnyFreeTextFieldIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        // the seed's events: proposed, committed, in progress, a milestone, a funding line
        events.await(e -> action.toString().equals(e.key()), 5, java.time.Duration.ofSeconds(20));
        DatabaseFingerprint fingerprint = new DatabaseFingerprint(jdbc, BACKGROUND);
        Set<String> covered = new java.util.TreeSet<>();
        for (Case c : cases()) {
            Map<String, String> before = fingerprint.take();
            MockHttpServletResponse response = c.call().perform(mvc, c.caller().bearer());
            assertThat(response.getStatus())
                    .as(c.record() + " " + c.field() + ": " + response.getContentAsString())
                    .isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            JsonNode problem = EventJson.mapper().readTree(response.getContentAsString());
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> {
                if (c.code().equals(e.path("code").asString())) {
                    fields.add(e.path("field").asString());
                }
            });
            assertThat(fields).as(c.record() + ": " + problem).containsExactly(c.field());
            assertThat(fingerprint.take())
                    .as(c.record() + " " + c.field() + " stored nothing")
                    .isEqualTo(before);
            covered.add(c.record());
        }
        assertThat(covered)
                .containsExactlyInAnyOrder(
                        "plan",
                        "plan status",
                        "action",
                        "action status",
                        "milestone",
                        "report",
                        "funding line",
                        "contribution");
        // and nothing reached the topics: only the seed's events are about the action
        sleep(500);
        assertThat(events.events(e -> action.toString().equals(e.key())).stream()
                        .filter(e -> !e.type().contains("Report"))
                        .count())
                .isEqualTo(5);
    }

    @Test
    void ordinaryProseWithNumbersDatesAndCodesIsAccepted() throws Exception {
        String a = "/actions/" + action;
        perform(
                        postJson(
                                a + "/reports",
                                report(
                                        "212 referrals to KCCA facilities in Q1 2025; 37 refused for lack of"
                                                + " ID. Budget line 2025/26 of UGX 900,000,000; see resolution 14/2024 and article 9.1 of the Guide",
                                        "Children enrolled in P1-P7 (2025-01-01 to 2025-03-31)",
                                        "children")),
                        editor(city))
                .andExpect(status().isCreated());
        perform(
                        postJson(
                                a + "/contributions",
                                "{\"kind\":\"COMMENT\",\"text\":\"Since 1 March 2025, 0.5 FTE of our"
                                        + " staff and 3 interpreters (Swahili, French, Somali) support the desk from 08:30 to 17:00\"}"),
                        editor(ngo))
                .andExpect(status().isCreated());
        perform(postJson(a + "/funding", funding("EU Trust Fund for Africa, T05-EUTF-HOA-UG-67")), editor(city))
                .andExpect(status().isCreated());
    }
}
