package org.arrival.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ObservabilityDefaultsTest {

    private final ObservabilityDefaults defaults = new ObservabilityDefaults();

    @Test
    void latencyIsAHistogramAndEveryRequestIsTracedUnlessTheServiceSaysOtherwise() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("management.tracing.sampling.probability", "0.2");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(
                        "management.metrics.distribution.percentiles-histogram.http.server.requests"))
                .isEqualTo("true");
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.2");
    }

    @Test
    void logsAreJsonOnlyWhenTheSettingNamesAStructuredFormat() {
        MockEnvironment plain = new MockEnvironment();
        defaults.postProcessEnvironment(plain, new SpringApplication());
        assertThat(plain.getProperty("logging.structured.format.console")).isNull();
        assertThat(plain.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");

        MockEnvironment json = new MockEnvironment().withProperty(ObservabilityDefaults.LOG_FORMAT, "ECS");
        defaults.postProcessEnvironment(json, new SpringApplication());
        assertThat(json.getProperty("logging.structured.format.console")).isEqualTo("ecs");

        assertThat(ObservabilityDefaults.structuredFormat("logstash")).isEqualTo("logstash");
        assertThat(ObservabilityDefaults.structuredFormat("text")).isNull();
    }
}
