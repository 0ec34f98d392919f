package org.arrival.platform.messaging.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka admin client the health indicators share, built from Spring Boot's admin settings
 * ({@code spring.kafka.*}) with short timeouts. Created on first use, so a service whose health is never asked
 * opens no connection; closed with the context.
 */
public class BrokerAdmin implements AutoCloseable {

    private final Map<String, Object> config;
    private @Nullable Admin admin;

    public BrokerAdmin(Map<String, Object> adminProperties, Duration timeout) {
        Map<String, Object> c = new HashMap<>(adminProperties);
        int ms = (int) Math.max(100, timeout.toMillis());
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        c.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        c.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "arrival-health");
        this.config = c;
    }

    synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
