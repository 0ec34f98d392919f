package org.arrival.platform.testing.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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

    /**
     * The templates cover every write operation and every paged list of the description, but those left out with a
     * reason, and each list's valid request is answered 200 (so its variants start from something valid). The
     * description itself is held to the server ({@link DescriptionCheck}).
     */
    public void requireTemplates(ApiDescription api, List<BadInput.Template> templates, Map<String, String> leftOut) {
        Set<String> covered = new java.util.LinkedHashSet<>();
        templates.forEach(t -> covered.add(t.operation()));
        Set<String> lists = new java.util.LinkedHashSet<>();
        List<String> missing = new java.util.ArrayList<>();
        for (ApiOperation o : api.operations()) {
            boolean list =
                    "GET".equals(o.method()) && o.parameters("query").stream().anyMatch(p -> "page".equals(p.name()));
            if (list) {
                lists.add(o.key());
            }
            if ((o.writes() || list) && !covered.contains(o.key()) && !leftOut.containsKey(o.key())) {
                missing.add(o.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("write or list operations without a template: " + missing);
        }
        var context = java.util.Objects.requireNonNull(
                mvc.getDispatcherServlet().getWebApplicationContext(), "the service's application context");
        List<String> described = DescriptionCheck.problems(
                api, context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
        if (!described.isEmpty()) {
            throw new AssertionError(
                    "the API description does not match the server:\n  " + String.join("\n  ", described));
        }
        for (BadInput.Template t : templates) {
            if (lists.contains(t.operation())) {
                int status = t.call().perform(mvc, t.caller().bearer()).getStatus();
                if (status != 200) {
                    throw new AssertionError(
                            t.operation() + ": the valid request was answered " + status + ": " + t.call());
                }
            }
        }
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
                sb.append(table)
                        .append(' ')
                        .append(before.get(table))
                        .append(" -> ")
                        .append(state)
                        .append("; ");
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
