package org.arrival.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.arrival.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The browser holds only the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS (here
 * through a proxy that says so); the session itself is a row in PostgreSQL, so any instance can serve it.
 */
class SessionCookieTest extends WebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindHttps() throws Exception {
        String plain = mvc.perform(get(SignInConfiguration.SIGN_IN_PATH))
                .andReturn()
                .getResponse()
                .getHeader("Set-Cookie");
        assertThat(plain)
                .startsWith(SignInConfiguration.SESSION_COOKIE + "=")
                .contains("HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure");

        String https = mvc.perform(get(SignInConfiguration.SIGN_IN_PATH)
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "arrival.example.org"))
                .andReturn()
                .getResponse()
                .getHeader("Set-Cookie");
        assertThat(https)
                .startsWith(SignInConfiguration.SESSION_COOKIE + "=")
                .contains("HttpOnly", "SameSite=Lax", "Secure");
    }

    @Test
    void aSignInUnderWayIsKeptInTheSessionTableNotInTheInstance() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class);
        mvc.perform(get(SignInConfiguration.SIGN_IN_PATH));
        long after = jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class);
        assertThat(after).isGreaterThan(before);
        // what the session holds is stored with it: the pending authorization request, for whichever instance
        // receives Keycloak's answer
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM spring_session_attributes WHERE attribute_name LIKE ?",
                        Long.class,
                        "%OAuth2AuthorizationRequest%"))
                .isPositive();
    }
}
