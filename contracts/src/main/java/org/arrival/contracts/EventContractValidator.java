package org.arrival.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks event payloads against the JSON Schema the catalogue assigns to their type. Schemas are read
 * from the class path (their {@code $id}s live under {@link #SCHEMA_BASE_IRI}) and compiled once.
 * Thread-safe.
 */
public final class EventContractValidator {

    /** Base IRI of every schema {@code $id}; mapped onto {@code classpath:arrival/contracts/}. */
    public static final String SCHEMA_BASE_IRI = "https://arrival.example.org/contracts/";

    private static final EventContractValidator SHARED = new EventContractValidator(EventCatalogue.instance());

    private final EventCatalogue catalogue;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public EventContractValidator() {
        this(EventCatalogue.instance());
    }

    public EventContractValidator(EventCatalogue catalogue) {
        this.catalogue = catalogue;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                // format is annotation-only in 2020-12 unless asserted; uuid and date must be enforced
                .formatAssertionsEnabled(true)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaIdResolvers(
                                ids -> ids.mapPrefix(SCHEMA_BASE_IRI, "classpath:" + EventCatalogue.RESOURCE_ROOT)));
    }

    /** A validator over the default catalogue, shared so its compiled schemas are reused. */
    public static EventContractValidator shared() {
        return SHARED;
    }

    /** The contract violations of a payload; empty when it is valid. */
    public List<String> violations(String eventType, byte[] json) {
        Schema schema = schema(eventType);
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(json);
        } catch (JacksonException e) {
            return List.of("$: not a JSON document: " + e.getOriginalMessage());
        }
        return violations(schema, node);
    }

    /** The contract violations of a payload already parsed into a tree; empty when it is valid. */
    public List<String> violations(String eventType, JsonNode json) {
        return violations(schema(eventType), json);
    }

    public void requireValid(String eventType, byte[] json) {
        List<String> violations = violations(eventType, json);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(eventType, violations);
        }
    }

    private static List<String> violations(Schema schema, JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return List.of("$: empty payload");
        }
        return schema.validate(node).stream().map(Object::toString).toList();
    }

    private Schema schema(String eventType) {
        return schemas.computeIfAbsent(eventType, type -> {
            EventTypeDefinition definition = catalogue.type(type);
            Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE_IRI + definition.schema()));
            // resolve all $refs now so a broken reference fails on first use, not on some later payload
            schema.initializeValidators();
            return schema;
        });
    }
}
