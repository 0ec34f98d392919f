package org.arrival.actionplans;

import java.util.UUID;

import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.ServiceIntegrationTest;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Base of the action-plans service's integration tests: one Spring context on the real embedded PostgreSQL and
 * Kafka broker, real tokens, a recorder of the service's topics, and organisations known to its registry replica.
 */
@ServiceIntegrationTest
// the hourly freshness job must not fire in the middle of a test; tests call the check themselves
@org.springframework.test.context.TestPropertySource(properties = "arrival.action-plans.reporting.check-cron=-")
public abstract class ActionPlansIntegrationTest {

    protected static final String[] TOPICS = { "arrival.action-plans.plans.v1", "arrival.action-plans.actions.v1" };

    protected static EventRecorder events;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeAll
    static void recordTopics() {
        if (events == null) {
            events = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), TOPICS);
        }
    }

    protected static TestTokenIssuer.Token user(String name, UUID org, String... roles) {
        return TestTokenIssuer.instance().user(name, org, roles);
    }

    /**
     * Makes an organisation known to the service's registry replica, as the registry's events would (the replica's
     * own consumption of those events is tested in RegistryReplicaTest).
     */
    protected UUID organisation(String name, String type, boolean enforcementBody, boolean hidden) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO organisation (id, version, name, type, enforcement_body, hidden, status) VALUES (?, 1, ?, ?, ?, ?, 'ACTIVE')",
                id, name, type, enforcementBody, hidden);
        return id;
    }

    /** Gives an organisation a seat in a forum in the replica. */
    protected void seat(UUID forum, UUID organisation) {
        jdbc.update("INSERT INTO forum_membership (membership_id, version, forum_id, stakeholder_id, active) VALUES (?, 1, ?, ?, true)",
                UUID.randomUUID(), forum, organisation);
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

    protected static MockHttpServletRequestBuilder putJson(String path, String body, String ifMatch) {
        MockHttpServletRequestBuilder b = put(path).contentType(MediaType.APPLICATION_JSON).content(body);
        return ifMatch == null ? b : b.header("If-Match", ifMatch);
    }

    protected static MockHttpServletRequestBuilder getJson(String path) {
        return get(path).accept(MediaType.APPLICATION_JSON);
    }
}
