package org.arrival.platform.testing.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
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

    /** Writes the deeply nested values too (up to 600 levels; the default limit of 500 would refuse them here). */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build()).build()).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BadInput() {
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
                        .as((pointer, value) -> valid.withBody(JSON.writeValueAsString(replace(body, pointer, value)))));
                variants.add(Combinators.combine(Arbitraries.of(pointers), Arbitraries.of(pointers), jsonValues(),
                        jsonValues()).as((p1, p2, v1, v2) -> valid.withBody(
                                JSON.writeValueAsString(replace(replace(body, p1, v1), p2, v2)))));
            }
            variants.add(wholeBodies().map(valid::withBody));
        }
        List<String> query = operation.parameters("query").stream().map(ApiOperation.ApiParameter::name)
                .filter(n -> !"caller".equals(n)).toList();
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

    /** JSON values that do not belong where a valid one stood. */
    public static Arbitrary<JsonNode> jsonValues() {
        return Arbitraries.oneOf(
                textValues().map(NODES::stringNode),
                Arbitraries.of(0L, -1L, -5L, Integer.MAX_VALUE + 1L, Long.MIN_VALUE, Long.MAX_VALUE)
                        .map(NODES::numberNode),
                Arbitraries.of("1e400", "-1e400", "0.5", "10.25", "-0.0", "1e-400", "123456789012345678901234567890",
                        "20260101").map(BadInput::parse),
                Arbitraries.of(NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(),
                        parse("[null]"), parse("{\"unexpected\":1}"), parse("[\"a\",1,true]")),
                Arbitraries.integers().between(2, 600).map(BadInput::nested));
    }

    /** Texts a hostile or careless client sends. */
    public static Arbitrary<String> textValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u0000", "a\u0000b", "line\u0007bell", "esc\u001b[31m", "del\u007f",
                        "c1\u0085", "\ud800", "lone \udfff low", "\ufffe", "\u202eevil", "\u00a0", "emoji 🙂",
                        "'; DROP TABLE action; --", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")",
                        "+cmd|' /C calc'!A0", "../../etc/passwd", "%00", "%ED%A0%80", "null", "NaN", "Infinity",
                        "-1", "1e400", "0x10", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
                        "3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f", "+999999999-12-31", "-999999999-01-01",
                        "0000-01-01", "2026-02-30", "2026-13-01", "1899-12-31", "2201-01-01", "99999-01-01",
                        "2026-01-01T25:00:00Z", "+999999999-12-31T23:59:59Z", "P-1D", "lowercase", "UNKNOWN_VALUE",
                        "passport A1234567", "call 0772 123456", "amina@example.org", "born 12 March 1991"),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.integers().between(1_000, 200_000).map("x"::repeat));
    }

    private static Arbitrary<String> pathValues() {
        return Arbitraries.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", "a%00b", "%ED%A0%80",
                "..", "%2e%2e", "3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f", "-1", "1e400", "x".repeat(5000),
                "%E2%80%AE", "9999999999999999999999");
    }

    private static Arbitrary<String> ifMatchValues() {
        return Arbitraries.of("", "*", "\"\"", "\"-1\"", "W/\"1\"", "\"99999999999999999999\"", "garbage",
                "\"1\", \"2\"", "\"9999\"");
    }

    private static Arbitrary<String> wholeBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "null", "[]", "{", "}", "\"text\"", "42", "{\"a\":1,\"a\":2}", "[{}]",
                        "{\"\u0000\":1}", "\ud800", "{}"),
                Arbitraries.integers().between(500, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(500, 5_000).map(
                        depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.stringNode("deep");
        for (int i = 0; i < depth; i++) {
            ArrayNode array = NODES.arrayNode();
            array.add(node);
            node = array;
        }
        return node;
    }

    private static JsonNode parse(String json) {
        return JSON.readTree(json);
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

    private static JsonNode replace(JsonNode document, String pointer, JsonNode value) {
        JsonNode copy = document.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array && last.chars().allMatch(Character::isDigit)
                && Integer.parseInt(last) < array.size()) {
            array.set(Integer.parseInt(last), value);
        }
        return copy;
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
