package org.arrival.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak from its distribution (fetched through Maven into {@code infra/local/target/keycloak}), unpacked once into
 * the data directory and run in development mode with the Arrival realm imported on first start. Its own database
 * lives in the unpacked directory, so users and sessions survive a restart.
 */
final class Keycloak {

    private static final Pattern SERVICE_ADDRESS =
            Pattern.compile("(http://(?:127\\.0\\.0\\.1|localhost)):(\\d{4,5})(?=[/\"#])");

    static final String ADMIN = "admin";

    private Keycloak() {}

    /** Keycloak as a part of the stack: it answers when the realm's discovery document does. */
    static ProcessPart part(StackSettings settings, Path dir, HttpClient http) {
        URI discovery = URI.create(settings.issuer() + "/.well-known/openid-configuration");
        return new ProcessPart(
                "keycloak",
                settings.logs().resolve("keycloak.log"),
                () -> launch(settings, dir),
                () -> ok(http, discovery),
                Duration.ofSeconds(360),
                Duration.ofSeconds(30));
    }

    /** Unpacks the distribution if needed, writes the realm to import and starts Keycloak without waiting. */
    static ChildProcess launch(StackSettings settings, Path dir) {
        Path home = dir.resolve("keycloak-" + settings.keycloakVersion());
        try {
            if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                unpack(settings, dir);
            }
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(
                    imports.resolve("arrival-realm.json"),
                    realm(Files.readString(settings.root().resolve("infra/keycloak/arrival-realm.json")), settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://" + StackSettings.HOST + ":" + settings.keycloakPort();
        Map<String, String> env = Map.of(
                "JAVA_HOME",
                System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                ADMIN,
                "JAVA_OPTS_KC_HEAP",
                "-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m");
        return ChildProcess.start(
                "keycloak",
                List.of(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host=" + StackSettings.HOST,
                        "--http-port=" + settings.keycloakPort(),
                        "--http-management-port=" + settings.keycloakManagementPort(),
                        "--hostname=" + base,
                        "--import-realm"),
                env,
                home,
                settings.logs().resolve("keycloak.log"));
    }

    /**
     * The realm as the stack imports it: with the ports moved, every service's addresses in it (the web
     * application's sign-in and sign-out, the Swagger UI pages) and the SMTP server's port move with it (the realm
     * export names the default ports only).
     */
    static String realm(String export, StackSettings settings) {
        // the realm sends its e-mails (invitations) to the stack's mail catcher, wherever its port is
        export = export.replace("\"port\": \"2525\"", "\"port\": \"" + settings.smtpPort() + "\"");
        Matcher m = SERVICE_ADDRESS.matcher(export);
        StringBuilder moved = new StringBuilder();
        while (m.find()) {
            int port = Integer.parseInt(m.group(2));
            int to = Arrays.stream(PlatformService.values())
                    .filter(s -> s.defaultPort() == port)
                    .mapToInt(settings::port)
                    .findFirst()
                    .orElse(port);
            m.appendReplacement(moved, Matcher.quoteReplacement(m.group(1) + ":" + to));
        }
        return m.appendTail(moved).toString();
    }

    private static void unpack(StackSettings settings, Path dir) throws IOException {
        Path archive = settings.root()
                .resolve("infra/local/target/keycloak/keycloak-" + settings.keycloakVersion() + ".tar.gz");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Keycloak's distribution is missing at " + archive
                    + "; build the launcher first (./mvnw -pl infra/local -am package -DskipTests)");
        }
        Files.createDirectories(dir);
        ChildProcess tar = ChildProcess.start(
                "keycloak-unpack",
                List.of("tar", "-xzf", archive.toString(), "-C", dir.toString()),
                Map.of(),
                dir,
                settings.logs().resolve("keycloak.log"));
        tar.awaitSuccess(Duration.ofMinutes(3));
    }

    static boolean ok(HttpClient http, URI uri) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
