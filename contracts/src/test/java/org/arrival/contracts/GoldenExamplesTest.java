package org.arrival.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.arrival.contracts.ContractFiles.Example;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every golden example, old ones included, must satisfy the current schema and the current payload record. */
class GoldenExamplesTest {

    private static final EventContractValidator VALIDATOR = EventContractValidator.shared();

    /**
     * Compares scalars as {@link JsonNode#equals} does, except that two numbers are equal when their values are: a
     * {@code Double} component writes {@code 0} back as {@code 0.0} and a {@code BigDecimal} keeps its scale, and
     * neither changes what the payload says. Objects and arrays are still compared field by field and item by item.
     */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static List<Example> examples() {
        return ContractFiles.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstItsSchema(Example example) {
        assertThat(VALIDATOR.violations(example.type().type(), ContractFiles.bytes(example.file())))
                .isEmpty();
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
        assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
                .as(
                        "record %s re-serialised%n  expected: %s%n  actual:   %s",
                        example.type().payload().getSimpleName(), expected, actual)
                .isTrue();
    }

    /**
     * Rules JSON Schema cannot state, checked on every example: a score's points never exceed its maximum (nor
     * its assessed maximum, which never exceeds the maximum), no more questions are assessed than there are, a
     * respondent never answers more questions than the checklist has, checklist codes nest (question
     * {@code 1.1.a} belongs to action {@code 1.1}, which belongs to recommendation {@code R1}), a funding gap is
     * required - committed and never below zero, and periods do not end before they start.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void keepsTheRulesItsSchemaCannotExpress(Example example) {
        List<String> problems = new ArrayList<>();
        crossFieldRules(ContractFiles.json(example.file()), "$", problems);
        assertThat(problems).isEmpty();
    }

    private static void crossFieldRules(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            if (node.path("points").isNumber()
                    && node.path("max").isNumber()
                    && node.get("points").asDouble() > node.get("max").asDouble()) {
                problems.add(at + ": points " + node.get("points") + " exceed max " + node.get("max"));
            }
            if (node.path("assessedMax").isNumber()
                    && node.path("max").isNumber()
                    && (node.path("points").asDouble() > node.get("assessedMax").asDouble()
                            || node.get("assessedMax").asLong()
                                    > node.get("max").asLong())) {
                problems.add(at + ": points " + node.get("points") + ", assessedMax " + node.get("assessedMax")
                        + " and max " + node.get("max") + " are not in that order");
            }
            if (node.path("questionsAssessed").isNumber()
                    && node.path("questions").isNumber()
                    && node.get("questionsAssessed").asLong()
                            > node.get("questions").asLong()) {
                problems.add(
                        at + ": " + node.get("questionsAssessed") + " questions assessed of " + node.get("questions"));
            }
            if (node.path("answered").isNumber()
                    && node.path("questions").isNumber()
                    && node.get("answered").asLong() > node.get("questions").asLong()) {
                problems.add(at + ": answered " + node.get("answered") + " of " + node.get("questions"));
            }
            String recommendation = node.path("recommendationCode").asString(null);
            String action = node.path("actionCode").asString(null);
            String question = node.path("questionCode").asString(null);
            if (question != null && action != null && !question.startsWith(action + ".")) {
                problems.add(at + ": question " + question + " is not under action " + action);
            }
            if (action != null && recommendation != null && !action.startsWith(recommendation.substring(1) + ".")) {
                problems.add(at + ": action " + action + " is not under recommendation " + recommendation);
            }
            if (node.path("code").asString("").startsWith("R")
                    && node.path("actions").isArray()) {
                String prefix = node.get("code").asString().substring(1) + ".";
                node.get("actions").forEach(a -> {
                    if (!a.path("code").asString().startsWith(prefix)) {
                        problems.add(at + ": action " + a.path("code").asString() + " is not under "
                                + node.get("code").asString());
                    }
                });
            }
            if (node.path("gap").isNumber()
                    && node.path("required").isNumber()
                    && node.path("committed").isNumber()) {
                BigDecimal derived = node.get("required")
                        .decimalValue()
                        .subtract(node.get("committed").decimalValue())
                        .max(BigDecimal.ZERO);
                if (node.get("gap").decimalValue().compareTo(derived) != 0) {
                    problems.add(at + ": gap " + node.get("gap") + " is not required - committed (" + derived + ")");
                }
            }
            for (String[] period : new String[][] {{"periodStart", "periodEnd"}, {"startDate", "endDate"}}) {
                String start = node.path(period[0]).asString(null);
                String end = node.path(period[1]).asString(null);
                if (start != null && end != null && start.compareTo(end) > 0) {
                    problems.add(at + ": " + period[0] + " " + start + " is after " + period[1] + " " + end);
                }
            }
            for (String name : node.propertyNames()) {
                crossFieldRules(node.get(name), at + "." + name, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                crossFieldRules(node.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void isNamedByTheConvention(Example example) {
        assertThat(example.file().getFileName().toString()).matches("[0-9]{3}-[a-z0-9]+(-[a-z0-9]+)*\\.json");
    }
}
