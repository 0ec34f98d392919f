package org.arrival.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml runs the same platform as the code: a compose service per service module on the port its
 * application.yml names, only environment variables the services read, the ones that matter all set, databases the
 * init script creates, the broker's advertised listener, the realm export and one issuer everywhere. Each check is
 * shown to fail on a copy with one thing wrong.
 */
class ComposeFileTest {

    /** The module directory is the test working directory. */
    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    static final Path COMPOSE_FILE = REPOSITORY.resolve("docker-compose.yml");

    static ComposeCheck check;
    static String compose;

    @BeforeAll
    static void read() throws IOException {
        assertThat(COMPOSE_FILE).isRegularFile();
        compose = Files.readString(COMPOSE_FILE);
        check = new ComposeCheck(REPOSITORY);
    }

    @Test
    void theComposeFileAgreesWithTheCode() {
        assertThat(check.serviceNames())
                .as("service modules found under services/")
                .contains("registry", "forum", "web")
                .doesNotContain("platform");
        assertThat(check.problems(compose)).isEmpty();
    }

    static Stream<Arguments> wrongCopies() {
        return Stream.of(
                wrong(
                        "a service module without its compose service",
                        c -> services(c).remove("forum"),
                        "services/forum has no compose service"),
                wrong(
                        "a port other than application.yml's",
                        c -> service(c, "registry").put("ports", List.of("127.0.0.1:8081:8091")),
                        "registry: publishes [8081->8091] but listens on 8081"),
                wrong(
                        "the port changed through its variable",
                        c -> env(c, "assessments").put("ARRIVAL_ASSESSMENTS_PORT", "9082"),
                        "assessments: runs on port 9082 but application.yml's default is 8082"),
                wrong(
                        "a health check on another port",
                        c -> service(c, "registry")
                                .put(
                                        "healthcheck",
                                        Map.of(
                                                "test",
                                                List.of(
                                                        "CMD",
                                                        "bash",
                                                        "-c",
                                                        "exec 3<>/dev/tcp/127.0.0.1/8082 && printf \"GET /actuator/health HTTP/1.0\\r\\n\\r\\n\" >&3"))),
                        "registry: checks its health on port 8082"),
                wrong(
                        "a variable nothing reads (a typo)",
                        c -> env(c, "assessments")
                                .put("ARRIVAL_ASSESMENTS_DB_URL", "jdbc:postgresql://postgres:5432/x"),
                        "assessments: sets ARRIVAL_ASSESMENTS_DB_URL, which neither"),
                wrong(
                        "another service's variable",
                        c -> env(c, "forum").put("ARRIVAL_SMTP_HOST", "mailpit"),
                        "forum: sets ARRIVAL_SMTP_HOST"),
                wrong(
                        "the web application calling a service at another port",
                        c -> env(c, "web").put("ARRIVAL_FORUM_URL", "http://forum:8080"),
                        "web: ARRIVAL_FORUM_URL=http://forum:8080 is not forum's API on the compose network http://forum:8085"),
                wrong(
                        "the web application reaching Keycloak at its own address",
                        c -> env(c, "web").remove("ARRIVAL_ISSUER_BACKCHANNEL_URI"),
                        "web: does not set ARRIVAL_ISSUER_BACKCHANNEL_URI"),
                wrong(
                        "the web application published where the realm does not send browsers back",
                        c -> service(c, "web").put("ports", List.of("127.0.0.1:9080:8080")),
                        "web: is published on port 9080 but the realm's arrival-bff does not send browsers back"),
                wrong(
                        "the web application without its service URLs",
                        c -> env(c, "web").remove("ARRIVAL_REGISTRY_URL"),
                        "web: does not set ARRIVAL_REGISTRY_URL"),
                wrong(
                        "no Kafka bootstrap",
                        c -> env(c, "action-plans").remove("ARRIVAL_KAFKA_BOOTSTRAP"),
                        "action-plans: does not set ARRIVAL_KAFKA_BOOTSTRAP"),
                wrong(
                        "no database password",
                        c -> env(c, "registry").remove("ARRIVAL_REGISTRY_DB_PASSWORD"),
                        "registry: does not set ARRIVAL_REGISTRY_DB_PASSWORD"),
                wrong(
                        "no SMTP host for notifications",
                        c -> env(c, "notifications").remove("ARRIVAL_SMTP_HOST"),
                        "notifications: does not set ARRIVAL_SMTP_HOST"),
                wrong(
                        "a password the init script does not give",
                        c -> env(c, "notifications").put("ARRIVAL_NOTIFICATIONS_DB_PASSWORD", "secret"),
                        "notifications: ARRIVAL_NOTIFICATIONS_DB_PASSWORD is not the password"),
                wrong(
                        "a database the init script does not create",
                        c -> env(c, "forum")
                                .put("ARRIVAL_FORUM_DB_URL", "jdbc:postgresql://postgres:5432/arrival_view"),
                        "forum: database arrival_view is not created"),
                wrong(
                        "another service's database",
                        c -> {
                            env(c, "forum")
                                    .put("ARRIVAL_FORUM_DB_URL", "jdbc:postgresql://postgres:5432/arrival_registry");
                            env(c, "forum").put("ARRIVAL_FORUM_DB_USER", "arrival_registry");
                            env(c, "forum").put("ARRIVAL_FORUM_DB_PASSWORD", "arrival-registry");
                        },
                        "forum: shares its database with registry"),
                wrong(
                        "the broker's host listener instead of its internal one",
                        c -> env(c, "registry").put("ARRIVAL_KAFKA_BOOTSTRAP", "kafka:9092"),
                        "registry: ARRIVAL_KAFKA_BOOTSTRAP=kafka:9092 is not a listener"),
                wrong(
                        "an issuer on another host name",
                        c -> env(c, "forum").put("ARRIVAL_ISSUER_URI", "http://localhost:8180/realms/arrival"),
                        "forum: ARRIVAL_ISSUER_URI=http://localhost:8180/realms/arrival but keycloak issues tokens as http://127.0.0.1:8180/realms/arrival"),
                wrong(
                        "keys fetched from the issuer's loopback address",
                        c -> env(c, "registry").remove("ARRIVAL_SECURITY_JWKSETURI"),
                        "registry: fetches the signing keys from http://127.0.0.1:8180"),
                wrong(
                        "Keycloak without a pinned host name",
                        c -> env(c, "keycloak").remove("KC_HOSTNAME"),
                        "keycloak: KC_HOSTNAME must pin the issuer"),
                wrong(
                        "Keycloak pinned to a port it is not published on",
                        c -> env(c, "keycloak").put("KC_HOSTNAME", "http://127.0.0.1:8080"),
                        "keycloak: KC_HOSTNAME http://127.0.0.1:8080 is not where"),
                wrong(
                        "another realm file",
                        c -> service(c, "keycloak")
                                .put(
                                        "volumes",
                                        List.of(
                                                "./infra/keycloak/other-realm.json:/opt/keycloak/data/import/arrival-realm.json:ro")),
                        "keycloak: imports ./infra/keycloak/other-realm.json, not infra/keycloak/arrival-realm.json"),
                wrong(
                        "Keycloak not importing",
                        c -> service(c, "keycloak").put("command", List.of("start-dev")),
                        "keycloak: is not started with --import-realm"),
                wrong(
                        "a consumer started before the owner of a topic it reads",
                        c -> dependsOn(c, "forum").remove("action-plans"),
                        "forum: must wait for action-plans to be healthy (the owner of arrival.action-plans."),
                wrong(
                        "a service started before its database is ready",
                        c -> dependsOn(c, "registry").put("postgres", Map.of("condition", "service_started")),
                        "registry: must wait for postgres to be healthy"),
                wrong(
                        "a service built as another",
                        c -> build(c, "assessments").put("args", Map.of("SERVICE", "registry")),
                        "assessments: builds with SERVICE=registry"),
                wrong(
                        "no init script for the databases",
                        c -> service(c, "postgres").remove("volumes"),
                        "postgres: mounts no init script"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCopies")
    void aWrongCopyIsCaught(String what, Consumer<Map<String, Object>> change, String expected) {
        assertThat(check.problems(copy(change))).as(what).anyMatch(p -> p.contains(expected));
    }

    @Test
    void aServiceRunAsRootIsCaught(@TempDir Path dir) throws IOException {
        Path dockerfile = REPOSITORY.resolve("infra/compose/Dockerfile");
        Path rootCopy = dir.resolve("Dockerfile");
        Files.writeString(rootCopy, Files.readString(dockerfile).replaceAll("(?m)^USER .*$", "USER root"));
        String changed = copy(c -> build(c, "forum").put("dockerfile", rootCopy.toString()));
        assertThat(check.problems(changed))
                .anyMatch(p -> p.startsWith("forum: ") && p.endsWith("runs the service as root"));
    }

    @Test
    void dockerComposeAcceptsTheFileAndRefusesABrokenOne(@TempDir Path dir) throws Exception {
        Optional<List<String>> tool = composeTool();
        Assumptions.assumeTrue(tool.isPresent(), "neither `docker compose` nor `docker-compose` is on the PATH");

        Run valid = run(tool.get(), COMPOSE_FILE);
        assertThat(valid.exit())
                .as("%s config -q: %s", tool.get(), valid.output())
                .isZero();

        Path broken = dir.resolve("docker-compose.yml");
        Files.writeString(
                broken,
                copy(c -> dependsOn(c, "forum").put("no-such-service", Map.of("condition", "service_healthy"))));
        assertThat(run(tool.get(), broken).exit())
                .as("a service depending on an undefined one")
                .isNotZero();
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> tool, Path file) throws Exception {
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of("--project-directory", REPOSITORY.toString(), "-f", file.toString(), "config", "-q"));
        Process process = new ProcessBuilder(command)
                .directory(REPOSITORY.toFile())
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Run(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The Compose v2 plugin if the docker CLI has it, else the standalone docker-compose, else none. */
    private static Optional<List<String>> composeTool() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process p =
                        new ProcessBuilder(version).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Arguments wrong(String what, Consumer<Map<String, Object>> change, String expected) {
        return Arguments.of(what, change, expected);
    }

    private static String copy(Consumer<Map<String, Object>> change) {
        Map<String, Object> parsed = new Yaml().load(compose);
        change.accept(parsed);
        return new Yaml().dump(parsed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(Map<String, Object> compose) {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) services(compose).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> compose, String name) {
        return (Map<String, Object>) service(compose, name).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dependsOn(Map<String, Object> compose, String name) {
        return (Map<String, Object>) service(compose, name).get("depends_on");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> build(Map<String, Object> compose, String name) {
        return (Map<String, Object>) service(compose, name).get("build");
    }
}
