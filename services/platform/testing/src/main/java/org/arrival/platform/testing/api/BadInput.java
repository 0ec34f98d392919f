package org.arrival.platform.testing.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.arrival.platform.testing.TestTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators (jqwik) of hostile variants of a valid request: one value of its body replaced by a wrong type, a
 * control character, a lone surrogate, a huge or deeply nested value, a number where an enum or a date belongs, an
 * extreme date or count; the whole body replaced by something that is not the expected document; a query parameter
 * or a path variable given a hostile value; a hostile {@code If-Match}. The operation's description says which query
 * parameters exist; the valid request says where the values of the body are.
 */
public final class BadInput {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PLACEHOLDER = "hostile-value-placeholder-";

    private BadInput() {}

    /** A valid request of an operation ({@code METHOD /path/{var}}) and the caller who may make it. */
    public record Template(String operation, ApiCall call, TestTokenIssuer.Token caller) {}

    /** A hostile variant of a template's request, sent by the template's caller. */
    public record Variant(String operation, ApiCall call, TestTokenIssuer.Token caller) {

        @Override
        public String toString() {
            return call.toString();
        }
    }

    /**
     * Hostile variants of every template's request, the operations taken from the service's own description: an
     * operation drawn evenly, then one of its variants.
     */
    public static Arbitrary<Variant> variants(ApiDescription api, List<Template> templates) {
        List<Arbitrary<Variant>> all = new ArrayList<>();
        for (Template t : templates) {
            all.add(around(api.operation(t.operation()), t.call()).map(c -> new Variant(t.operation(), c, t.caller())));
        }
        return Arbitraries.of(all).flatMap(a -> a);
    }

    /** Hostile variants of {@code valid}, a request the operation accepts. */
    public static Arbitrary<ApiCall> around(ApiOperation operation, ApiCall valid) {
        List<Arbitrary<ApiCall>> variants = new ArrayList<>();
        if (valid.body() != null) {
            JsonNode body = JSON.readTree(valid.body());
            List<String> pointers = new ArrayList<>();
            collect(body, "", pointers);
            if (!pointers.isEmpty()) {
                variants.add(Combinators.combine(Arbitraries.of(pointers), jsonValues())
                        .as((pointer, value) -> valid.withBody(replace(body, pointer, value))));
                variants.add(Combinators.combine(
                                Arbitraries.of(pointers), Arbitraries.of(pointers), jsonValues(), jsonValues())
                        .as((p1, p2, v1, v2) -> valid.withBody(replace(body, p1, v1, p2, v2))));
            }
            variants.add(wholeBodies().map(valid::withBody));
        }
        List<String> query = operation.parameters("query").stream()
                .map(ApiOperation.ApiParameter::name)
                .filter(n -> !"caller".equals(n))
                .toList();
        if (!query.isEmpty()) {
            variants.add(Combinators.combine(Arbitraries.of(query), textValues())
                    .as((name, value) -> valid.withPath(withQuery(valid.path(), name, value))));
        }
        List<Integer> variables = variableSegments(operation.path());
        if (!variables.isEmpty()) {
            variants.add(Combinators.combine(Arbitraries.of(variables), pathValues())
                    .as((index, value) -> valid.withPath(replaceSegment(valid.path(), index, value))));
        }
        if (operation.writes()) {
            variants.add(ifMatchValues().map(valid::ifMatch));
        }
        return Arbitraries.oneOf(variants);
    }

    /** JSON values (as JSON text) that do not belong where a valid one stood. */
    public static Arbitrary<String> jsonValues() {
        return Arbitraries.oneOf(
                textValues().map(BadInput::jsonString),
                Arbitraries.of(
                        "0",
                        "-1",
                        "-5",
                        "2147483648",
                        "-9223372036854775808",
                        "9223372036854775807",
                        "1e400",
                        "-1e400",
                        "0.5",
                        "10.25",
                        "-0.0",
                        "1e-400",
                        "123456789012345678901234567890",
                        "20260101",
                        "true",
                        "null",
                        "{}",
                        "[]",
                        "[null]",
                        "{\"unexpected\":1}",
                        "[\"a\",1,true]"),
                Arbitraries.integers()
                        .between(2, 3_000)
                        .map(depth -> "[".repeat(depth) + "\"deep\"" + "]".repeat(depth)));
    }

    /** Texts a hostile or careless client sends. */
    public static Arbitrary<String> textValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "\u0000",
                        "a\u0000b",
                        "line\u0007bell",
                        "esc\u001b[31m",
                        "del\u007f",
                        "c1\u0085",
                        "\ud800",
                        "lone \udfff low",
                        "\ufffe",
                        "\u202eevil",
                        "\u00a0",
                        "emoji 🙂",
                        "'; DROP TABLE action; --",
                        "<script>alert(1)</script>",
                        "=HYPERLINK(\"http://x\")",
                        "+cmd|' /C calc'!A0",
                        "../../etc/passwd",
                        "%00",
                        "%ED%A0%80",
                        "null",
                        "NaN",
                        "Infinity",
                        "-1",
                        "1e400",
                        "0x10",
                        "not-a-uuid",
                        "00000000-0000-0000-0000-000000000000",
                        "3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f",
                        "+999999999-12-31",
                        "-999999999-01-01",
                        "0000-01-01",
                        "2026-02-30",
                        "2026-13-01",
                        "1899-12-31",
                        "2201-01-01",
                        "99999-01-01",
                        "2026-01-01T25:00:00Z",
                        "+999999999-12-31T23:59:59Z",
                        "P-1D",
                        "lowercase",
                        "UNKNOWN_VALUE",
                        "passport A1234567",
                        "call 0772 123456",
                        "amina@example.org",
                        "born 12 March 1991"),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMinLength(1)
                        .ofMaxLength(5),
                Arbitraries.strings()
                        .withCharRange('\ud800', '\udfff')
                        .ofMinLength(1)
                        .ofMaxLength(3),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.integers().between(1_000, 200_000).map("x"::repeat));
    }

    private static Arbitrary<String> pathValues() {
        return Arbitraries.of(
                "not-a-uuid",
                "00000000-0000-0000-0000-000000000000",
                "%00",
                "a%00b",
                "%ED%A0%80",
                "..",
                "%2e%2e",
                "3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f",
                "-1",
                "1e400",
                "x".repeat(5000),
                "%E2%80%AE",
                "9999999999999999999999");
    }

    private static Arbitrary<String> ifMatchValues() {
        return Arbitraries.of(
                "",
                "*",
                "\"\"",
                "\"-1\"",
                "W/\"1\"",
                "\"99999999999999999999\"",
                "garbage",
                "\"1\", \"2\"",
                "\"9999\"");
    }

    private static Arbitrary<String> wholeBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "null",
                        "[]",
                        "{",
                        "}",
                        "\"text\"",
                        "42",
                        "{\"a\":1,\"a\":2}",
                        "[{}]",
                        "{\"\u0000\":1}",
                        "\"\\ud800\"",
                        "{\"\\u0000\":1}",
                        "{}"),
                Arbitraries.integers().between(500, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers()
                        .between(500, 5_000)
                        .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
    }

    /** A JSON string with everything outside printable ASCII escaped, so lone surrogates reach the server as such. */
    static String jsonString(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** JSON pointers of every value in the document (objects and arrays included, the root excluded). */
    private static void collect(JsonNode node, String pointer, List<String> pointers) {
        if (!pointer.isEmpty()) {
            pointers.add(pointer);
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), pointer + "/" + e.getKey(), pointers));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, pointers);
            }
        }
    }

    /** The document with the values at the pointers replaced by raw JSON texts (which may be deeper than a writer allows). */
    private static String replace(JsonNode document, String... pointersAndValues) {
        JsonNode copy = document.deepCopy();
        for (int i = 0; i < pointersAndValues.length; i += 2) {
            String pointer = pointersAndValues[i];
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
            String last = pointer.substring(slash + 1);
            JsonNode placeholder = NODES.stringNode(PLACEHOLDER + i);
            if (parent instanceof ObjectNode object) {
                object.set(last, placeholder);
            } else if (parent instanceof ArrayNode array
                    && last.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(last) < array.size()) {
                array.set(Integer.parseInt(last), placeholder);
            }
        }
        String json = copy.toString();
        for (int i = 0; i < pointersAndValues.length; i += 2) {
            json = json.replace("\"" + PLACEHOLDER + i + "\"", pointersAndValues[i + 1]);
        }
        return json;
    }

    private static String withQuery(String path, String name, String value) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return path + (path.contains("?") ? "&" : "?") + encoded;
    }

    /** Indexes of the path segments that are variables in the template. */
    private static List<Integer> variableSegments(String template) {
        String[] segments = template.split("/");
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static String replaceSegment(String path, int index, String value) {
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q);
            path = path.substring(0, q);
        }
        String[] segments = path.split("/");
        if (index < segments.length) {
            segments[index] = value;
        }
        return String.join("/", segments) + query;
    }
}
