package org.arrival.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.arrival.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The scraper inside the cluster reads the web application's metrics without signing in (an ingress must not route them). */
class MetricsScrapeTest extends WebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theMetricsAreServedInPrometheusTextFormatWithoutASession() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());

        String body = mvc.perform(get("/actuator/prometheus").accept("text/plain"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).contains("\nhttp_server_requests_seconds_bucket{");
    }
}
