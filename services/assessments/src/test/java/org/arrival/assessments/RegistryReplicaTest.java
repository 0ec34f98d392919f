package org.arrival.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.registry.FormalStatus;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.testing.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The service learns organisations from the registry's events on the real broker, in order and once. */
class RegistryReplicaTest extends AssessmentsIntegrationTest {

    @Autowired
    Organisations organisations;

    @Test
    void registryEventsBuildTheReplicaAndAnOlderOrRepeatedEventChangesNothing() throws Exception {
        UUID police = UUID.randomUUID();
        Stakeholder v1 = stakeholder(police, 1, false);
        Stakeholder v2 = stakeholder(police, 2, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(producer, police, new StakeholderRegistered(v1, new Actor("admin", null), null), UUID.randomUUID());
            UUID updateId = UUID.randomUUID();
            StakeholderUpdated update =
                    new StakeholderUpdated(v2, new Actor("admin", null), java.util.List.of("enforcementBody"));
            send(producer, police, update, updateId);
            send(producer, police, update, updateId);
            send(producer, police, new StakeholderRegistered(v1, new Actor("admin", null), null), UUID.randomUUID());
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(organisations.find(police))
                        .hasValueSatisfying(o -> assertThat(o.enforcementBody()).isTrue()));
        Thread.sleep(500);
        assertThat(organisations.find(police).orElseThrow().enforcementBody()).isTrue();
        assertThat(jdbc.queryForObject("SELECT version FROM organisation WHERE id = ?", Long.class, police))
                .isEqualTo(2);
    }

    private static Stakeholder stakeholder(UUID id, long version, boolean enforcement) {
        return new Stakeholder(
                id,
                version,
                "Directorate of Citizenship and Immigration Control",
                "DCIC",
                StakeholderType.NATIONAL_GOVERNMENT_BODY,
                null,
                new Jurisdiction("UG", null, null, null),
                null,
                null,
                enforcement,
                FormalStatus.REGISTERED_LEGAL_ENTITY,
                false,
                null,
                StakeholderStatus.ACTIVE);
    }

    private static void send(KafkaProducer<String, byte[]> producer, UUID subject, Object payload, UUID eventId)
            throws Exception {
        ProducerRecord<String, byte[]> r =
                new ProducerRecord<>("arrival.registry.stakeholders.v1", subject.toString(), EventJson.write(payload));
        Map<String, String> headers = Map.of(
                CloudEventHeaders.ID,
                eventId.toString(),
                CloudEventHeaders.SPEC_VERSION,
                "1.0",
                CloudEventHeaders.TYPE,
                EventCatalogue.instance().typeOf(payload.getClass()).type(),
                CloudEventHeaders.SOURCE,
                "/arrival/registry",
                CloudEventHeaders.SUBJECT,
                subject.toString(),
                CloudEventHeaders.TIME,
                Instant.now().toString(),
                CloudEventHeaders.OWNER_ORG,
                subject.toString(),
                CloudEventHeaders.DATA_CLASSIFICATION,
                "PUBLIC",
                CloudEventHeaders.CONTENT_TYPE,
                "application/json");
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(r).get();
    }
}
