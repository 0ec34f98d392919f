package org.arrival.platform.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What a service's HTTP tests share: requests with real bearer tokens, and, for services that keep the registry
 * replica (platform/directory), organisations and forum seats made known to it as the registry's events would.
 */
@ServiceIntegrationTest
public abstract class ServiceApiTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static TestTokenIssuer.Token user(String name, UUID org, String... roles) {
        return TestTokenIssuer.instance().user(name, org, roles);
    }

    /** Makes an organisation known to the registry replica (its consumption of real events is tested apart). */
    protected UUID organisation(String name, String type, boolean enforcementBody, boolean hidden) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO organisation (id, version, name, type, enforcement_body, hidden, status) VALUES (?, 1, ?, ?, ?, ?, 'ACTIVE')",
                id,
                name,
                type,
                enforcementBody,
                hidden);
        return id;
    }

    /** Gives an organisation a seat in a forum in the registry replica. */
    protected void seat(UUID forum, UUID organisation) {
        jdbc.update(
                "INSERT INTO forum_membership (membership_id, version, forum_id, stakeholder_id, active) VALUES (?, 1, ?, ?, true)",
                UUID.randomUUID(),
                forum,
                organisation);
    }

    protected ResultActions perform(MockHttpServletRequestBuilder request, TestTokenIssuer.Token token)
            throws Exception {
        if (token != null) {
            request.header("Authorization", token.bearer());
        }
        return mvc.perform(request);
    }

    protected static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    protected static MockHttpServletRequestBuilder putJson(String path, String body, String ifMatch) {
        MockHttpServletRequestBuilder b =
                put(path).contentType(MediaType.APPLICATION_JSON).content(body);
        return ifMatch == null ? b : b.header("If-Match", ifMatch);
    }

    protected static MockHttpServletRequestBuilder getJson(String path) {
        return get(path).accept(MediaType.APPLICATION_JSON);
    }
}
