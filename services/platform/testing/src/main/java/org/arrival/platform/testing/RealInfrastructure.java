package org.arrival.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the JVM's real embedded PostgreSQL (a fresh database per context), its embedded
 * Kafka broker and the test token issuer. Used through {@link ServiceIntegrationTest}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String app = context.getEnvironment().getProperty("spring.application.name", "service");
        TestTokenIssuer issuer = TestTokenIssuer.instance();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", EmbeddedPostgres.newDatabase(app));
        props.put("spring.datasource.username", EmbeddedPostgres.user());
        props.put("spring.datasource.password", EmbeddedPostgres.password());
        props.put("spring.kafka.bootstrap-servers", EmbeddedKafka.bootstrapServers());
        props.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        props.put("arrival.security.issuer-uri", issuer.issuer());
        props.put("arrival.security.jwk-set-uri", issuer.jwkSetUri());
        // suites write far faster than people; the limits have tests of their own
        props.put("arrival.rate-limits.enabled", "false");
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("arrival-real-infrastructure", props));
    }
}
