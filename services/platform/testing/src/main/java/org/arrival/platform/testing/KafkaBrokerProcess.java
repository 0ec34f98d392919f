package org.arrival.platform.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in a child JVM on a fixed port, which a test
 * can stop and start again with its data kept: the way to prove what happens while the broker is down.
 * It runs from the test's own class path, which already holds the broker's jars.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private @Nullable Process process;

    public KafkaBrokerProcess() {
        try {
            this.dir = Files.createTempDirectory("arrival-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = freePort();
        this.controllerPort = freePort();
        writeConfig();
        run(
                List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                        "-c",
                        dir.resolve("server.properties").toString()),
                Duration.ofSeconds(60));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        process = launch(List.of("kafka.Kafka", dir.resolve("server.properties").toString()), "broker.log");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!reachable()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka broker did not start; see " + dir.resolve("broker.log"));
            }
            sleep(100);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean reachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void writeConfig() {
        String config = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
        try {
            Files.writeString(dir.resolve("server.properties"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch(List<String> mainAndArgs, String logFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(
                List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve(logFile).toFile()))
                    .directory(new File(dir.toString()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(List<String> mainAndArgs, Duration timeout) {
        Process p = launch(mainAndArgs, "format.log");
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Kafka storage format failed; see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
