package org.arrival.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.arrival.contracts.ContractFiles.SchemaNode;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ContributionKind;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.contracts.actionplans.NupPhase;
import org.arrival.contracts.actionplans.ParticipantRole;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.PlanType;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.InputKind;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.RoundStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.contracts.registry.AttendanceStatus;
import org.arrival.contracts.registry.DecisionMethod;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.contracts.registry.FormalStatus;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.ReferencedRecordKind;
import org.arrival.contracts.registry.SeatType;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The schemas, the catalogue and the payload records describe the same contract. */
class SchemaCoverageTest {

    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(
            Sector.class,
            PopulationGroup.class,
            StakeholderType.class,
            GovernmentLevel.class,
            StakeholderStatus.class,
            FormalStatus.class,
            ForumType.class,
            ForumStatus.class,
            SeatType.class,
            MembershipStatus.class,
            RoundStatus.class,
            NeedStatus.class,
            Severity.class,
            BarrierType.class,
            InputKind.class,
            PlanType.class,
            NupPhase.class,
            PlanStatus.class,
            ActionKind.class,
            ActionOrientation.class,
            ActionStatus.class,
            ReportingCadence.class,
            ParticipantRole.class,
            Rag.class,
            MilestoneStatus.class,
            ContributionKind.class,
            CoherenceCheckCode.class,
            FlagStatus.class,
            FlagSeverity.class,
            FlaggedRecordKind.class,
            MeetingStatus.class,
            AttendanceStatus.class,
            ReferencedRecordKind.class,
            DecisionType.class,
            DecisionMethod.class,
            AssignmentStatus.class);

    /**
     * Closed sets of codes that a record carries as a {@code String} (no Java enum), by their schema
     * {@code $defs} name; the values are the ones the record's documentation lists.
     */
    private static final Map<String, List<String>> STRING_CODES = Map.of(
            "DisaggregationDimension", List.of("SEX", "AGE_BAND", "DISABILITY"),
            "ConsolidatedAnswer", List.of("N", "S"),
            "InputSubjectType", List.of("ROUND", "NEED"));

    static List<EventTypeDefinition> types() {
        return EventCatalogue.instance().eventTypes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyTypeHasASchemaAndAnExample(EventTypeDefinition type) {
        assertThat(ContractFiles.ROOT.resolve(type.schema())).isRegularFile();
        assertThat(ContractFiles.list(ContractFiles.ROOT.resolve(type.examples()), ".json"))
                .as("examples of %s in %s", type.type(), type.examples())
                .isNotEmpty();
        assertThat(type.payload().isRecord())
                .as("%s is a record", type.payload())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schemaIsDraft2020WithItsOwnId(EventTypeDefinition type) {
        JsonNode schema = ContractFiles.json(ContractFiles.ROOT.resolve(type.schema()));
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(EventContractValidator.SCHEMA_BASE_IRI + type.schema());
        assertThat(schema.path("title").asString()).isEqualTo(type.type());
    }

    /**
     * Property names, required primitives, nested records and enums of the schema mirror the record, and exactly the
     * components the schema does not require are {@code @Nullable}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schemaMirrorsThePayloadRecord(EventTypeDefinition type) {
        List<String> problems = new ArrayList<>();
        compare(
                type.payload(),
                new SchemaNode(
                        ContractFiles.ROOT.resolve(type.schema()),
                        ContractFiles.json(ContractFiles.ROOT.resolve(type.schema()))),
                type.payload().getSimpleName(),
                problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everySchemaFileIsUsed() {
        Set<Path> bySchema = new HashSet<>();
        types().forEach(t -> bySchema.add(ContractFiles.ROOT.resolve(t.schema()).normalize()));
        Set<Path> referenced = new HashSet<>();
        for (Path file : ContractFiles.list(ContractFiles.SCHEMAS, ".schema.json")) {
            collectRefs(file, ContractFiles.json(file), referenced);
        }
        for (Path file : ContractFiles.list(ContractFiles.SCHEMAS, ".schema.json")) {
            Path normalised = file.normalize();
            if (file.getFileName().toString().equals("defs.schema.json")) {
                assertThat(referenced)
                        .as("%s is referenced by some schema", file)
                        .contains(normalised);
            } else {
                assertThat(bySchema)
                        .as("%s is referenced by the catalogue", file)
                        .contains(normalised);
            }
            JsonNode schema = ContractFiles.json(file);
            String relative = ContractFiles.ROOT.relativize(file).toString().replace('\\', '/');
            assertThat(schema.path("$id").asString()).isEqualTo(EventContractValidator.SCHEMA_BASE_IRI + relative);
        }
    }

    @Test
    void everySchemaEnumEqualsItsJavaEnum() {
        Map<String, List<String>> java = new java.util.HashMap<>();
        ENUMS.forEach(e -> java.put(
                e.getSimpleName(),
                Arrays.stream(e.getEnumConstants()).map(Enum::name).toList()));
        assertThat(STRING_CODES.keySet())
                .as("string code sets are not named like Java enums")
                .doesNotContainAnyElementsOf(java.keySet());
        java.putAll(STRING_CODES);
        Set<String> seen = new HashSet<>();
        for (Path file : ContractFiles.list(ContractFiles.SCHEMAS, ".schema.json")) {
            JsonNode defs = ContractFiles.json(file).path("$defs");
            for (String name : defs.propertyNames()) {
                JsonNode def = defs.get(name);
                if (def.has("enum")) {
                    assertThat(java)
                            .as("%s#%s names a Java enum or a string code set", file, name)
                            .containsKey(name);
                    List<String> values = def.get("enum")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList();
                    assertThat(values).as("%s#%s", file, name).isEqualTo(java.get(name));
                    seen.add(name);
                }
            }
            assertThat(enumsOutsideDefs(ContractFiles.json(file), false))
                    .as("inline enums in %s", file)
                    .isZero();
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(java.keySet());
    }

    private static int enumsOutsideDefs(JsonNode node, boolean defEntry) {
        int count = node.isObject() && node.has("enum") && !defEntry ? 1 : 0;
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                boolean defs = name.equals("$defs");
                for (JsonNode child : defs ? List.copyOf(node.get(name).values()) : List.of(node.get(name))) {
                    count += enumsOutsideDefs(child, defs);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                count += enumsOutsideDefs(child, false);
            }
        }
        return count;
    }

    private static void collectRefs(Path file, JsonNode node, Set<Path> into) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asString();
            String filePart = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            if (!filePart.isEmpty()) {
                into.add(file.getParent().resolve(filePart).normalize());
            }
            // also proves that the reference resolves
            new SchemaNode(file, node).deref();
        }
        for (JsonNode child : node.isContainer() ? List.copyOf(node.values()) : List.<JsonNode>of()) {
            collectRefs(file, child, into);
        }
    }

    private static void compare(Class<?> record, SchemaNode schemaRef, String path, List<String> problems) {
        SchemaNode schema = schemaRef.deref();
        JsonNode node = schema.node();
        if (!node.path("type").asString().equals("object")
                || !node.path("additionalProperties").isBoolean()
                || node.path("additionalProperties").asBoolean()) {
            problems.add(path + ": must be type object with additionalProperties false");
        }
        Set<String> required = new HashSet<>();
        node.path("required").forEach(r -> required.add(r.asString()));
        List<String> components = Stream.of(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        List<String> properties = List.copyOf(node.path("properties").propertyNames());
        if (!new HashSet<>(components).equals(new HashSet<>(properties))) {
            problems.add(path + ": schema properties " + properties + " differ from record components " + components);
        }
        if (!components.containsAll(required)) {
            problems.add(path + ": required " + required + " names fields the record does not have");
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            String at = path + "." + name;
            if (!node.path("properties").has(name)) {
                continue;
            }
            SchemaNode property = schema.child("properties", name);
            if (component.getType().isPrimitive() && !required.contains(name)) {
                problems.add(at + ": primitive " + component.getType() + " is always present, so must be required");
            }
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (nullable == required.contains(name)) {
                problems.add(
                        at + (nullable ? ": required, so must not be @Nullable" : ": optional, so must be @Nullable"));
            }
            compareValue(component.getType(), component.getGenericType(), property, at, problems);
        }
    }

    private static void compareValue(
            Class<?> type, Type generic, SchemaNode propertyRef, String at, List<String> problems) {
        SchemaNode property = propertyRef.deref();
        JsonNode node = property.node();
        String schemaType = node.path("type").asString();
        if (type.isRecord()) {
            compare(type, property, at, problems);
        } else if (List.class.isAssignableFrom(type)) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            if (!schemaType.equals("array")) {
                problems.add(at + ": a list must be an array");
            } else {
                compareValue((Class<?>) element, element, property.child("items"), at + "[]", problems);
            }
        } else if (type.isEnum()) {
            List<String> expected = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            List<String> actual =
                    node.path("enum").valueStream().map(JsonNode::asString).toList();
            if (!expected.equals(actual)) {
                problems.add(at + ": enum " + actual + " differs from " + type.getSimpleName() + " " + expected);
            }
        } else {
            String expectedType = type == boolean.class || type == Boolean.class
                    ? "boolean"
                    : type == long.class || type == int.class || type == Long.class || type == Integer.class
                            ? "integer"
                            : type == double.class || type == Double.class || type == BigDecimal.class
                                    ? "number"
                                    : "string";
            if (!expectedType.equals(schemaType)) {
                problems.add(at + ": type " + schemaType + " but the record has " + type.getSimpleName());
            }
            String expectedFormat = type == UUID.class ? "uuid" : type == LocalDate.class ? "date" : null;
            if (expectedFormat != null
                    && !expectedFormat.equals(node.path("format").asString(null))) {
                problems.add(at + ": " + type.getSimpleName() + " needs format " + expectedFormat);
            }
            if (type == BigDecimal.class
                    && !(node.path("minimum").isNumber()
                            && node.path("multipleOf").isNumber())) {
                problems.add(at + ": BigDecimal is money: needs a minimum and a multipleOf");
            }
            if (node.has("type") && node.get("type").isArray()) {
                problems.add(at + ": must not allow null");
            }
            if (node.has("enum") && !expectedType.equals("string")) {
                problems.add(at + ": only strings may have a closed set of values");
            }
        }
    }
}
