package org.arrival.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** Proves the schema checks can fail: each broken copy of a valid example is rejected. */
class NegativeContractTest {

    private static final String REGISTERED = "org.arrival.registry.StakeholderRegistered.v1";
    private static final String GRANTED = "org.arrival.registry.MembershipGranted.v1";
    private final EventContractValidator validator = EventContractValidator.shared();

    @Test
    void theUnchangedExampleIsValid() {
        validator.requireValid(REGISTERED, write(registered(e -> { })));
    }

    @Test
    void rejectsAMissingRequiredField() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).remove("name")), "name");
        assertRejected(REGISTERED, registered(e -> e.remove("actor")), "actor");
    }

    @Test
    void rejectsAnUnknownEnumValue() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).put("type", "SECRET_POLICE")), "type");
        assertRejected(REGISTERED, registered(e -> stakeholder(e).withArray("sectors").add("TOURISM")), "sectors");
    }

    @Test
    void rejectsAnExtraProperty() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).put("nationality", "SS")), "nationality");
        assertRejected(REGISTERED, registered(e -> e.put("comment", "x")), "comment");
    }

    @Test
    void rejectsAMalformedUuid() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).put("stakeholderId", "kcca-001")), "stakeholderId");
    }

    @Test
    void rejectsAMalformedDate() {
        ObjectNode granted = read("examples/registry/MembershipGranted.v1/001-city-chair.json");
        ((ObjectNode) granted.get("membership")).put("termStart", "01/03/2025");
        assertRejected(GRANTED, granted, "termStart");
    }

    @Test
    void rejectsNullForAnOptionalField() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).putNull("acronym")), "acronym");
    }

    @Test
    void rejectsValuesBeyondTheLimits() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).put("name", "x".repeat(301))), "name");
        assertRejected(REGISTERED, registered(e -> ((ObjectNode) stakeholder(e).get("jurisdiction"))
                .put("country", "Uganda")), "country");
    }

    @Test
    void reportsInvalidJson() {
        assertThat(validator.violations(REGISTERED, "{not json".getBytes())).hasSize(1);
    }

    private void assertRejected(String type, ObjectNode payload, String mentioned) {
        assertThat(validator.violations(type, write(payload))).isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains(mentioned));
        assertThatThrownBy(() -> validator.requireValid(type, write(payload)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining(type)
                .satisfies(e -> assertThat(((ContractViolationException) e).violations()).isNotEmpty());
    }

    private static ObjectNode registered(Consumer<ObjectNode> change) {
        ObjectNode node = read("examples/registry/StakeholderRegistered.v1/001-city-authority.json");
        change.accept(node);
        return node;
    }

    private static ObjectNode stakeholder(ObjectNode event) {
        return (ObjectNode) event.get("stakeholder");
    }

    private static ObjectNode read(String path) {
        return (ObjectNode) ContractFiles.json(ContractFiles.ROOT.resolve(path));
    }

    private static byte[] write(ObjectNode node) {
        return ContractFiles.JSON.writeValueAsBytes(node);
    }
}
