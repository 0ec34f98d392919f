package org.arrival.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The servers of {@link Infrastructure#CONTAINERS}: one PostgreSQL 16, one Kafka (KRaft) and one Keycloak with the
 * platform's realm per test JVM, started on first use. Only this class touches Testcontainers, and only
 * {@code -Ptestcontainers} puts it on the class path: the embedded classes call it in container mode alone, and
 * their signatures carry no Testcontainers type, so the default build never loads one.
 */
final class ContainerInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:16";
    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.7.3";
    static final String KEYCLOAK_ADMIN = "admin";
    static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    /** Overrides where the realm export is; by default it is found above the working directory. */
    static final String REALM_FILE_PROPERTY = "arrival.keycloak.realm-file";

    static final String REALM_FILE = "infra/keycloak/arrival-realm.json";
    static final String NO_DOCKER = "the testcontainers profile needs a Docker engine: Testcontainers found none "
            + "(DOCKER_HOST, /var/run/docker.sock, ~/.testcontainers.properties); build without -Ptestcontainers "
            + "to run the tests on the embedded servers";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static @Nullable PostgreSQLContainer postgres;
    private static @Nullable KafkaContainer kafka;
    private static @Nullable KeycloakRealm keycloak;

    private ContainerInfrastructure() {}

    static synchronized String newDatabase(String prefix) {
        PostgreSQLContainer server = postgres();
        String name = (prefix + "_" + DATABASES.incrementAndGet())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c =
                        DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(), server.getPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " in the PostgreSQL container", e);
        }
        return "jdbc:postgresql://" + server.getHost() + ":" + server.getMappedPort(5432) + "/" + name;
    }

    static synchronized String postgresUser() {
        return postgres().getUsername();
    }

    static synchronized String postgresPassword() {
        return postgres().getPassword();
    }

    static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            requireDocker();
            // the embedded broker's settings: topics made on first use with 3 partitions, no rebalance delay
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                    .withEnv("KAFKA_NUM_PARTITIONS", "3")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            container.start();
            kafka = container;
        }
        return kafka.getBootstrapServers();
    }

    static synchronized KeycloakRealm keycloak() {
        if (keycloak == null) {
            requireDocker();
            Path realm = realmFile(Path.of(System.getProperty("user.dir")), System.getProperty(REALM_FILE_PROPERTY));
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(KEYCLOAK_IMAGE))
                    .withCommand("start-dev", "--import-realm")
                    .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN)
                    .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD)
                    .withCopyFileToContainer(
                            MountableFile.forHostPath(realm), "/opt/keycloak/data/import/arrival-realm.json")
                    .withExposedPorts(8080)
                    .waitingFor(Wait.forHttp("/realms/" + KeycloakRealm.REALM + "/.well-known/openid-configuration")
                            .forPort(8080)
                            .forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(4)));
            container.start();
            // one host name for every request, so every token names the issuer the services are given
            keycloak = new KeycloakRealm(
                    "http://" + container.getHost() + ":" + container.getMappedPort(8080),
                    KEYCLOAK_ADMIN,
                    KEYCLOAK_ADMIN_PASSWORD);
        }
        return keycloak;
    }

    private static PostgreSQLContainer postgres() {
        if (postgres == null) {
            requireDocker();
            PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                    .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
            container.start();
            postgres = container;
        }
        return postgres;
    }

    static void requireDocker() {
        requireDocker(() -> DockerClientFactory.instance().isDockerAvailable());
    }

    /** Stops with one clear line instead of Testcontainers' search through every way to reach Docker. */
    static void requireDocker(BooleanSupplier dockerAvailable) {
        if (!dockerAvailable.getAsBoolean()) {
            throw new IllegalStateException(NO_DOCKER);
        }
    }

    /** The realm export: the given file, or the first {@value #REALM_FILE} in the directory or above it. */
    static Path realmFile(Path start, @Nullable String override) {
        if (override != null && !override.isBlank()) {
            Path given = Path.of(override);
            if (!Files.isRegularFile(given)) {
                throw new IllegalStateException(REALM_FILE_PROPERTY + "=" + override + " is not a file");
            }
            return given;
        }
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(REALM_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + REALM_FILE + " in " + start.toAbsolutePath() + " or above it; set -D"
                + REALM_FILE_PROPERTY + "=<path>");
    }
}
