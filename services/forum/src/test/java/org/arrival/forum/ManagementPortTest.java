package org.arrival.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * With Actuator on a port of its own (as the Kubernetes chart runs every service), the probes and the metrics answer
 * there without a token, the dead letters still need a platform administrator, and the service's own port, the one
 * an Ingress routes, serves none of Actuator.
 */
class ManagementPortTest extends ForumServerTest {

    @Test
    void actuatorAnswersOnItsOwnPortAndNotOnTheServicePort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);

        assertThat(status(management() + "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(management() + "/actuator/health/liveness")).isEqualTo(200);
        HttpResponse<String> metrics = send(management() + "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("\narrival_forum_streams");
        assertThat(status(management() + "/actuator/deadletters")).isEqualTo(401);

        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/deadletters"}) {
            assertThat(status(base() + path)).as(path + " on the service port").isIn(401, 404);
        }
        assertThat(send(base() + "/actuator/prometheus").body()).doesNotContain("arrival_forum_streams");
    }

    private int status(String url) throws Exception {
        return send(url).statusCode();
    }

    /** Prometheus's text format for the metrics, JSON for the rest. */
    private static HttpResponse<String> send(String url) throws Exception {
        String accept = url.endsWith("/prometheus") ? "text/plain" : "application/json";
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
