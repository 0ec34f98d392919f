package org.arrival.actionplans.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.ActionPlansIntegrationTest;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** What the plan and action tests share: realistic bodies, reading responses, asserting the events of a write. */
public abstract class PlanningTestSupport extends ActionPlansIntegrationTest {

    protected static final String PREFIX = "org.arrival.actionplans.";

    protected static Token editor(UUID org) {
        return user("editor-" + org.toString().substring(0, 8), org, "member", "org-editor");
    }

    protected static Token admin(UUID org) {
        return user("admin-" + org.toString().substring(0, 8), org, "member", "org-admin");
    }

    protected static Token readOnly(UUID org) {
        return user("member-" + org.toString().substring(0, 8), org, "member");
    }

    /** Kampala's municipal action plan for 2026-2030. */
    protected static String planJson(String type, String classification, List<UUID> forums) {
        return """
                {"title":"Kampala migration and displacement action plan 2026-2030","type":"%s",
                 "jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "periodStart":"2026-01-01","periodEnd":"2030-12-31",
                 "objectives":["Every displaced child in school","Register informal settlements"],
                 "inclusion":{"migrantsNamed":true,"migrantsBudgeted":false,"staffTrained":false},
                 "classification":"%s","sharedWithForums":%s}""".formatted(type, classification, ids(forums));
    }

    /** School fee waivers for displaced children in Kisenyi, with the given extra fields spliced in. */
    protected static String actionJson(String classification, List<UUID> forums, String extra) {
        return """
                {"title":"School fee waiver for displaced children in Kisenyi",
                 "description":"KCCA waives fees and documentation for displaced children in three schools",
                 "kind":"PROGRAMME","sectors":["EDUCATION","SOCIAL_PROTECTION"],
                 "targetGroups":["REFUGEES","URBAN_DISPLACED","HOST_COMMUNITY"],
                 "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kampala"}],
                 "startDate":"2026-02-01","endDate":"2026-12-31","reportingCadence":"QUARTERLY",
                 "frameworkItems":["SDG-4.1","GCM-15","UNH-R9.1"],
                 "classification":"%s","sharedWithForums":%s%s}""".formatted(classification, ids(forums), extra == null || extra.isEmpty() ? "" : "," + extra);
    }

    protected static String ids(List<UUID> ids) {
        return ids.stream().map(i -> "\"" + i + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    protected static JsonNode json(ResultActions result) throws Exception {
        MvcResult r = result.andReturn();
        return EventJson.mapper().readTree(r.getResponse().getContentAsString());
    }

    protected static JsonNode json(RecordedEvent event) {
        return EventJson.mapper().readTree(event.payloadText());
    }

    protected static UUID id(ResultActions created) throws Exception {
        return UUID.fromString(json(created).path("id").asString());
    }

    protected static void expectProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    /** Waits for the event of this type about the subject, asserts it is the only one and schema-valid. */
    protected static RecordedEvent exactlyOne(String type, UUID subject) {
        String full = PREFIX + type + ".v1";
        events.await(e -> subject.toString().equals(e.subject()) && full.equals(e.type()), 1, Duration.ofSeconds(20));
        sleep(300);
        List<RecordedEvent> all = events.events(e -> subject.toString().equals(e.subject()) && full.equals(e.type()));
        assertThat(all).as("events " + full + " about " + subject).hasSize(1);
        EventRecorder.assertValidCloudEvent(all.get(0));
        return all.get(0);
    }

    /** Waits for {@code count} events about the subject, asserts there are exactly that many, all valid. */
    protected static List<RecordedEvent> exactly(int count, UUID subject) {
        events.await(e -> subject.toString().equals(e.subject()), count, Duration.ofSeconds(20));
        sleep(300);
        List<RecordedEvent> all = events.events(e -> subject.toString().equals(e.subject()));
        assertThat(all).as("events about " + subject).hasSize(count);
        all.forEach(EventRecorder::assertValidCloudEvent);
        return all;
    }

    protected static long eventsAbout(UUID subject) {
        return events.events(e -> subject.toString().equals(e.subject())).size();
    }

    protected static void noEventsFrom(UUID org) {
        sleep(700);
        assertThat(events.events(e -> org.toString().equals(e.header(CloudEventHeaders.OWNER_ORG))))
                .isEmpty();
    }

    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
