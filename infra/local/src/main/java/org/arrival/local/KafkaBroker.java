package org.arrival.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka broker in KRaft mode (one node as broker and controller) in its own JVM, run from the launcher's class
 * path; its log directory is formatted once and kept, so topics and their events survive a restart.
 */
final class KafkaBroker {

    private KafkaBroker() {}

    /** The broker as a part of the stack: started on the same directory each time, never formatted twice. */
    static ProcessPart part(StackSettings settings, Path dir) {
        return new ProcessPart(
                "kafka",
                settings.logs().resolve("kafka.log"),
                () -> launch(settings, dir),
                () -> answering(settings),
                Duration.ofSeconds(90),
                Duration.ofSeconds(60));
    }

    /** Writes the configuration, formats the log directory if it is new, and starts the broker without waiting. */
    static ChildProcess launch(StackSettings settings, Path dir) {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "process.roles=broker,controller",
                            "node.id=1",
                            "controller.quorum.voters=1@" + StackSettings.HOST + ":" + settings.kafkaControllerPort(),
                            "listeners=PLAINTEXT://" + StackSettings.HOST + ":" + settings.kafkaPort()
                                    + ",CONTROLLER://" + StackSettings.HOST + ":" + settings.kafkaControllerPort(),
                            "advertised.listeners=PLAINTEXT://" + StackSettings.HOST + ":" + settings.kafkaPort(),
                            "controller.listener.names=CONTROLLER",
                            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                            "inter.broker.listener.name=PLAINTEXT",
                            "log.dirs=" + dir.resolve("data"),
                            "num.partitions=3",
                            "offsets.topic.replication.factor=1",
                            "transaction.state.log.replication.factor=1",
                            "transaction.state.log.min.isr=1",
                            "share.coordinator.state.topic.replication.factor=1",
                            "group.initial.rebalance.delay.ms=0",
                            // the services create the topics they own, with the catalogue's settings
                            "auto.create.topics.enable=false",
                            ""));
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
                java(
                                settings,
                                List.of("-Xmx256m"),
                                List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
                                dir,
                                "kafka-format")
                        .awaitSuccess(Duration.ofMinutes(2));
            }
            return java(
                    settings,
                    List.of("-Xmx384m", "-Xms64m", "-XX:+UseSerialGC"),
                    List.of("kafka.Kafka", config.toString()),
                    dir,
                    "kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChildProcess java(
            StackSettings settings, List<String> jvm, List<String> mainAndArgs, Path dir, String name) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-cp");
        // absolute, since the broker runs in its own directory
        command.add(java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> entry.endsWith("*")
                        ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath() + "/*"
                        : Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        command.addAll(mainAndArgs);
        return ChildProcess.start(name, command, Map.of(), dir, settings.logs().resolve(name + ".log"));
    }

    /** Whether a broker answers the admin client's request for the cluster's description. */
    static boolean answering(StackSettings settings) {
        if (!reachable(settings.kafkaPort())) {
            return false;
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000");
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(StackSettings.HOST, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
