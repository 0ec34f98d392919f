package org.arrival.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The web application with its sessions in a real PostgreSQL (embedded) and every service answered by
 * {@link StubServices}. Sign-in itself is tested through Keycloak in the end-to-end tests; here a request carries a
 * signed-in user and their tokens as Spring Security's test support sets them up.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class WebTest {

    protected static final StubServices SERVICES = new StubServices();
    private static final EmbeddedPostgres POSTGRES;

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SERVICES.close();
            try {
                POSTGRES.close();
            } catch (IOException e) {
                // stopping
            }
        }));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        for (String service : new String[] {"registry", "assessments", "action-plans", "notifications", "forum"}) {
            registry.add("arrival.web.services." + service, SERVICES::url);
        }
        // nothing listens here: the client registration is built without asking it
        registry.add("arrival.web.sign-in.issuer-uri", () -> "http://127.0.0.1:1/realms/arrival");
    }
}
