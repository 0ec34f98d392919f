package org.arrival.platform.messaging;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The services' defaults for metrics, traces and logs, below everything a service or its environment sets:
 * <ul>
 * <li>request latency as a histogram ({@code http_server_requests_seconds_bucket}), for percentiles over
 * instances;</li>
 * <li>every request traced ({@code management.tracing.sampling.probability} 1.0, or {@code ARRIVAL_TRACE_SAMPLING}; lower it on a busy
 * installation);</li>
 * <li>logs as JSON when {@code ARRIVAL_LOG_FORMAT} is {@code ecs}, {@code logstash} or {@code gelf}
 * (Boot's structured formats), else plain text; Boot's own {@code logging.structured.format.console} does the same and wins.</li>
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "arrivalObservabilityDefaults";
    static final String LOG_FORMAT = "ARRIVAL_LOG_FORMAT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("management.tracing.sampling.probability", "${ARRIVAL_TRACE_SAMPLING:1.0}");
        String format = structuredFormat(environment.getProperty(LOG_FORMAT));
        if (format != null) {
            defaults.put("logging.structured.format.console", format);
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    static @Nullable String structuredFormat(@Nullable String setting) {
        if (setting == null) {
            return null;
        }
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "ecs" -> "ecs";
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            default -> null;
        };
    }

    /** After the application's own configuration is read, so that it sits below it. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
