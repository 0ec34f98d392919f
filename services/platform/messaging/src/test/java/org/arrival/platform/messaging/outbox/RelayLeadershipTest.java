package org.arrival.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.platform.messaging.MessagingProperties;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EmbeddedPostgres;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays of one service share a database: one publishes, the other stands by and takes over when the first
 * goes away. No row is ever published by both. A database of its own, so no other relay holds its lock.
 */
class RelayLeadershipTest {

    private static final UUID OWNER = UUID.fromString("5f1c2a90-3b7d-4e21-8a6c-1d2e3f4a5b01");
    private static final String TOPIC =
            EventCatalogue.instance().typeOf(StakeholderRegistered.class).topic();

    HikariDataSource dataSource;
    Outbox outbox;
    JdbcTemplate jdbc;
    TransactionTemplate tx;
    OutboxRelay first;
    OutboxRelay second;
    EventRecorder recorder;
    final AtomicBoolean bothLed = new AtomicBoolean();
    volatile boolean watching = true;
    Thread watcher;

    @BeforeEach
    void twoRelaysOnOneDatabase() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgres.newDatabase("relay_leadership"));
        dataSource.setUsername(EmbeddedPostgres.user());
        dataSource.setPassword(EmbeddedPostgres.password());
        dataSource.setMaximumPoolSize(12);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/messaging")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        outbox = new Outbox(jdbc, EventCatalogue.instance(), Clock.systemUTC());
        tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        recorder = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), TOPIC);

        first = relay(dataSource, "relay-first");
        second = relay(dataSource, "relay-second");
        first.start();
        second.start();
        watcher = new Thread(
                () -> {
                    while (watching) {
                        if (first.isLeader() && second.isLeader()) {
                            bothLed.set(true);
                        }
                        sleep(1);
                    }
                },
                "leadership-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    @AfterEach
    void stop() throws Exception {
        watching = false;
        watcher.join(5000);
        first.stop();
        second.stop();
        recorder.close();
        dataSource.close();
    }

    @Test
    void oneRelayPublishesEachRowOnceAndTheOtherTakesOverWhenItStops() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> first.isLeader() || second.isLeader());
        OutboxRelay leader = first.isLeader() ? first : second;
        OutboxRelay standby = leader == first ? second : first;
        assertThat(standby.isLeader()).isFalse();

        List<String> ids = writeConcurrently(300);
        Map<String, Long> arrivals = awaitEach(ids);
        assertThat(arrivals.values()).as("copies of each event").containsOnly(1L);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.publishedCount() + second.publishedCount() == 300);
        assertThat(leader.publishedCount()).isEqualTo(300);
        assertThat(standby.publishedCount()).isZero();
        assertThat(unpublished()).isZero();

        leader.stop();
        assertThat(leader.isLeader()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(standby::isLeader);

        List<String> later = writeConcurrently(30);
        assertThat(awaitEach(later).values()).containsOnly(1L);
        await().atMost(Duration.ofSeconds(10)).until(() -> standby.publishedCount() == 30);
        assertThat(leader.publishedCount()).isEqualTo(300);
        assertThat(recorder.events(e -> ids.contains(e.id())))
                .as("nothing published twice after the takeover")
                .hasSize(300);
        assertThat(bothLed).as("both relays led at the same time").isFalse();
    }

    @Test
    void whenTheLeadersDatabaseSessionDiesExactlyOneRelayLeadsAgainAndNothingIsLost() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> first.isLeader() || second.isLeader());
        List<String> before = writeConcurrently(50);
        assertThat(awaitEach(before).values()).containsOnly(1L);

        // the lock holder's session is killed, as when its pod loses the network or the database restarts it
        Integer killed = jdbc.queryForObject("""
                SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l
                 WHERE l.locktype = 'advisory' AND l.granted
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())""", Integer.class);
        assertThat(killed).isOne();

        List<String> after = writeConcurrently(50);
        await().atMost(Duration.ofSeconds(15)).until(() -> first.isLeader() ^ second.isLeader());
        Map<String, Long> arrivals = awaitEach(after);
        assertThat(arrivals).hasSize(50);
        await().atMost(Duration.ofSeconds(15)).until(() -> unpublished() == 0);
        assertThat(recorder.events(e -> before.contains(e.id())))
                .as("published before the failure, once each")
                .hasSize(50);
        assertThat(first.isLeader() ^ second.isLeader())
                .as("exactly one relay leads")
                .isTrue();
    }

    @Test
    void whatWasCommittedBeforeTheRelayStopsIsPublishedBeforeItHasStopped() {
        await().atMost(Duration.ofSeconds(10)).until(() -> first.isLeader() || second.isLeader());
        OutboxRelay leader = first.isLeader() ? first : second;
        OutboxRelay standby = leader == first ? second : first;
        standby.stop();
        // four of the relay's rounds of 500, committed just before the service shuts down
        List<String> ids = tx.execute(status -> {
            List<String> appended = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                UUID aggregate = UUID.randomUUID();
                appended.add(outbox.append(OutgoingEvent.about(
                                aggregate, OWNER, DataClassification.PUBLIC, Payloads.registered(aggregate)))
                        .toString());
            }
            return appended;
        });
        leader.stop();
        assertThat(unpublished())
                .as("rows left in the outbox when the relay had stopped")
                .isZero();
        assertThat(awaitEach(ids).values()).containsOnly(1L);
    }

    @Test
    void theRelayStopsAfterTheWebServerAndTheListenersAndStartsBeforeThem() {
        // Spring stops the highest phase first: listener containers at DEFAULT_PHASE - 100, the web server's graceful
        // shutdown at DEFAULT_PHASE - 1024 and the server itself at DEFAULT_PHASE - 2048
        assertThat(first.getPhase())
                .isLessThan(org.springframework.kafka.listener.AbstractMessageListenerContainer.DEFAULT_PHASE)
                .isLessThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 2048);
    }

    private Map<String, Long> awaitEach(List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> recorder.events(e -> wanted.contains(e.id())).stream()
                                .map(RecordedEvent::id)
                                .distinct()
                                .count()
                        == wanted.size());
        sleep(500);
        List<RecordedEvent> arrived = recorder.events(e -> wanted.contains(e.id()));
        arrived.forEach(EventRecorder::assertValidCloudEvent);
        return arrived.stream().collect(Collectors.groupingBy(RecordedEvent::id, Collectors.counting()));
    }

    private List<String> writeConcurrently(int count) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int share = count / 6 + (w < count % 6 ? 1 : 0);
            futures.add(writers.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < share; i++) {
                    UUID aggregate = UUID.randomUUID();
                    mine.add(tx.execute(status -> outbox.append(OutgoingEvent.about(
                                    aggregate, OWNER, DataClassification.PUBLIC, Payloads.registered(aggregate))))
                            .toString());
                }
                return mine;
            }));
        }
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> f : futures) {
            ids.addAll(f.get(60, TimeUnit.SECONDS));
        }
        writers.shutdown();
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();
        return List.copyOf(ids);
    }

    private int unpublished() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Integer.class);
    }

    private static OutboxRelay relay(DataSource dataSource, String clientId) {
        return new OutboxRelay(
                dataSource,
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        EmbeddedKafka.bootstrapServers(),
                        ProducerConfig.CLIENT_ID_CONFIG,
                        clientId),
                "/arrival/registry",
                new MessagingProperties.Relay(true, 0, null, null, Duration.ofSeconds(5), null, null));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
