package org.arrival.web.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where each service's public API is, and how long to wait for it. */
@ConfigurationProperties("arrival.web.services")
public record ServiceSettings(
        String registry,
        String assessments,
        String actionPlans,
        String notifications,
        String forum,
        Duration connectTimeout,
        Duration readTimeout) {

    public ServiceSettings {
        registry = orDefault(registry, "http://127.0.0.1:8081");
        assessments = orDefault(assessments, "http://127.0.0.1:8082");
        actionPlans = orDefault(actionPlans, "http://127.0.0.1:8083");
        notifications = orDefault(notifications, "http://127.0.0.1:8084");
        forum = orDefault(forum, "http://127.0.0.1:8085");
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
    }

    public String baseUrl(Service service) {
        return switch (service) {
            case REGISTRY -> registry;
            case ASSESSMENTS -> assessments;
            case ACTION_PLANS -> actionPlans;
            case NOTIFICATIONS -> notifications;
            case FORUM -> forum;
        };
    }

    private static String orDefault(String url, String fallback) {
        String u = url == null || url.isBlank() ? fallback : url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
