package org.arrival.platform.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arrival.contracts.CloudEventHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each event's effect at most once per consumer, without a broker or a database: the claims are kept in memory and
 * take effect, like the effects, only when their transaction commits.
 */
class IdempotentHandlingTest {

    /** Claims that a rollback forgets, as the processed_event rows would be. */
    static final class InMemoryClaims extends ProcessedEvents {
        final Set<String> committed = new HashSet<>();
        final Set<String> pending = new HashSet<>();
        int claimAllCalls;

        InMemoryClaims() {
            super(null);
        }

        @Override
        public boolean claim(String consumer, InboundEvent event) {
            String key = consumer + "/" + event.id();
            return !committed.contains(key) && pending.add(key);
        }

        @Override
        public List<InboundEvent> claimAll(String consumer, List<InboundEvent> events) {
            claimAllCalls++;
            return events.stream().filter(e -> claim(consumer, e)).toList();
        }

        @Override
        public boolean wasProcessed(String consumer, String eventId) {
            return committed.contains(consumer + "/" + eventId);
        }
    }

    /** A transaction manager that commits or forgets the claims and the effects. */
    static final class Transactions extends AbstractPlatformTransactionManager {
        final InMemoryClaims claims;
        final List<String> effects = new ArrayList<>();
        final List<String> pendingEffects = new ArrayList<>();
        int commits;
        int rollbacks;

        Transactions(InMemoryClaims claims) {
            this.claims = claims;
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            claims.pending.clear();
            pendingEffects.clear();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits++;
            claims.committed.addAll(claims.pending);
            effects.addAll(pendingEffects);
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks++;
            claims.pending.clear();
            pendingEffects.clear();
        }
    }

    final InMemoryClaims claims = new InMemoryClaims();
    final Transactions transactions = new Transactions(claims);
    final IdempotentHandling handling = new IdempotentHandling(claims, new TransactionTemplate(transactions));

    static ConsumerRecord<String, byte[]> record(String id, long offset) {
        UUID aggregate = UUID.randomUUID();
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(
                "arrival.test", 0, offset, aggregate.toString(), "{}".getBytes(StandardCharsets.UTF_8));
        header(r, CloudEventHeaders.ID, id);
        header(r, CloudEventHeaders.TYPE, "org.arrival.test.Happened.v1");
        header(r, CloudEventHeaders.SOURCE, "/arrival/test");
        header(r, CloudEventHeaders.SUBJECT, aggregate.toString());
        header(r, CloudEventHeaders.TIME, "2026-03-01T10:00:00Z");
        header(r, CloudEventHeaders.OWNER_ORG, aggregate.toString());
        header(r, CloudEventHeaders.DATA_CLASSIFICATION, "PUBLIC");
        return r;
    }

    private static void header(ConsumerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The effect: noted in the transaction, refused for the ids given. */
    Consumer<InboundEvent> effect(String... poison) {
        return e -> {
            if (List.of(poison).contains(e.id())) {
                throw new IllegalStateException("cannot apply " + e.id());
            }
            transactions.pendingEffects.add(e.id());
        };
    }

    Consumer<List<InboundEvent>> batchEffect(String... poison) {
        Consumer<InboundEvent> one = effect(poison);
        return events -> events.forEach(one);
    }

    @Test
    void theSameEventTwiceHasItsEffectOnce() {
        assertThat(handling.handleOnce("c", record("e1", 0), effect())).isTrue();
        assertThat(handling.handleOnce("c", record("e1", 1), effect()))
                .as("the redelivery")
                .isFalse();
        assertThat(transactions.effects).containsExactly("e1");
        assertThat(claims.wasProcessed("c", "e1")).isTrue();
        assertThat(transactions.commits).isEqualTo(2);
    }

    @Test
    void anotherConsumerHandlesTheSameEventForItself() {
        assertThat(handling.handleOnce("notifications", record("e1", 0), effect()))
                .isTrue();
        assertThat(handling.handleOnce("forum", record("e1", 0), effect())).isTrue();
        assertThat(transactions.effects).containsExactly("e1", "e1");
    }

    @Test
    void aFailedEffectLeavesNoClaimSoTheRedeliveryAppliesIt() {
        assertThatThrownBy(() -> handling.handleOnce("c", record("e1", 0), effect("e1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot apply e1");
        assertThat(transactions.rollbacks).isOne();
        assertThat(claims.wasProcessed("c", "e1")).isFalse();
        assertThat(transactions.effects).isEmpty();
        assertThat(handling.handleOnce("c", record("e1", 0), effect())).isTrue();
        assertThat(transactions.effects).containsExactly("e1");
    }

    @Test
    void aPollIsAppliedInOneTransactionEachNewEventOnceInOrder() {
        handling.handleOnce("c", record("old", 0), effect());
        int commitsBefore = transactions.commits;
        List<List<String>> calls = new ArrayList<>();
        handling.handleAllOnce(
                "c",
                List.of(record("a", 1), record("old", 2), record("b", 3), record("a", 4), record("c", 5)),
                events -> {
                    calls.add(events.stream().map(InboundEvent::id).toList());
                    batchEffect().accept(events);
                });
        assertThat(calls).containsExactly(List.of("a", "b", "c"));
        assertThat(transactions.commits - commitsBefore).isOne();
        assertThat(transactions.effects).containsExactly("old", "a", "b", "c");
        assertThat(claims.claimAllCalls).isOne();
    }

    @Test
    void aPollOfRedeliveriesOnlyCallsNoEffect() {
        handling.handleAllOnce("c", List.of(record("a", 0), record("b", 1)), batchEffect());
        List<List<InboundEvent>> calls = new ArrayList<>();
        handling.handleAllOnce("c", List.of(record("a", 0), record("b", 1)), calls::add);
        assertThat(calls).as("nothing fresh: the effect is not called").isEmpty();
        handling.handleAllOnce("c", List.of(), calls::add);
        assertThat(calls).isEmpty();
        assertThat(transactions.effects).containsExactly("a", "b");
    }

    @Test
    void aPoisonRecordIsPinnedDownByItsIndexAndTheRecordsBeforeItTakeEffect() {
        List<ConsumerRecord<String, byte[]>> poll =
                List.of(record("a", 0), record("b", 1), record("bad", 2), record("d", 3));
        assertThatThrownBy(() -> handling.handleAllOnce("c", poll, batchEffect("bad")))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("event 2 of the poll failed: cannot apply bad");
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                });
        assertThat(transactions.effects)
                .as("the records before it, one transaction each")
                .containsExactly("a", "b");
        assertThat(claims.wasProcessed("c", "bad")).isFalse();
        assertThat(claims.wasProcessed("c", "d"))
                .as("left for the error handler's retry")
                .isFalse();
        // the container retries from the poison record on: once it is fixed, the rest take effect once
        handling.handleAllOnce("c", poll.subList(2, 4), batchEffect());
        assertThat(transactions.effects).containsExactly("a", "b", "bad", "d");
    }

    @Test
    void aPollThatFailsOnlyAsAWholeIsAppliedRecordByRecord() {
        List<Integer> sizes = new ArrayList<>();
        Consumer<List<InboundEvent>> failsOnBatches = events -> {
            sizes.add(events.size());
            if (events.size() > 1) {
                throw new IllegalStateException("statement too large");
            }
            batchEffect().accept(events);
        };
        handling.handleAllOnce(
                "c", List.of(record("a", 0), record("b", 1), record("a", 2), record("c", 3)), failsOnBatches);
        assertThat(sizes).containsExactly(3, 1, 1, 1);
        assertThat(transactions.effects).containsExactly("a", "b", "c");
        assertThat(transactions.rollbacks).isOne();
        assertThat(List.of("a", "b", "c")).allMatch(id -> claims.wasProcessed("c", id));
    }

    @Test
    void anUnreadableRecordFailsAtItsIndex() {
        ConsumerRecord<String, byte[]> noId = new ConsumerRecord<>("arrival.test", 0, 1, "k", new byte[0]);
        assertThatThrownBy(() -> handling.handleAllOnce("c", List.of(record("a", 0), noId), batchEffect()))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(transactions.effects).containsExactly("a");
    }
}
