package org.arrival.actionplans.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arrival.actionplans.plans.PlanningTestSupport;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventContractValidator;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.NeedUpdated;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.testing.EmbeddedKafka;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The service learns needs and checklist gaps from the assessments service's events on the real broker, once and
 * in version order, and actions can then link to them.
 */
class AssessmentsListenerTest extends PlanningTestSupport {

    @Test
    void needsAndGapsFromAssessmentsEventsBecomeLinkableAndAnOlderOrRepeatedEventChangesNothing() throws Exception {
        UUID city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        UUID needId = UUID.randomUUID();
        UUID gapId = UUID.randomUUID();
        UUID roundId = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        String withLinks =
                actionJson("PUBLIC", List.of(), "\"needIds\":[\"" + needId + "\"],\"gapIds\":[\"" + gapId + "\"]");
        perform(postJson("/actions", withLinks), editor(city))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.detail", Matchers.containsString(needId.toString())));

        NeedIdentified v1 =
                new NeedIdentified(need(needId, city, 1, NeedStatus.IDENTIFIED), new Actor("surveyor", city));
        NeedUpdated v3 = new NeedUpdated(
                need(needId, city, 3, NeedStatus.PRIORITISED), new Actor("surveyor", city), List.of("status"), null);
        ChecklistGapIdentified gap = new ChecklistGapIdentified(
                gapId,
                roundId,
                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                city,
                "R9",
                "9.1",
                "9.1.a",
                "N",
                0.0,
                false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(producer, "arrival.assessments.needs.v1", needId, city, v1, UUID.randomUUID());
            UUID updateId = UUID.randomUUID();
            send(producer, "arrival.assessments.needs.v1", needId, city, v3, updateId);
            send(producer, "arrival.assessments.needs.v1", needId, city, v3, updateId);
            send(producer, "arrival.assessments.needs.v1", needId, city, v1, UUID.randomUUID());
            send(producer, "arrival.assessments.gaps.v1", gapId, city, gap, UUID.randomUUID());
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.queryForList("SELECT status FROM known_need WHERE id = ?", String.class, needId))
                    .containsExactly("PRIORITISED");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM known_gap WHERE id = ?", Long.class, gapId))
                    .isEqualTo(1);
        });
        sleep(500);
        assertThat(jdbc.queryForObject("SELECT version FROM known_need WHERE id = ?", Long.class, needId))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT question_code FROM known_gap WHERE id = ?", String.class, gapId))
                .isEqualTo("9.1.a");

        UUID action = id(perform(postJson("/actions", withLinks), editor(city)).andExpect(status().isCreated()));
        assertThat(json(exactlyOne("ActionProposed", action))
                        .path("action")
                        .path("needIds")
                        .get(0)
                        .asString())
                .isEqualTo(needId.toString());
        perform(
                        postJson(
                                "/actions",
                                actionJson(
                                        "PUBLIC", List.of(), "\"needIds\":[\"" + needId + "\",\"" + unknown + "\"]")),
                        editor(city))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.detail", Matchers.containsString(unknown.toString())))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString(needId.toString()))));
    }

    private static Need need(UUID id, UUID owner, long version, NeedStatus status) {
        return new Need(
                id,
                version,
                owner,
                "Refugee children in Kisenyi are out of school",
                Sector.EDUCATION,
                List.of(PopulationGroup.REFUGEES),
                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                Severity.HIGH,
                null,
                null,
                null,
                status,
                null,
                null);
    }

    private static void send(
            KafkaProducer<String, byte[]> producer,
            String topic,
            UUID subject,
            UUID owner,
            Object payload,
            UUID eventId)
            throws Exception {
        String type = EventCatalogue.instance().typeOf(payload.getClass()).type();
        byte[] body = EventJson.write(payload);
        EventContractValidator.shared().requireValid(type, body);
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, subject.toString(), body);
        Map<String, String> headers = Map.of(
                CloudEventHeaders.ID,
                eventId.toString(),
                CloudEventHeaders.SPEC_VERSION,
                "1.0",
                CloudEventHeaders.TYPE,
                type,
                CloudEventHeaders.SOURCE,
                "/arrival/assessments",
                CloudEventHeaders.SUBJECT,
                subject.toString(),
                CloudEventHeaders.TIME,
                Instant.now().toString(),
                CloudEventHeaders.OWNER_ORG,
                owner.toString(),
                CloudEventHeaders.DATA_CLASSIFICATION,
                "FORUM",
                CloudEventHeaders.CONTENT_TYPE,
                "application/json");
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(r).get();
    }
}
