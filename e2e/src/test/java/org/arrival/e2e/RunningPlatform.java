package org.arrival.e2e;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.arrival.local.DemoForum;
import org.arrival.local.LocalStack;
import org.arrival.local.PlatformClient;
import org.arrival.local.PlatformService;
import org.arrival.local.StackSettings;
import tools.jackson.databind.JsonNode;

/**
 * The platform the end-to-end tests drive: the local stack, started once per test run from nothing in
 * {@code target/stack} with the demo forum loaded. JUnit closes it after the last test (it lives in the root
 * context's store), so nothing outlives the run; the JVM's shutdown hook is only the fallback.
 */
final class RunningPlatform implements AutoCloseable {

    private static RunningPlatform instance;

    final LocalStack stack;
    final PlatformClient api;
    final String forumId;
    /** A real Keycloak token whose lifetime was one second, taken at start-up, for the expiry check. */
    final String shortLivedToken;

    final Instant shortLivedTokenExpires;

    private RunningPlatform(LocalStack stack) {
        this.stack = stack;
        this.api = new PlatformClient(stack.settings());
        JsonNode forums = api.expect(
                200, "GET", PlatformService.REGISTRY, "/forums?q=Kampala", token("donor-viewer"), null, Map.of());
        this.forumId = forums.get("items").get(0).get("id").asString();
        this.shortLivedToken =
                new KeycloakAdmin(stack.settings()).tokenWithLifetimeOfOneSecond("ngo-editor", DemoForum.PASSWORD);
        String claims = new String(
                java.util.Base64.getUrlDecoder().decode(shortLivedToken.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        this.shortLivedTokenExpires = Instant.ofEpochSecond(
                PlatformClient.json().readTree(claims).get("exp").asLong());
    }

    static synchronized RunningPlatform get() {
        if (instance == null) {
            Path dir = Path.of(System.getProperty("arrival.e2e.stack-dir", "target/stack"));
            StackSettings settings =
                    StackSettings.of(StackSettings.findRoot(Path.of("")), dir, true, true, System.getenv());
            LocalStack stack = LocalStack.start(settings);
            System.out.println(stack.summary());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack"));
            try {
                instance = new RunningPlatform(stack);
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        }
        return instance;
    }

    @Override
    public void close() {
        stack.close();
    }

    String token(String username) {
        return api.token(username, DemoForum.PASSWORD);
    }

    StackSettings settings() {
        return stack.settings();
    }
}
