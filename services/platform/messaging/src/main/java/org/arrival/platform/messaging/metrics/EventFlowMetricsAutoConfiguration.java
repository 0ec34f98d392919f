package org.arrival.platform.messaging.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.arrival.platform.messaging.MessagingAutoConfiguration;
import org.arrival.platform.messaging.health.OutboxBacklog;
import org.arrival.platform.messaging.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event flow's meters ({@link OutboxMeters}; {@link DeadLetterMeters} is wired with the error handler). Boot's
 * metrics bind them to its registries; with the Prometheus registry they are scraped at {@code /actuator/prometheus}.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
public class EventFlowMetricsAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    public OutboxMeters outboxMeters(
            JdbcTemplate jdbc,
            ObjectProvider<OutboxRelay> relay,
            @Value("${arrival.messaging.health.cache-for:5s}") Duration cacheFor) {
        return new OutboxMeters(OutboxBacklog.of(jdbc), cacheFor, () -> {
            OutboxRelay r = relay.getIfAvailable();
            return r != null && r.isLeader();
        });
    }
}
