package org.arrival.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.arrival.contracts.ContractFiles.Example;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/** Every golden example, old ones included, must satisfy the current schema and the current payload record. */
class GoldenExamplesTest {

    private static final EventContractValidator VALIDATOR = EventContractValidator.shared();

    static List<Example> examples() {
        return ContractFiles.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstItsSchema(Example example) {
        assertThat(VALIDATOR.violations(example.type().type(), ContractFiles.bytes(example.file()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void roundTripsThroughThePayloadRecordUnchanged(Example example) {
        byte[] original = ContractFiles.bytes(example.file());
        Object payload = EventJson.read(original, example.type().payload());
        byte[] written = EventJson.write(payload);

        assertThat(VALIDATOR.violations(example.type().type(), written)).isEmpty();
        JsonNode expected = ContractFiles.JSON.readTree(original);
        JsonNode actual = ContractFiles.JSON.readTree(written);
        assertThat(actual).as("record %s re-serialised", example.type().payload().getSimpleName()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void isNamedByTheConvention(Example example) {
        assertThat(example.file().getFileName().toString()).matches("[0-9]{3}-[a-z0-9]+(-[a-z0-9]+)*\\.json");
    }
}
