package org.arrival.forum;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that need the service on a real HTTP port (streams, the browser): one more context, with a
 * one-second heartbeat so dead streams are noticed quickly. It has its own database and consumer groups, so it
 * projects every event as the suite's other context does, rather than sharing the partitions out with it. Actuator
 * listens on a port of its own, as on Kubernetes (MANAGEMENT_SERVER_PORT).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "arrival.forum.stream.heartbeat=PT1S",
            "spring.kafka.consumer.group-id=forum-on-a-port",
            "management.server.port=0"
        })
public abstract class ForumServerTest extends ForumIntegrationTest {

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Actuator's own port. */
    protected String management() {
        return "http://127.0.0.1:" + managementPort;
    }

    protected static TestTokenIssuer.Token of(UUID org) {
        return user("user-" + org, org, "member");
    }

    protected HttpResponse<String> get(String path, TestTokenIssuer.Token token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", token.bearer());
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
