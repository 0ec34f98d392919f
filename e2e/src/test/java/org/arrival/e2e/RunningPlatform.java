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
 * The platform the end-to-end tests drive: the local stack, started once per test JVM from nothing in
 * {@code target/stack} with the demo forum loaded, and stopped when the JVM ends.
 */
final class RunningPlatform {

    private static RunningPlatform instance;

    final LocalStack stack;
    final PlatformClient api;
    final String forumId;
    /** A real Keycloak token whose lifetime was one second, taken at start-up, for the expiry check. */
    final String shortLivedToken;
    final Instant shortLivedTokenTakenAt;

    private RunningPlatform(LocalStack stack) {
        this.stack = stack;
        this.api = new PlatformClient(stack.settings());
        JsonNode forums = api.expect(200, "GET", PlatformService.REGISTRY, "/forums?q=Kampala", token("donor-viewer"),
                null, Map.of());
        this.forumId = forums.get("items").get(0).get("id").asString();
        this.shortLivedTokenTakenAt = Instant.now();
        this.shortLivedToken = new KeycloakAdmin(stack.settings()).tokenWithLifetimeOfOneSecond("ngo-editor",
                DemoForum.PASSWORD);
    }

    static synchronized RunningPlatform get() {
        if (instance == null) {
            Path dir = Path.of(System.getProperty("arrival.e2e.stack-dir", "target/stack"));
            StackSettings settings = StackSettings.of(StackSettings.findRoot(Path.of("")), dir, true, true, System.getenv());
            LocalStack stack = LocalStack.start(settings);
            System.out.println(stack.summary());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack"));
            instance = new RunningPlatform(stack);
        }
        return instance;
    }

    String token(String username) {
        return api.token(username, DemoForum.PASSWORD);
    }

    StackSettings settings() {
        return stack.settings();
    }
}
