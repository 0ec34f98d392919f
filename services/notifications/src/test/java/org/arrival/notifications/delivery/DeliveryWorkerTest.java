package org.arrival.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The worker's state machine, claiming and isolation on the real database, with fake channels (each test's
 * channels have names of their own, so the worker under test sees only that test's rows).
 */
class DeliveryWorkerTest extends NotificationsIntegrationTest {

    private static final DeliveryWorker.Settings SETTINGS =
            new DeliveryWorker.Settings(3, Duration.ofSeconds(5), Duration.ofSeconds(8), 20, Duration.ofMinutes(5));

    private DeliveryWorker worker(DeliveryChannel... channels) {
        return worker(SETTINGS, channels);
    }

    private DeliveryWorker worker(DeliveryWorker.Settings settings, DeliveryChannel... channels) {
        return new DeliveryWorker(jdbc, List.of(channels), settings);
    }

    @Test
    void aDeliveredRowIsSentOnceWithItsTimeAndStatus() {
        FakeChannel channel = FakeChannel.unique("OK", d -> DeliveryOutcome.delivered(200));
        UUID id = Deliveries.insert(jdbc, channel.name(), "https://example.org/hook", "s", "{\"a\":1}");

        assertThat(worker(channel).runDue()).isEqualTo(1);
        assertThat(worker(channel).runDue()).isZero();

        Map<String, Object> row = Deliveries.row(jdbc, id);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_status")).isEqualTo(200);
        assertThat(row.get("last_error")).isNull();
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(channel.handed).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.target()).isEqualTo("https://example.org/hook");
            assertThat(d.subject()).isEqualTo("s");
            assertThat(d.payload()).isEqualTo("{\"a\":1}");
            assertThat(d.attempts()).isZero();
        });
    }

    @Test
    void aRetryableFailureBacksOffExponentiallyUpToTheCapThenGivesUpAfterMaxAttempts() {
        FakeChannel channel = FakeChannel.unique("FLAKY", d -> DeliveryOutcome.retryLater(503, "unavailable"));
        DeliveryWorker worker = worker(channel);
        UUID id = Deliveries.insert(jdbc, channel.name(), "https://example.org/hook", null, "{}");

        worker.runDue();
        Map<String, Object> first = Deliveries.row(jdbc, id);
        assertThat(first.get("status")).isEqualTo("FAILED");
        assertThat(first.get("attempts")).isEqualTo(1);
        assertThat(first.get("last_status")).isEqualTo(503);
        assertThat(first.get("last_error")).isEqualTo("unavailable");
        assertThat(first.get("sent_at")).isNull();
        assertThat(seconds(first)).isBetween(4.0, 5.5); // initial backoff 5s

        // not due yet: nothing happens
        assertThat(worker.runDue()).isZero();
        assertThat(channel.handed).hasSize(1);

        Deliveries.makeDue(jdbc, id);
        worker.runDue();
        Map<String, Object> second = Deliveries.row(jdbc, id);
        assertThat(second.get("status")).isEqualTo("FAILED");
        assertThat(second.get("attempts")).isEqualTo(2);
        assertThat(seconds(second)).isBetween(7.0, 8.5); // 10s, capped at 8s

        Deliveries.makeDue(jdbc, id);
        worker.runDue();
        Map<String, Object> third = Deliveries.row(jdbc, id);
        assertThat(third.get("status")).isEqualTo("DEAD");
        assertThat(third.get("attempts")).isEqualTo(3);
        assertThat(third.get("last_status")).isEqualTo(503);
        assertThat(channel.handed.stream().map(PendingDelivery::attempts)).containsExactly(0, 1, 2);

        Deliveries.makeDue(jdbc, id);
        assertThat(worker.runDue()).isZero();
    }

    @Test
    void aFailureNotWorthRetryingIsDeadAtOnce() {
        FakeChannel channel = FakeChannel.unique("GONE", d -> DeliveryOutcome.giveUp(410, "gone"));
        UUID id = Deliveries.insert(jdbc, channel.name(), "https://example.org/hook", null, "{}");

        worker(channel).runDue();

        Map<String, Object> row = Deliveries.row(jdbc, id);
        assertThat(row.get("status")).isEqualTo("DEAD");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_status")).isEqualTo(410);
        assertThat(row.get("last_error")).isEqualTo("gone");
    }

    @Test
    void aChannelThatThrowsForOneRowFailsOnlyThatRow() {
        FakeChannel channel = FakeChannel.unique("BOOM", d -> {
            if (d.target().equals("boom")) {
                throw new IllegalStateException("kaputt");
            }
            return DeliveryOutcome.delivered(200);
        });
        UUID before = Deliveries.insert(jdbc, channel.name(), "fine-1", null, "{}");
        UUID boom = Deliveries.insert(jdbc, channel.name(), "boom", null, "{}");
        UUID after = Deliveries.insert(jdbc, channel.name(), "fine-2", null, "{}");

        assertThat(worker(channel).runDue()).isEqualTo(3);

        assertThat(Deliveries.status(jdbc, before)).isEqualTo("SENT");
        assertThat(Deliveries.status(jdbc, after)).isEqualTo("SENT");
        Map<String, Object> failed = Deliveries.row(jdbc, boom);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("last_error"))
                .contains("IllegalStateException")
                .contains("kaputt");
    }

    @Test
    void aHangingChannelDoesNotDelayAnotherChannelsRows() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeChannel slow = FakeChannel.unique("SLOW", d -> {
            slowStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryOutcome.delivered(250);
        });
        FakeChannel fast = FakeChannel.unique("FAST", d -> DeliveryOutcome.delivered(200));
        List<UUID> slowRows = List.of(
                Deliveries.insert(jdbc, slow.name(), "a", null, "{}"),
                Deliveries.insert(jdbc, slow.name(), "b", null, "{}"));
        List<UUID> fastRows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fastRows.add(Deliveries.insert(jdbc, fast.name(), "t" + i, null, "{}"));
        }
        DeliveryWorker worker = worker(slow, fast);

        Thread run = Thread.ofVirtual().start(worker::runDue);
        slowStarted.await();
        // the slow channel hangs until released, so every fast row sent now was sent while it hung
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!fastRows.stream().allMatch(id -> "SENT".equals(Deliveries.status(jdbc, id)))) {
            assertThat(System.nanoTime())
                    .as("fast rows sent while the slow channel hangs")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(slowRows).allMatch(id -> !"SENT".equals(Deliveries.status(jdbc, id)));
        release.countDown();

        run.join(Duration.ofSeconds(10));
        assertThat(slowRows).allMatch(id -> "SENT".equals(Deliveries.status(jdbc, id)));
    }

    @Test
    void theSchedulePollsEveryIdleChannelWithoutWaitingForABusyOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowCalls = new AtomicInteger();
        FakeChannel slow = FakeChannel.unique("STUCK", d -> {
            slowCalls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryOutcome.delivered(250);
        });
        FakeChannel fast = FakeChannel.unique("QUICK", d -> DeliveryOutcome.delivered(200));
        UUID stuck = Deliveries.insert(jdbc, slow.name(), "a", null, "{}");
        UUID first = Deliveries.insert(jdbc, fast.name(), "x", null, "{}");
        DeliveryWorker worker = worker(slow, fast);

        // the stuck channel never returns until released: a poll that waited for it would not come back at all
        long start = System.nanoTime();
        worker.poll();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        awaitStatus(first, "SENT");

        // later polls, as the schedule makes them, send the fast channel's new row although the slow one is stuck
        UUID second = Deliveries.insert(jdbc, fast.name(), "y", null, "{}");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"SENT".equals(Deliveries.status(jdbc, second))) {
            assertThat(System.nanoTime()).as("%s becomes SENT", second).isLessThan(deadline);
            worker.poll();
            Thread.sleep(50);
        }
        assertThat(slowCalls).hasValue(1);
        assertThat(Deliveries.status(jdbc, stuck)).isEqualTo("PENDING");

        release.countDown();
        awaitStatus(stuck, "SENT");
    }

    @Test
    void dueRowsGoOldestFirstInBatchesUntilNoneIsLeft() {
        FakeChannel channel = FakeChannel.unique("ORDER", d -> DeliveryOutcome.delivered(200));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID id = Deliveries.insert(jdbc, channel.name(), "t" + i, null, "{}");
            jdbc.update(
                    "UPDATE delivery SET next_attempt_at = now() - ? * interval '1 minute' WHERE id = ?", 10 - i, id);
            ids.add(id);
        }
        UUID notYet = Deliveries.insert(jdbc, channel.name(), "later", null, "{}");
        jdbc.update("UPDATE delivery SET next_attempt_at = now() + interval '1 hour' WHERE id = ?", notYet);

        DeliveryWorker.Settings smallBatches =
                new DeliveryWorker.Settings(3, Duration.ofSeconds(5), Duration.ofSeconds(8), 3, Duration.ofMinutes(5));
        assertThat(worker(smallBatches, channel).runDue()).isEqualTo(7);

        assertThat(channel.ids()).containsExactlyElementsOf(ids);
        assertThat(Deliveries.status(jdbc, notYet)).isEqualTo("PENDING");
    }

    @Test
    void rowsOfAChannelWithoutABeanAreLeftAlone() {
        FakeChannel channel = FakeChannel.unique("MINE", d -> DeliveryOutcome.delivered(200));
        UUID other = Deliveries.insert(jdbc, "NOBODY-" + UUID.randomUUID(), "t", null, "{}");

        worker(channel).runDue();

        assertThat(Deliveries.row(jdbc, other))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 0);
    }

    @Test
    void twoWorkersRunningAtOnceSendEveryRowExactlyOnce() throws Exception {
        Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();
        String name = "SHARED-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(Deliveries.insert(jdbc, name, "t" + i, null, "{}"));
        }
        DeliveryWorker.Settings smallBatches =
                new DeliveryWorker.Settings(3, Duration.ofSeconds(5), Duration.ofSeconds(8), 3, Duration.ofMinutes(5));
        // two instances of the service: separate workers, separate channel beans, one database
        FakeChannel one = new FakeChannel(name, d -> {
            sends.computeIfAbsent(d.id(), k -> new AtomicInteger()).incrementAndGet();
            FakeChannel.sleep(15);
            return DeliveryOutcome.delivered(200);
        });
        FakeChannel two = new FakeChannel(name, d -> {
            sends.computeIfAbsent(d.id(), k -> new AtomicInteger()).incrementAndGet();
            FakeChannel.sleep(15);
            return DeliveryOutcome.delivered(200);
        });
        DeliveryWorker a = worker(smallBatches, one);
        DeliveryWorker b = worker(smallBatches, two);

        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger attempted = new AtomicInteger();
        Thread ta = Thread.ofVirtual().start(() -> {
            await(go);
            attempted.addAndGet(a.runDue());
        });
        Thread tb = Thread.ofVirtual().start(() -> {
            await(go);
            attempted.addAndGet(b.runDue());
        });
        go.countDown();
        ta.join(Duration.ofSeconds(30));
        tb.join(Duration.ofSeconds(30));

        assertThat(attempted).hasValue(20);
        assertThat(sends).containsOnlyKeys(ids);
        assertThat(sends.values()).allMatch(n -> n.get() == 1);
        assertThat(one.handed).isNotEmpty();
        assertThat(two.handed).isNotEmpty();
        assertThat(ids).allMatch(id -> "SENT".equals(Deliveries.status(jdbc, id)));
        assertThat(jdbc.queryForObject("SELECT sum(attempts) FROM delivery WHERE channel = ?", Integer.class, name))
                .isEqualTo(20);
    }

    @Test
    void backoffDoublesFromTheInitialDelayAndStopsAtTheMaximum() {
        DeliveryWorker worker = new DeliveryWorker(
                jdbc,
                List.of(),
                new DeliveryWorker.Settings(6, Duration.ofSeconds(5), Duration.ofHours(1), 20, Duration.ofMinutes(5)));
        assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(worker.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(worker.backoff(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(worker.backoff(10)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(worker.backoff(11)).isEqualTo(Duration.ofHours(1));
        assertThat(worker.backoff(10_000)).isEqualTo(Duration.ofHours(1));
    }

    private static double seconds(Map<String, Object> row) {
        return ((Number) row.get("due_in_seconds")).doubleValue();
    }

    private void awaitStatus(UUID id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!status.equals(Deliveries.status(jdbc, id))) {
            assertThat(System.nanoTime()).as("%s becomes %s", id, status).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
