package org.arrival.platform.testing.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrival.platform.testing.TestTokenIssuer;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The refusal matrix of a service, generated from its own OpenAPI description and checked against one declared table
 * of expectations. For every operation of the description:
 * <ul>
 * <li>no token, and a token signed by a stranger's key, are refused with 401;</li>
 * <li>each caller the table names as refused (another organisation's roles, a member without the role, an
 * enforcement body) gets 403 or 404, and the refusal is problem+json;</li>
 * <li>the caller the table names as allowed then succeeds with the very same request, which shows the refusals came
 * from who asked and not from what was asked.</li>
 * </ul>
 * An operation of the description missing from the table, or a row naming an operation the description does not
 * have, fails the check: a new endpoint cannot arrive without its refusals. An operation that is public by design
 * (on the service's public paths, carrying no data) is declared so, and must answer without a token.
 */
public final class RefusalMatrix {

    private final MockMvc mvc;
    private final ApiDescription api;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private int checks;

    private RefusalMatrix(MockMvc mvc, ApiDescription api) {
        this.mvc = mvc;
        this.api = api;
    }

    public static RefusalMatrix of(MockMvc mvc) {
        return new RefusalMatrix(mvc, ApiDescription.of(mvc));
    }

    public ApiDescription api() {
        return api;
    }

    /** The row of an operation, {@code METHOD /path/{var}} as the description names it. */
    public Row operation(String key) {
        if (rows.containsKey(key)) {
            throw new IllegalArgumentException(key + " is declared twice");
        }
        Row row = new Row(key);
        rows.put(key, row);
        return row;
    }

    /** Runs every check and fails with all the problems found at once. */
    public Summary verify() {
        List<String> problems = new ArrayList<>();
        Set<String> described = new LinkedHashSet<>();
        api.operations().forEach(o -> described.add(o.key()));
        for (String key : described) {
            if (!rows.containsKey(key)) {
                problems.add(key + ": in the API description but not in the table of expectations");
            }
        }
        for (String key : rows.keySet()) {
            if (!described.contains(key)) {
                problems.add(key + ": in the table but not in the API description");
            }
        }
        String stranger = TestTokenIssuer.instance()
                .user("stranger", UUID.randomUUID(), "platform-admin")
                .signedByStranger()
                .bearer();
        int refusals = 0;
        for (Row row : rows.values()) {
            if (!described.contains(row.key)) {
                continue;
            }
            if (row.call == null) {
                problems.add(row.key + ": no request declared");
                continue;
            }
            if (row.refused.isEmpty() && row.openBecause == null) {
                problems.add(row.key + ": refuses nobody; name who must be refused, or say why everyone may");
            }
            ApiCall call;
            try {
                call = row.call.get();
            } catch (RuntimeException e) {
                problems.add(row.key + ": its fixture failed: " + e);
                continue;
            }
            expect(problems, row.key, "no token", call, null, Set.of(401));
            expect(problems, row.key, "a forged token", call, stranger, Set.of(401));
            for (Map.Entry<String, Refusal> refusal : row.refused.entrySet()) {
                expect(
                        problems,
                        row.key,
                        refusal.getKey(),
                        call,
                        refusal.getValue().bearer(),
                        refusal.getValue().statuses());
                refusals++;
            }
            if (row.allowed != null) {
                MockHttpServletResponse response = call.perform(mvc, row.allowed.bearer());
                checks++;
                if (response.getStatus() >= 300) {
                    problems.add(row.key + ": the allowed caller " + row.allowedName + " got " + response.getStatus()
                            + " (" + body(response) + ") for " + call);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    problems.size() + " problem(s) in the refusal matrix:\n  " + String.join("\n  ", problems));
        }
        Summary summary = new Summary(rows.size(), refusals, checks);
        System.out.println("Refusal matrix: " + summary);
        return summary;
    }

    private void expect(
            List<String> problems,
            String key,
            String who,
            ApiCall call,
            @Nullable String bearer,
            Set<Integer> statuses) {
        MockHttpServletResponse response = call.perform(mvc, bearer);
        checks++;
        if (!statuses.contains(response.getStatus())) {
            problems.add(key + ": " + who + " got " + response.getStatus() + " instead of " + statuses + " ("
                    + body(response) + ") for " + call);
        } else if (response.getContentType() == null
                || !response.getContentType().startsWith("application/problem+json")) {
            problems.add(key + ": " + who + " was refused without problem+json (" + response.getContentType() + ")");
        }
    }

    private static String body(MockHttpServletResponse response) {
        try {
            String text = response.getContentAsString();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        } catch (java.io.UnsupportedEncodingException e) {
            return "?";
        }
    }

    /** How much the matrix covered. */
    public record Summary(int operations, int roleRefusals, int requests) {

        @Override
        public String toString() {
            return operations + " operations, " + roleRefusals + " role or organisation refusals, " + requests
                    + " requests";
        }
    }

    private record Refusal(String bearer, Set<Integer> statuses) {}

    /** The expectations of one operation. */
    public static final class Row {

        private final String key;
        private @Nullable Supplier<ApiCall> call;
        private final Map<String, Refusal> refused = new LinkedHashMap<>();
        private TestTokenIssuer.@Nullable Token allowed;
        private @Nullable String allowedName;
        private @Nullable String openBecause;

        private Row(String key) {
            this.key = key;
        }

        /** The request, built when the matrix runs (so it may create the record it needs first). */
        public Row call(Supplier<ApiCall> request) {
            this.call = request;
            return this;
        }

        /** Callers who must get 403 or 404 (as the service prefers: 404 where existence must not show). */
        public Row refuses(String who, TestTokenIssuer.Token token) {
            refused.put(who, new Refusal(token.bearer(), Set.of(403, 404)));
            return this;
        }

        /** A caller who must get exactly this status, e.g. 404 where the record must not be known to exist. */
        public Row refuses(String who, TestTokenIssuer.Token token, int status) {
            refused.put(who, new Refusal(token.bearer(), Set.of(status)));
            return this;
        }

        /** The caller who may make the call; it is sent last and must succeed. */
        public Row allows(String who, TestTokenIssuer.Token token) {
            this.allowed = token;
            this.allowedName = who;
            return this;
        }

        /** Every signed-in member may make the call (only 401s are checked); says why. */
        public Row openToEveryMember(String because) {
            this.openBecause = because;
            return this;
        }
    }
}
