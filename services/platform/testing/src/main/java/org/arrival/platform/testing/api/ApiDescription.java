package org.arrival.platform.testing.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's own OpenAPI description, read from {@code /v3/api-docs} as any client would. */
public final class ApiDescription {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final List<ApiOperation> operations;

    private ApiDescription(JsonNode document) {
        this.document = document;
        List<ApiOperation> all = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<ApiOperation.ApiParameter> parameters = new ArrayList<>();
                op.path("parameters")
                        .forEach(p -> parameters.add(new ApiOperation.ApiParameter(
                                p.path("name").asString(),
                                p.path("in").asString(),
                                p.path("required").asBoolean(false),
                                resolve(p.path("schema")))));
                JsonNode json = op.path("requestBody").path("content").path("application/json");
                JsonNode body = json.get("schema");
                all.add(new ApiOperation(
                        method.toUpperCase(Locale.ROOT),
                        path.getKey(),
                        op.path("operationId").asString(""),
                        List.copyOf(parameters),
                        body == null ? null : resolve(body),
                        json.get("example")));
            }
        });
        this.operations = List.copyOf(all);
    }

    public static ApiDescription of(MockMvc mvc) {
        try {
            return read(
                    mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        } catch (Exception e) {
            throw new IllegalStateException("the service's OpenAPI description could not be read", e);
        }
    }

    static ApiDescription read(String json) {
        return new ApiDescription(JSON.readTree(json));
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    public ApiOperation operation(String key) {
        return operations.stream()
                .filter(o -> o.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + key + " in the API description"));
    }

    /** The schema a {@code $ref} points at (the schema itself when it is no reference). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
