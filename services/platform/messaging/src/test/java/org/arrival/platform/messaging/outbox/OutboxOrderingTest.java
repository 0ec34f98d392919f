package org.arrival.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.registry.StakeholderSuspended;
import org.arrival.platform.messaging.MessagingIntegrationTest;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One aggregate's events keep their order, and a transaction that commits late is published, never skipped. */
@MessagingIntegrationTest
class OutboxOrderingTest {

    private static final UUID OWNER = UUID.fromString("5f1c2a90-3b7d-4e21-8a6c-1d2e3f4a5b04");
    private static final String TOPIC =
            EventCatalogue.instance().typeOf(StakeholderSuspended.class).topic();

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate tx;
    EventRecorder recorder;

    @BeforeEach
    void record() {
        tx = new TransactionTemplate(transactionManager);
        recorder = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), TOPIC);
    }

    @AfterEach
    void stopRecording() {
        recorder.close();
    }

    @Test
    void eachAggregatesEventsArriveInTheOrderWrittenUnderConcurrentWriters() throws Exception {
        int aggregatesCount = 10;
        int perAggregate = 20;
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < aggregatesCount; i++) {
            aggregates.add(UUID.randomUUID());
        }
        // five writers, each interleaving two aggregates; an aggregate's events are written one after another
        ExecutorService writers = Executors.newFixedThreadPool(5);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            List<UUID> mine = aggregates.subList(w * 2, w * 2 + 2);
            done.add(writers.submit(() -> {
                for (long seq = 1; seq <= perAggregate; seq++) {
                    for (UUID aggregate : mine) {
                        long s = seq;
                        tx.executeWithoutResult(status -> outbox.append(OutgoingEvent.about(
                                aggregate, OWNER, DataClassification.PUBLIC, Payloads.suspended(aggregate, s))));
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        Set<String> subjects =
                new HashSet<>(aggregates.stream().map(UUID::toString).toList());
        List<RecordedEvent> events = recorder.await(
                e -> subjects.contains(e.subject()), aggregatesCount * perAggregate, Duration.ofSeconds(60));
        Thread.sleep(300);
        events = recorder.events(e -> subjects.contains(e.subject()));
        assertThat(events).hasSize(aggregatesCount * perAggregate);
        assertThat(events.stream().map(RecordedEvent::id).distinct()).hasSize(aggregatesCount * perAggregate);

        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            EventRecorder.assertValidCloudEvent(e);
            assertThat(e.key()).isEqualTo(e.subject());
            sequences.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(Payloads.sequenceOf(e.payload()));
        }
        List<Long> written = LongStream.rangeClosed(1, perAggregate).boxed().toList();
        assertThat(sequences).hasSize(aggregatesCount);
        sequences.forEach((aggregate, arrived) ->
                assertThat(arrived).as("order of %s's events", aggregate).containsExactlyElementsOf(written));
        // one aggregate, one partition: that is what keeps the order for every consumer
        assertThat(events.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                RecordedEvent::subject,
                                java.util.stream.Collectors.mapping(
                                        RecordedEvent::partition, java.util.stream.Collectors.toSet())))
                        .values())
                .allSatisfy(partitions -> assertThat(partitions).hasSize(1));
    }

    @Test
    void aTransactionCommittingAfterALaterOneIsStillPublished() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Long> t1 = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            UUID id = outbox.append(OutgoingEvent.about(a, OWNER, DataClassification.PUBLIC, Payloads.suspended(a, 1)));
            Long position = jdbc.queryForObject("SELECT position FROM outbox_event WHERE event_id = ?", Long.class, id);
            appended.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return position;
        }));
        try {
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

            UUID idB = tx.execute(status ->
                    outbox.append(OutgoingEvent.about(b, OWNER, DataClassification.PUBLIC, Payloads.suspended(b, 1))));
            Long positionB =
                    jdbc.queryForObject("SELECT position FROM outbox_event WHERE event_id = ?", Long.class, idB);

            RecordedEvent eventB =
                    recorder.awaitExactlyOne("org.arrival.registry.StakeholderSuspended.v1", b.toString());
            assertThat(eventB.id()).isEqualTo(idB.toString());
            assertThat(t1).as("T1 is still open while B is published").isNotDone();
            assertThat(recorder.events(e -> a.toString().equals(e.subject()))).isEmpty();

            release.countDown();
            long positionA = t1.get(10, TimeUnit.SECONDS);
            assertThat(positionA).as("A was given the earlier position").isLessThan(positionB);

            recorder.awaitExactlyOne("org.arrival.registry.StakeholderSuspended.v1", a.toString());
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                    "SELECT count(*) FROM outbox_event WHERE subject IN (?, ?) AND published_at IS NOT NULL",
                                    Integer.class,
                                    a.toString(),
                                    b.toString()))
                            .isEqualTo(2));
        } finally {
            release.countDown();
        }
    }
}
