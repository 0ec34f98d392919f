package org.arrival.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import org.arrival.platform.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code Idempotency-Key} filter on a service's REST API, right after Spring Security's filters (so the caller
 * is known) and before everything that runs the request (rate limits, body screening, the handler). Its table comes
 * with the migrations under {@code classpath:db/idempotency}.
 */
@AutoConfiguration(
        afterName = {
            "org.arrival.platform.security.ArrivalSecurityAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    /** Right after the security filter chain ({@code spring.security.filter.order}, -100 unless set). */
    public static final int FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    public IdempotentRequests idempotentRequests(
            JdbcTemplate jdbc, IdempotencyProperties properties, ObjectProvider<Clock> clock) {
        return new IdempotentRequests(jdbc, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotentRequests requests,
            ProblemWriter problems,
            @Value("${arrival.web.unavailable-retry-after:5s}") Duration unavailableRetryAfter) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(requests, problems, unavailableRetryAfter));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    /** Where the service describes its API (springdoc), its write operations describe the header. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class Description {

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer idempotencyKeyDescription() {
            return IdempotencyKeyDescription.customizer();
        }
    }
}
