package org.arrival.assessments.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.reference.InstrumentCatalogue;
import org.junit.jupiter.api.Test;

/** Loading validates: a broken checklist file is rejected with a message that says what is wrong. */
class InstrumentCatalogueTest {

    @Test
    void bundledCatalogueServesVersionOneAsCurrent() {
        InstrumentCatalogue catalogue = InstrumentCatalogue.bundled();
        assertThat(catalogue.current().version()).isEqualTo(1);
        assertThat(catalogue.current().id()).isEqualTo("un-habitat-urban-migration-checklist");
        assertThat(catalogue.version(1)).contains(catalogue.current());
        assertThat(catalogue.version(2)).isEmpty();
        assertThat(catalogue.all()).hasSize(1);
    }

    @Test
    void currentIsTheHighestVersion() {
        Instrument v1 = InstrumentCatalogue.bundled().current();
        Instrument v2 = new Instrument(v1.id(), 2, v1.title(), v1.source(), v1.recommendations());
        InstrumentCatalogue catalogue = InstrumentCatalogue.of(List.of(v2, v1));
        assertThat(catalogue.current()).isSameAs(v2);
        assertThat(catalogue.version(1)).containsSame(v1);
        assertThat(catalogue.all()).containsExactly(v1, v2);
    }

    @Test
    void rejectsADuplicateCode() {
        assertThatThrownBy(() -> load("checklist-bad/duplicate-code.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checklist-bad/duplicate-code.yaml is invalid")
                .hasMessageContaining("duplicate code 1.1.a");
    }

    @Test
    void rejectsAPrintedTotalTheQuestionsDoNotAddUpTo() {
        assertThatThrownBy(() -> load("checklist-bad/printed-total-mismatch.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checklist-bad/printed-total-mismatch.yaml is invalid")
                .hasMessageContaining("recommendation R1 prints a total of 6 but its actions add up to 4");
    }

    @Test
    void rejectsAPrintedSubtotalTheQuestionsDoNotAddUpTo() {
        assertThatThrownBy(() -> load("checklist-bad/printed-max-mismatch.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("action 1.1 prints a subtotal of 10 but its 2 questions are worth 4");
    }

    @Test
    void rejectsMisfiledCodesEmptyTextAndMissingStakeholders() {
        assertThatThrownBy(() -> load("checklist-bad/malformed-codes.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("action 2.1 is listed under R1; its code must start with 1.")
                .hasMessageContaining("question 1.1.a is listed under action 1.2; its code must start with 1.2.")
                .hasMessageContaining("action 1.2 names no stakeholder group")
                .hasMessageContaining("text of question 1.2.b is empty")
                .hasMessageContaining("question 1.2.c must be phrased as a question ending with '?'");
    }

    @Test
    void reportsAMissingRecommendationTitleWithTheOtherProblems() {
        assertThatThrownBy(() -> load("checklist-bad/untitled-recommendation.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checklist-bad/untitled-recommendation.yaml is invalid")
                .hasMessageContaining("title of recommendation R1 is empty");
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> load("checklist-bad/no-such-file.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checklist-bad/no-such-file.yaml is not on the class path");
    }

    @Test
    void rejectsTwoFilesForOneVersion() {
        assertThatThrownBy(() -> InstrumentCatalogue.fromClasspath(
                        List.of("checklist/un-habitat-2023.v1.yaml", "checklist/un-habitat-2023.v1.yaml")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 1 is defined more than once");
    }

    @Test
    void rejectsVersionsOfDifferentInstruments() {
        Instrument v1 = InstrumentCatalogue.bundled().current();
        Instrument other = new Instrument("another-checklist", 2, v1.title(), v1.source(), v1.recommendations());
        assertThatThrownBy(() -> InstrumentCatalogue.of(List.of(v1, other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must share one instrument id");
    }

    private static InstrumentCatalogue load(String resource) {
        return InstrumentCatalogue.fromClasspath(List.of(resource));
    }
}
