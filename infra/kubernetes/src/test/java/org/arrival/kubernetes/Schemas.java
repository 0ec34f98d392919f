package org.arrival.kubernetes;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schemas of the kinds the chart may render, kept as files under {@code schemas/<group>/<version>/<Kind>.json}
 * ({@code core} for the core group). They are made strict when read: an object schema that lists its properties and
 * neither says what else it takes nor keeps unknown fields ({@code x-kubernetes-preserve-unknown-fields}) takes no
 * other property, as {@code kubectl apply --validate=strict} and the API server's strict field validation refuse
 * unknown fields.
 */
final class Schemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private final SchemaRegistry registry;
    private final Map<String, Schema> loaded = new HashMap<>();

    Schemas(Path directory) {
        this.directory = directory;
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // Kubernetes formats (int-or-string, quantity, byte) are not JSON Schema's
                        .formatAssertionsEnabled(false)
                        .build()));
    }

    /** What is wrong with one rendered object; empty when its kind is known and it validates. */
    List<String> problems(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        String name = String.valueOf(Tree.map(object.get("metadata")).get("name"));
        Schema schema = schema(apiVersion, kind);
        if (schema == null) {
            return List.of(kind + " " + name + ": no schema for kind " + kind + " of apiVersion " + apiVersion
                    + " (unknown kind or apiVersion)");
        }
        JsonNode node = JSON.valueToTree(object);
        return schema.validate(node).stream()
                .map(error -> kind + " " + name + ": schema violation: " + error)
                .toList();
    }

    private synchronized Schema schema(String apiVersion, String kind) {
        String[] parts = apiVersion.split("/");
        String group = parts.length == 2 ? parts[0] : "core";
        String version = parts[parts.length - 1];
        Path file = directory.resolve(group).resolve(version).resolve(kind + ".json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return loaded.computeIfAbsent(file.toString(), key -> {
            JsonNode tree = JSON.readTree(file.toFile());
            // the Kubernetes files name the draft-less "schema#"; every file is read as draft 7
            ObjectNode root = (ObjectNode) tree;
            root.remove("$schema");
            // the API server takes these of every object; some operators' schemas leave them out
            ObjectNode properties = root.withObjectProperty("properties");
            if (!properties.has("apiVersion")) {
                properties.putObject("apiVersion").put("type", "string");
            }
            if (!properties.has("kind")) {
                properties.putObject("kind").put("type", "string");
            }
            if (!properties.has("metadata")) {
                properties.putObject("metadata").put("type", "object");
            }
            strict(root);
            Schema schema = registry.getSchema(tree);
            schema.initializeValidators();
            return schema;
        });
    }

    /** Closes each object schema reached through properties, items or additionalProperties (not inside *Of). */
    static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        JsonNode properties = node.get("properties");
        if (properties instanceof ObjectNode props) {
            props.values().forEach(Schemas::strict);
            if (!node.has("additionalProperties")
                    && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                node.put("additionalProperties", false);
            }
        }
        strict(node.get("items"));
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            strict(additional);
        }
    }
}
