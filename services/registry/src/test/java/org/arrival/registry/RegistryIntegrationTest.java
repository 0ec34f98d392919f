package org.arrival.registry;

import java.util.UUID;

import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.ServiceIntegrationTest;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Base of the registry's integration tests: one Spring context on the real embedded PostgreSQL and Kafka broker,
 * real tokens from the test issuer, and a recorder of the registry's topics.
 */
@ServiceIntegrationTest
public abstract class RegistryIntegrationTest {

    protected static final String STAKEHOLDERS = "arrival.registry.stakeholders.v1";
    protected static final String FORUMS = "arrival.registry.forums.v1";

    protected static EventRecorder events;

    @Autowired
    protected MockMvc mvc;

    @BeforeAll
    static void recordTopics() {
        if (events == null) {
            events = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), STAKEHOLDERS, FORUMS);
        }
    }

    @AfterAll
    static void keepRecorder() {
        // shared by every class of the suite, like the Spring context
    }

    protected static TestTokenIssuer.Token user(String name, UUID org, String... roles) {
        return TestTokenIssuer.instance().user(name, org, roles);
    }

    protected ResultActions perform(MockHttpServletRequestBuilder request, TestTokenIssuer.Token token) throws Exception {
        if (token != null) {
            request.header("Authorization", token.bearer());
        }
        return mvc.perform(request);
    }

    protected static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    protected static MockHttpServletRequestBuilder getJson(String path) {
        return get(path).accept(MediaType.APPLICATION_JSON);
    }
}
