package org.arrival.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor on real processes: {@code sleep 600} children, with short pauses. */
class SupervisorTest {

    private static final Supervisor.Pace FAST = new Supervisor.Pace(
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofMinutes(5));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Supervisor supervisor;
    private ProcessPart sleeper;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (sleeper != null) {
            sleeper.kill();
        }
    }

    private ProcessPart sleeper(String name) {
        Path log = dir.resolve("logs").resolve(name + ".log");
        return new ProcessPart(
                name,
                log,
                () -> ChildProcess.start(name, List.of("sleep", "600"), Map.of(), dir, log),
                () -> true,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1));
    }

    private void supervise(ProcessPart part) {
        sleeper = part;
        part.launch();
        supervisor = new Supervisor(List.of(part), FAST, dir.resolve("logs/supervisor.log"));
        supervisor.start();
    }

    private long pid(ProcessPart part) {
        return part.processTree().getFirst().pid();
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private String journal() throws Exception {
        return Files.readString(dir.resolve("logs/supervisor.log"));
    }

    @Test
    void aPartThatDiesIsRestartedCountedAndLogged() throws Exception {
        supervise(sleeper("sleeper"));
        long first = pid(sleeper);

        // as kill -9 from outside would
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        eventually(() -> supervisor.restarts("sleeper") == 1);
        supervisor.awaitUp("sleeper", WAIT);

        assertThat(sleeper.running()).isTrue();
        assertThat(pid(sleeper)).isNotEqualTo(first);
        assertThat(supervisor.restarts("sleeper")).isEqualTo(1);
        assertThat(journal())
                .contains(
                        "sleeper died (exit code 137); restarting in 0.2 s; see " + dir.resolve("logs/sleeper.log"),
                        "restarting sleeper (restart 1)",
                        "sleeper is up again after");
    }

    @Test
    void eachDeathSoonAfterTheLastDoublesThePauseUpToTheLongest() throws Exception {
        supervise(sleeper("sleeper"));

        for (int i = 1; i <= 4; i++) {
            long before = pid(sleeper);
            supervisor.kill("sleeper");
            assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            supervisor.awaitUp("sleeper", WAIT);
            assertThat(supervisor.restarts("sleeper")).isEqualTo(i);
        }

        List<String> pauses = journal()
                .lines()
                .filter(l -> l.contains("was killed on request"))
                .map(l -> l.substring(l.indexOf("restarting in ") + 14, l.indexOf("; see")))
                .toList();
        assertThat(pauses).containsExactly("0.2 s", "0.4 s", "0.8 s", "0.8 s");
    }

    @Test
    void aHeldPartStaysDownUntilReleased() throws Exception {
        supervise(sleeper("sleeper"));

        supervisor.hold("sleeper");
        assertThat(sleeper.running()).isFalse();
        // far longer than the longest pause and many checks
        Thread.sleep(1500);
        assertThat(sleeper.running()).isFalse();
        assertThat(supervisor.restarts("sleeper")).isZero();
        assertThat(supervisor.state("sleeper")).isEqualTo(Supervisor.State.HELD);
        assertThatThrownBy(() -> supervisor.awaitUp("sleeper", Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sleeper was not up")
                .hasMessageContaining(dir.resolve("logs/sleeper.log").toString());

        supervisor.release("sleeper");
        supervisor.awaitUp("sleeper", WAIT);
        assertThat(sleeper.running()).isTrue();
        assertThat(supervisor.restarts("sleeper")).isEqualTo(1);
        assertThat(journal()).contains("sleeper is held down until released", "sleeper is released");
    }

    @Test
    void afterCloseNothingIsRestarted() throws Exception {
        supervise(sleeper("sleeper"));
        supervisor.close();

        sleeper.kill();
        Thread.sleep(1500);

        assertThat(sleeper.running()).isFalse();
        assertThat(supervisor.restarts("sleeper")).isZero();
    }

    @Test
    void aCloseDuringThePauseBeforeARestartCancelsIt() throws Exception {
        sleeper = sleeper("sleeper");
        sleeper.launch();
        supervisor = new Supervisor(
                List.of(sleeper),
                new Supervisor.Pace(
                        Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(5)),
                dir.resolve("logs/supervisor.log"));
        supervisor.start();

        supervisor.kill("sleeper");
        Thread.sleep(500);
        assertThat(supervisor.state("sleeper")).isEqualTo(Supervisor.State.DOWN);
        supervisor.close();
        Thread.sleep(2500);

        assertThat(sleeper.running()).isFalse();
        assertThat(supervisor.restarts("sleeper")).isZero();
    }

    @Test
    void aPartThatDoesNotComeUpIsTriedAgainAndTheOthersKeepRunning() throws Exception {
        Path log = dir.resolve("logs/broken.log");
        ProcessPart broken = new ProcessPart(
                "broken",
                log,
                () -> ChildProcess.start("broken", List.of("sh", "-c", "exit 3"), Map.of(), dir, log),
                () -> false,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1));
        ProcessPart healthy = sleeper("sleeper");
        sleeper = healthy;
        broken.launch();
        healthy.launch();
        long pid = pid(healthy);
        supervisor = new Supervisor(List.of(broken, healthy), FAST, dir.resolve("logs/supervisor.log"));
        supervisor.start();

        eventually(() -> supervisor.restarts("broken") >= 3);

        assertThat(supervisor.restarts("broken")).isGreaterThanOrEqualTo(3);
        assertThat(journal())
                .contains("broken died (exit code 3)", "broken did not come up (stopped while starting, exit code 3)");
        assertThat(healthy.running()).isTrue();
        assertThat(pid(healthy)).isEqualTo(pid);
        assertThat(supervisor.restarts("sleeper")).isZero();
    }

    @Test
    void aStartThatFailsWithoutAMessageIsAFailureAndNotARecovery() throws Exception {
        Path log = dir.resolve("logs/flaky.log");
        AtomicInteger starts = new AtomicInteger();
        ProcessPart flaky = new ProcessPart(
                "flaky",
                log,
                () -> {
                    if (starts.getAndIncrement() > 0) {
                        throw new IllegalStateException();
                    }
                    return ChildProcess.start("flaky", List.of("sleep", "600"), Map.of(), dir, log);
                },
                () -> true,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1));
        supervise(flaky);

        supervisor.kill("flaky");
        eventually(() -> supervisor.restarts("flaky") >= 2);

        assertThat(journal())
                .contains("flaky did not come up (java.lang.IllegalStateException)")
                .doesNotContain("flaky is up again");
        assertThat(supervisor.state("flaky")).isNotEqualTo(Supervisor.State.UP);
    }

    @Test
    void anUnknownPartIsRefusedWithTheNamesOfThoseThatExist() {
        supervise(sleeper("sleeper"));
        assertThat(supervisor.parts()).containsExactly("sleeper");
        assertThatThrownBy(() -> supervisor.kill("sleepr"))
                .hasMessage("no part named 'sleepr'; the parts are [sleeper]");
    }

    @Test
    void aPartAddedLaterIsRestartedAndOneRemovedIsNot() throws Exception {
        supervise(sleeper("first"));
        ProcessPart extra = sleeper("first-2");
        extra.launch();
        try {
            supervisor.add(extra);
            assertThat(supervisor.parts()).containsExactly("first", "first-2");
            long before = pid(extra);
            supervisor.kill("first-2");
            supervisor.awaitUp("first-2", WAIT);
            assertThat(pid(extra)).isNotEqualTo(before);
            assertThat(supervisor.restarts("first-2")).isEqualTo(1);

            assertThat(supervisor.remove("first-2")).isSameAs(extra);
            assertThat(supervisor.parts()).containsExactly("first");
            extra.kill();
            Thread.sleep(1000);
            assertThat(extra.running()).isFalse();
            assertThatThrownBy(() -> supervisor.add(sleeper("first"))).isInstanceOf(IllegalArgumentException.class);
        } finally {
            extra.kill();
        }
    }
}
