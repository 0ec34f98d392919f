package org.arrival.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the local stack keeps its data and which ports it uses. Every port can be moved with an environment
 * variable, e.g. {@code ARRIVAL_LOCAL_POSTGRES_PORT}; the defaults are the ones the services and the realm expect.
 *
 * @param root the repository's root (holds {@code services/} and {@code infra/})
 * @param dataDir where databases, the broker's log, Keycloak and the logs live between runs
 * @param fresh whether to delete {@code dataDir} first
 * @param demo whether to load the demo forum when the platform is empty
 * @param serviceHeap the maximum heap of each service's JVM, e.g. {@code 256m}
 * @param portOffset added to every default port (services included), to run a second stack beside the first; the
 *        realm the stack imports follows the web application's port
 */
public record StackSettings(
        Path root,
        Path dataDir,
        boolean fresh,
        boolean demo,
        String serviceHeap,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        int smtpPort,
        int portOffset,
        String version,
        String keycloakVersion) {

    public static final String HOST = "127.0.0.1";

    public static StackSettings of(Path root, Path dataDir, boolean fresh, boolean demo, Map<String, String> env) {
        Properties build = new Properties();
        try (InputStream in = StackSettings.class.getResourceAsStream("/arrival-local.properties")) {
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int offset = port(env, "ARRIVAL_LOCAL_PORT_OFFSET", 0);
        return new StackSettings(
                root.toAbsolutePath().normalize(),
                dataDir.toAbsolutePath().normalize(),
                fresh,
                demo,
                env.getOrDefault("ARRIVAL_LOCAL_SERVICE_HEAP", "256m"),
                port(env, "ARRIVAL_LOCAL_POSTGRES_PORT", 5432 + offset),
                port(env, "ARRIVAL_LOCAL_KAFKA_PORT", 9092 + offset),
                port(env, "ARRIVAL_LOCAL_KAFKA_CONTROLLER_PORT", 9093 + offset),
                port(env, "ARRIVAL_LOCAL_KEYCLOAK_PORT", 8180 + offset),
                port(env, "ARRIVAL_LOCAL_KEYCLOAK_MANAGEMENT_PORT", 8190 + offset),
                port(env, "ARRIVAL_LOCAL_SMTP_PORT", 2525 + offset),
                offset,
                build.getProperty("version"),
                build.getProperty("keycloak.version"));
    }

    /** The repository root: the directory given, or the nearest one above the working directory holding services/. */
    public static Path findRoot(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("services")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "run this from the Arrival repository (no services/ directory above " + start + ")");
    }

    public String issuer() {
        return "http://" + HOST + ":" + keycloakPort + "/realms/arrival";
    }

    public String kafkaBootstrap() {
        return HOST + ":" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + postgresPort + "/" + database;
    }

    public int port(PlatformService service) {
        return service.defaultPort() + portOffset;
    }

    public String baseUrl(PlatformService service) {
        return "http://" + HOST + ":" + port(service);
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
