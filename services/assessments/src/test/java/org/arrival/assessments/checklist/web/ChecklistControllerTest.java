package org.arrival.assessments.checklist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.arrival.assessments.checklist.reference.InstrumentCatalogue;
import org.arrival.platform.web.RecordNotFound;
import org.junit.jupiter.api.Test;

/** The controller's mapping, exercised as a plain object (the HTTP layer is covered by the service's integration tests). */
class ChecklistControllerTest {

    private final ChecklistController controller = new ChecklistController(InstrumentCatalogue.bundled());

    @Test
    void currentCarriesMaximaAtEveryLevel() {
        InstrumentView view = controller.current();
        assertThat(view.id()).isEqualTo("un-habitat-urban-migration-checklist");
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.maxScore()).isEqualTo(190);
        assertThat(view.scoring())
                .containsExactly(java.util.Map.entry("Y", 2), java.util.Map.entry("S", 1), java.util.Map.entry("N", 0));
        assertThat(view.source().citation()).contains("UN-Habitat (2023)").contains("HS/056/23E");
        assertThat(view.recommendations()).hasSize(10);
        InstrumentView.RecommendationView r8 = view.recommendations().get(7);
        assertThat(r8.code()).isEqualTo("R8");
        assertThat(r8.printedTotal()).isNull();
        assertThat(r8.maxScore()).isEqualTo(20);
        assertThat(r8.themeLabel()).isEqualTo("Funding and technical assistance");
        InstrumentView.ActionView a81 = r8.actions().getFirst();
        assertThat(a81.maxScore()).isEqualTo(8);
        assertThat(a81.questions()).allSatisfy(q -> assertThat(q.maxScore()).isEqualTo(2));
    }

    @Test
    void knownVersion() {
        assertThat(controller.version(1)).isEqualTo(controller.current());
    }

    @Test
    void unknownVersionIsNotFound() {
        assertThatThrownBy(() -> controller.version(99)).isInstanceOf(RecordNotFound.class);
    }
}
