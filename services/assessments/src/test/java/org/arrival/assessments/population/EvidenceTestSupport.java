package org.arrival.assessments.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.AssessmentsIntegrationTest;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** What the evidence tests share: realistic bodies, reading responses, and asserting the events of a write. */
public abstract class EvidenceTestSupport extends AssessmentsIntegrationTest {

    protected static final String PREFIX = "org.arrival.assessments.";

    protected static Token editor(UUID org) {
        return user("editor-" + org.toString().substring(0, 8), org, "member", "org-editor");
    }

    protected static Token readOnly(UUID org) {
        return user("member-" + org.toString().substring(0, 8), org, "member");
    }

    /** Kampala: about 100,000 registered refugees against about 300,000 estimated, broken down by sex. */
    protected static String estimateJson(
            String series, String classification, List<UUID> forums, int registered, int estimated, String breakdown) {
        return """
                {"seriesId":"%s","area":{"country":"UG","subdivision":"UG-C","areaCode":"UG102","areaName":"Kampala"},
                 "group":"REFUGEES","registered":%d,"estimated":%d,"breakdown":%s,
                 "source":"OPM/UNHCR registration and KCCA household survey","method":"registration plus survey extrapolation",
                 "asOf":"2026-03-31","classification":"%s","sharedWithForums":%s}""".formatted(series, registered, estimated, breakdown, classification, ids(forums));
    }

    protected static String needJson(String classification, List<UUID> forums) {
        return """
                {"statement":"Refugee children in Kisenyi are not enrolled in school because schools ask for documents",
                 "sector":"EDUCATION","populationGroups":["REFUGEES","URBAN_DISPLACED"],
                 "area":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},"severity":"HIGH",
                 "barriers":["DOCUMENTATION","COST"],"evidenceReferences":["KCCA education survey 2025"],
                 "classification":"%s","sharedWithForums":%s}""".formatted(classification, ids(forums));
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

    /**
     * Waits for the event of this type about the subject, then asserts there is exactly one such event, valid
     * against its schema, and returns it.
     */
    protected static RecordedEvent exactlyOne(String type, UUID subject) {
        String full = PREFIX + type + ".v1";
        events.await(e -> subject.toString().equals(e.subject()) && full.equals(e.type()), 1, Duration.ofSeconds(20));
        sleep(300);
        List<RecordedEvent> all = events.events(e -> subject.toString().equals(e.subject()) && full.equals(e.type()));
        assertThat(all).as("events " + full + " about " + subject).hasSize(1);
        EventRecorder.assertValidCloudEvent(all.get(0));
        return all.get(0);
    }

    protected static long eventsAbout(UUID subject) {
        return events.events(e -> subject.toString().equals(e.subject())).size();
    }

    /** No event published on behalf of the organisation (after giving the relay time to publish one). */
    protected static void noEventsFrom(UUID org) {
        sleep(700);
        assertThat(events.events(e -> org.toString().equals(e.header(CloudEventHeaders.OWNER_ORG))))
                .isEmpty();
    }

    /** No event of the type published on behalf of the organisation. */
    protected static void noEventsFrom(UUID org, String type) {
        sleep(700);
        assertThat(events.events(e -> org.toString().equals(e.header(CloudEventHeaders.OWNER_ORG))
                        && (PREFIX + type + ".v1").equals(e.type())))
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
