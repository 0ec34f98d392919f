package org.arrival.actionplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/**
 * The cluster's scraper reads {@code /actuator/prometheus} without a token, as the probes read health (an ingress
 * must not route it); the other operating endpoints stay for platform administrators.
 */
class MetricsEndpointTest extends ActionPlansIntegrationTest {

    @Test
    void theServicesMetricsAreScrapedInPrometheusTextFormatWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());

        String body = mvc.perform(get("/actuator/prometheus").accept("text/plain"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body)
                .contains("# TYPE arrival_outbox_backlog gauge")
                .contains("\narrival_outbox_backlog")
                .contains("\narrival_outbox_oldest_age_seconds")
                .contains("\narrival_outbox_relay_leader")
                .contains("\narrival_deadletters_total{topic=\"arrival.assessments.needs.v1\"")
                .contains("\nhttp_server_requests_seconds_bucket{")
                .contains("uri=\"/actuator/health\"");
    }

    @Test
    void theDeadLettersStillNeedAPlatformAdministrator() throws Exception {
        mvc.perform(get("/actuator/deadletters")).andExpect(status().isUnauthorized());
    }
}
