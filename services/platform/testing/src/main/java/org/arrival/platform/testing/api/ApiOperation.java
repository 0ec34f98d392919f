package org.arrival.platform.testing.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI description.
 *
 * @param body the schema of its JSON request body (references resolved at the top level), or null
 * @param example the example request body the description gives, or null
 */
public record ApiOperation(
        String method,
        String path,
        String operationId,
        List<ApiParameter> parameters,
        @Nullable JsonNode body,
        @Nullable JsonNode example) {

    /** {@code METHOD /path/{var}}, the key of the operation in tables of expectations. */
    public String key() {
        return method + " " + path;
    }

    public boolean writes() {
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }

    public List<ApiParameter> parameters(String in) {
        return parameters.stream().filter(p -> p.in().equals(in)).toList();
    }

    /** A parameter of the operation, with its schema. */
    public record ApiParameter(String name, String in, boolean required, JsonNode schema) {}
}
