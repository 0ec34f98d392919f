package org.arrival.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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
 * @param instances how many instances of each service the stack runs (1 unless set): instance {@code n} of a
 *        service listens on the service's port + {@value #INSTANCE_PORT_STEP} &times; (n - 1), with the same
 *        database and consumer groups as the first
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
        String keycloakVersion,
        Map<PlatformService, Integer> instances) {

    public static final String HOST = "127.0.0.1";

    /** The ports of a service's instances lie this far apart: 8080, 8090, ... for the web application. */
    public static final int INSTANCE_PORT_STEP = 10;

    /** At most this many instances of a service, so that their ports stay below Keycloak's. */
    public static final int MAX_INSTANCES = 9;

    public StackSettings {
        instances = Map.copyOf(instances);
    }

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
                build.getProperty("keycloak.version"),
                Map.of());
    }

    /** These settings with the given number of instances per service (services not named keep one). */
    public StackSettings withInstances(Map<PlatformService, Integer> counts) {
        return new StackSettings(
                root,
                dataDir,
                fresh,
                demo,
                serviceHeap,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                keycloakPort,
                keycloakManagementPort,
                smtpPort,
                portOffset,
                version,
                keycloakVersion,
                counts);
    }

    /**
     * The instances per service from the values of {@code --instances}: a number for every service ({@code 2}),
     * services by name ({@code forum=2,web=3}), or both ({@code 2,forum=3}: the named ones override). Later values
     * override earlier ones.
     *
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public static Map<PlatformService, Integer> parseInstances(List<String> values) {
        Map<PlatformService, Integer> counts = new EnumMap<>(PlatformService.class);
        for (String value : values) {
            for (String item : value.split(",")) {
                String part = item.strip();
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq < 0) {
                    int n = count(part, part);
                    for (PlatformService s : PlatformService.values()) {
                        counts.put(s, n);
                    }
                } else {
                    String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    PlatformService service = PlatformService.byModule(name)
                            .orElseThrow(() -> new IllegalArgumentException("--instances: no service named '" + name
                                    + "'; the services are " + PlatformService.modules()));
                    counts.put(service, count(part.substring(eq + 1).strip(), part));
                }
            }
        }
        return counts;
    }

    private static int count(String number, String item) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--instances: '" + item + "' is neither a number nor <service>=<number>");
        }
        if (n < 1 || n > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    "--instances: '" + item + "' must be between 1 and " + MAX_INSTANCES + " instances");
        }
        return n;
    }

    /** How many instances of the service the stack runs. */
    public int instances(PlatformService service) {
        return instances.getOrDefault(service, 1);
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

    /**
     * The JDBC URL of an instance's connections: its {@code ApplicationName} ({@code forum-2}) tells the instances
     * apart in {@code pg_stat_activity}.
     */
    public String jdbcUrl(PlatformService service, int instance) {
        return jdbcUrl(service.database()) + "?ApplicationName=" + instanceName(service, instance);
    }

    /** The name of a service's instance in the database and the logs: {@code forum-1}, {@code forum-2}, ... */
    public static String instanceName(PlatformService service, int instance) {
        return service.module() + "-" + instance;
    }

    public int port(PlatformService service) {
        return service.defaultPort() + portOffset;
    }

    /** The port of the service's instance {@code n} (1 is the service's own port). */
    public int port(PlatformService service, int instance) {
        if (instance < 1 || instance > MAX_INSTANCES) {
            throw new IllegalArgumentException("instance " + instance + " is not between 1 and " + MAX_INSTANCES);
        }
        return port(service) + INSTANCE_PORT_STEP * (instance - 1);
    }

    public String baseUrl(PlatformService service) {
        return "http://" + HOST + ":" + port(service);
    }

    public String baseUrl(PlatformService service, int instance) {
        return "http://" + HOST + ":" + port(service, instance);
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
