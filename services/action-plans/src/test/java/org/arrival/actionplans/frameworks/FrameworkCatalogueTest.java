package org.arrival.actionplans.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.arrival.actionplans.frameworks.domain.FrameworkCatalogue;
import org.arrival.actionplans.frameworks.domain.FrameworkItem;
import org.arrival.actionplans.frameworks.reference.FrameworkReader;
import org.arrival.platform.web.InvalidInput;
import org.junit.jupiter.api.Test;

class FrameworkCatalogueTest {

    private final FrameworkCatalogue catalogue = FrameworkReader.bundled();

    @Test
    void holdsTheGuidesTenRecommendationsTheGcmsTwentyThreeObjectivesAndTheGcrsFour() {
        assertThat(catalogue.items("UNH").stream()
                        .filter(i -> i.parent() == null)
                        .map(FrameworkItem::code))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 10).mapToObj(i -> "UNH-R" + i).toList());
        assertThat(catalogue.items("GCM"))
                .extracting(FrameworkItem::code)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 23).mapToObj(i -> "GCM-" + i).toList());
        assertThat(catalogue.items("GCR"))
                .extracting(FrameworkItem::code)
                .containsExactly(
                        "GCR-EASE-PRESSURE", "GCR-SELF-RELIANCE", "GCR-THIRD-COUNTRY", "GCR-RETURN-CONDITIONS");
        assertThat(catalogue.items("SDG"))
                .extracting(FrameworkItem::code)
                .contains(
                        "SDG-10.7",
                        "SDG-11.1",
                        "SDG-11.3",
                        "SDG-11.a",
                        "SDG-17.18",
                        "SDG-1.3",
                        "SDG-5.5",
                        "SDG-8.8",
                        "SDG-10.2",
                        "SDG-16.9");
        assertThat(catalogue.find("UNH-R2.1"))
                .hasValueSatisfying(i -> assertThat(i.parent()).isEqualTo("UNH-R2"));
        assertThat(catalogue.items()).allSatisfy(i -> {
            assertThat(FrameworkItem.CODE.matcher(i.code()).matches())
                    .as(i.code())
                    .isTrue();
            assertThat(i.title()).isNotBlank();
        });
    }

    @Test
    void refusesUnknownCodesNamingEachOne() {
        catalogue.requireKnown(List.of("SDG-11.1", "GCM-15"));
        assertThatThrownBy(() -> catalogue.requireKnown(List.of("SDG-11.1", "SDG-99.9", "NUA-999")))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("SDG-99.9")
                .hasMessageContaining("NUA-999")
                .hasMessageNotContaining("SDG-11.1,");
    }

    @Test
    void aBrokenCatalogueIsRefusedWithEveryProblem() {
        String yaml = """
                id: broken
                version: 1
                frameworks:
                  - id: SDG
                    title: goals
                items:
                  - code: SDG-11.1
                    title: housing
                  - code: SDG-11.1
                    title: again
                  - code: GCM-24
                    title: not an objective
                  - code: UNH-R3.1
                    title: orphan action
                """;
        assertThatThrownBy(() ->
                        FrameworkReader.read("broken", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SDG-11.1 appears twice")
                .hasMessageContaining("GCM-24")
                .hasMessageContaining("undeclared framework UNH");
    }
}
