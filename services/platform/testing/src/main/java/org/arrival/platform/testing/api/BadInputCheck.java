package org.arrival.platform.testing.api;

import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The promise every generated bad request must keep: never a 5xx, every refusal as problem+json, and a refused
 * request changes nothing in the service's database (rows and outbox).
 */
public final class BadInputCheck {

    private final MockMvc mvc;
    private final DatabaseFingerprint fingerprint;

    public BadInputCheck(MockMvc mvc, JdbcTemplate jdbc, Set<String> backgroundTables) {
        this.mvc = mvc;
        this.fingerprint = new DatabaseFingerprint(jdbc, backgroundTables);
    }

    /** Sends the call; returns its status when the promise held, fails with the call and what broke otherwise. */
    public int send(ApiCall call, String bearer) {
        Map<String, String> before = fingerprint.take();
        MockHttpServletResponse response = call.perform(mvc, bearer);
        int status = response.getStatus();
        if (status >= 500) {
            throw new AssertionError(status + " for " + call + ": " + content(response));
        }
        if (status >= 400) {
            String type = response.getContentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                throw new AssertionError(status + " without problem+json (" + type + ") for " + call);
            }
            Map<String, String> after = fingerprint.take();
            if (!after.equals(before)) {
                throw new AssertionError("refused with " + status + " but the database changed ("
                        + changed(before, after) + ") for " + call);
            }
        }
        return status;
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        StringBuilder sb = new StringBuilder();
        after.forEach((table, state) -> {
            if (!state.equals(before.get(table))) {
                sb.append(table).append(' ').append(before.get(table)).append(" -> ").append(state).append("; ");
            }
        });
        return sb.toString();
    }

    private static String content(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            return "?";
        }
    }
}
