package org.arrival.assessments.spreadsheets.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.junit.jupiter.api.Test;

class RecordChangesTest {

    @Test
    void aRowChangesTheFieldsWhoseCellsDifferInTheOrderOfTheSheet() {
        List<RowChange> changes = new RecordChanges()
                .field("statement", "Water", "Water")
                .field("method", null, "")
                .field("severity", Severity.values()[0], Severity.values()[1])
                .area(new Jurisdiction("UG", null, null, "Kampala"), new Jurisdiction("UG", "UG-C", null, null))
                .set(
                        "populationGroups",
                        List.of(PopulationGroup.values()[0], PopulationGroup.values()[1]),
                        List.of(PopulationGroup.values()[1], PopulationGroup.values()[0]))
                .list("evidenceReferences", List.of("a", "b"), List.of("b", "a"))
                .field("registered", 5, 6)
                .changes();

        assertThat(changes)
                .containsExactly(
                        new RowChange("severity", Severity.values()[0].name(), Severity.values()[1].name()),
                        new RowChange("subdivision", null, "UG-C"),
                        new RowChange("areaName", "Kampala", null),
                        new RowChange("evidenceReferences", "a;b", "b;a"),
                        new RowChange("registered", "5", "6"));
    }
}
