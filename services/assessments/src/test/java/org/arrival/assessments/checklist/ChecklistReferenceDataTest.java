package org.arrival.assessments.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.arrival.assessments.checklist.domain.ChecklistAction;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.domain.Question;
import org.arrival.assessments.checklist.domain.Recommendation;
import org.arrival.assessments.checklist.domain.Theme;
import org.arrival.assessments.checklist.reference.InstrumentCatalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled v1 checklist agrees with the totals the UN-Habitat Guide prints and is well formed. */
class ChecklistReferenceDataTest {

    private static Instrument v1;

    @BeforeAll
    static void load() {
        v1 = InstrumentCatalogue.bundled().version(1).orElseThrow();
    }

    /**
     * Maximum per recommendation, from the Guide's checklists (text export lines in brackets). R4 and R8 print no
     * recommendation total in the export; their expected 20 is the sum of the subtotals the Guide does print
     * (R4: 4 + 10 + 6, L1101/L1109/L1115; R8: 8 + 8 + 4, L1587/L1597/L1602).
     */
    static Stream<Arguments> guideTotals() {
        return Stream.of(
                Arguments.of("R1", 24, Theme.DATA_MANAGEMENT_AND_PLANNING), // L728
                Arguments.of("R2", 24, Theme.DATA_MANAGEMENT_AND_PLANNING), // L871
                Arguments.of("R3", 20, Theme.GOVERNANCE_AND_INSTITUTIONAL_COORDINATION), // L1008
                Arguments.of("R4", 20, Theme.GOVERNANCE_AND_INSTITUTIONAL_COORDINATION), // not printed
                Arguments.of("R5", 12, Theme.MULTISTAKEHOLDER_PARTNERSHIPS_AND_COMMUNITY_PARTICIPATION), // L1260
                Arguments.of("R6", 12, Theme.MULTISTAKEHOLDER_PARTNERSHIPS_AND_COMMUNITY_PARTICIPATION), // L1365
                Arguments.of("R7", 18, Theme.FUNDING_AND_TECHNICAL_ASSISTANCE), // L1463
                Arguments.of("R8", 20, Theme.FUNDING_AND_TECHNICAL_ASSISTANCE), // not printed
                Arguments.of("R9", 20, Theme.SUPPORT_AND_INTEGRATION), // L1720
                Arguments.of("R10", 20, Theme.SUPPORT_AND_INTEGRATION)); // L1836
    }

    @ParameterizedTest(name = "{0}: max {1}")
    @MethodSource("guideTotals")
    void recommendationMaximumMatchesTheGuide(String code, int guideTotal, Theme theme) {
        Recommendation r = v1.recommendation(code).orElseThrow();
        assertThat(r.maxScore()).isEqualTo(guideTotal);
        if (r.printedTotal() != null) {
            assertThat(r.printedTotal()).isEqualTo(guideTotal);
        }
        assertThat(r.theme()).isEqualTo(theme);
    }

    @Test
    void onlyR4AndR8LackAPrintedTotal() {
        assertThat(v1.recommendations())
                .filteredOn(r -> r.printedTotal() == null)
                .extracting(Recommendation::code)
                .containsExactly("R4", "R8");
    }

    @Test
    void overallMaximumIs190() {
        assertThat(v1.maxScore()).isEqualTo(190);
        assertThat(v1.recommendations().stream()
                        .mapToInt(Recommendation::maxScore)
                        .sum())
                .isEqualTo(190);
    }

    @Test
    void identityAndSource() {
        assertThat(v1.id()).isEqualTo("un-habitat-urban-migration-checklist");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.source().author()).isEqualTo("UN-Habitat");
        assertThat(v1.source().year()).isEqualTo(2023);
        assertThat(v1.source().reference()).isEqualTo("HS/056/23E");
        assertThat(v1.source().title())
                .isEqualTo("Mainstreaming Migration and Displacement into Urban Policy: A Guide");
    }

    @Test
    void tenRecommendationsTwentySevenActionsNinetyFiveQuestions() {
        assertThat(v1.recommendations())
                .extracting(Recommendation::code)
                .containsExactly("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10");
        assertThat(v1.recommendations())
                .extracting(Recommendation::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(v1.recommendations())
                .extracting(r -> r.actions().size())
                .containsExactly(3, 3, 3, 3, 2, 2, 2, 3, 3, 3);
        assertThat(v1.actions()).hasSize(27);
        assertThat(v1.questions()).hasSize(95);
    }

    @Test
    void everyActionPrintsASubtotalAndItMatches() {
        // The Guide prints a "Total score (out of n)" under every one of the 27 action tables.
        assertThat(v1.actions()).allSatisfy(a -> {
            assertThat(a.printedMax()).as("printed subtotal of %s", a.code()).isNotNull();
            assertThat(a.maxScore()).as("max of %s", a.code()).isEqualTo(a.printedMax());
            assertThat(a.maxScore()).isEqualTo(2 * a.questions().size());
        });
    }

    @Test
    void actionSubtotalsAreTheGuides() {
        assertThat(v1.actions())
                .extracting(ChecklistAction::printedMax)
                .containsExactly(10, 6, 8, 6, 10, 8, 8, 6, 6, 4, 10, 6, 4, 8, 6, 6, 8, 10, 8, 8, 4, 8, 6, 6, 6, 6, 8);
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Recommendation r : v1.recommendations()) {
            assertThat(r.code()).isEqualTo("R" + r.number());
            assertThat(seen.add(r.code())).as("unique %s", r.code()).isTrue();
            for (int i = 0; i < r.actions().size(); i++) {
                ChecklistAction a = r.actions().get(i);
                assertThat(a.code()).isEqualTo(r.number() + "." + (i + 1));
                assertThat(seen.add(a.code())).as("unique %s", a.code()).isTrue();
                for (int j = 0; j < a.questions().size(); j++) {
                    Question q = a.questions().get(j);
                    assertThat(q.code())
                            .isEqualTo(a.code() + "." + (char) ('a' + j))
                            .startsWith(a.code() + ".");
                    assertThat(seen.add(q.code())).as("unique %s", q.code()).isTrue();
                }
            }
        }
    }

    @Test
    void questionsAreNonBlankYesNoQuestionsWorthTwo() {
        assertThat(v1.questions()).allSatisfy(q -> {
            assertThat(q.text()).as(q.code()).isNotBlank().endsWith("?").doesNotContain("\n");
            assertThat(q.text().length()).as("%s is concise", q.code()).isLessThanOrEqualTo(200);
            assertThat(q.maxScore()).isEqualTo(2);
        });
        assertThat(v1.questions()).extracting(Question::text).doesNotHaveDuplicates();
    }

    @Test
    void titlesAreNonBlankAndEveryActionNamesAStakeholderGroup() {
        assertThat(v1.title()).isNotBlank();
        assertThat(v1.recommendations())
                .allSatisfy(r -> assertThat(r.title()).as(r.code()).isNotBlank());
        assertThat(v1.actions()).allSatisfy(a -> {
            assertThat(a.title()).as(a.code()).isNotBlank();
            assertThat(a.stakeholderGroups()).as(a.code()).isNotEmpty().doesNotHaveDuplicates();
        });
    }

    @Test
    void themesGroupTheRecommendationsInPairs() {
        assertThat(v1.recommendations())
                .extracting(Recommendation::theme)
                .containsExactly(
                        Theme.DATA_MANAGEMENT_AND_PLANNING,
                        Theme.DATA_MANAGEMENT_AND_PLANNING,
                        Theme.GOVERNANCE_AND_INSTITUTIONAL_COORDINATION,
                        Theme.GOVERNANCE_AND_INSTITUTIONAL_COORDINATION,
                        Theme.MULTISTAKEHOLDER_PARTNERSHIPS_AND_COMMUNITY_PARTICIPATION,
                        Theme.MULTISTAKEHOLDER_PARTNERSHIPS_AND_COMMUNITY_PARTICIPATION,
                        Theme.FUNDING_AND_TECHNICAL_ASSISTANCE,
                        Theme.FUNDING_AND_TECHNICAL_ASSISTANCE,
                        Theme.SUPPORT_AND_INTEGRATION,
                        Theme.SUPPORT_AND_INTEGRATION);
    }

    @Test
    void recordedDecisionsHold() {
        // R10 follows the Part 3 heading (L1732), which names tenure security; the checklist header (L1811) omits it.
        assertThat(v1.recommendation("R10").orElseThrow().title()).contains("tenure security");
        // The untitled 4.2 and 8.2 tables (L1103, L1591) are attributed to the actions of those numbers.
        assertThat(v1.action("4.2").orElseThrow().questions()).hasSize(5);
        assertThat(v1.action("8.2").orElseThrow().questions()).hasSize(4);
        // R8's first action has four questions although its cells are scattered (L1565-1585).
        assertThat(v1.action("8.1").orElseThrow().questions()).hasSize(4);
    }

    @Test
    void lookups() {
        assertThat(v1.question("7.2.e"))
                .hasValueSatisfying(q -> assertThat(q.text()).contains("local residents"));
        assertThat(v1.action("10.3"))
                .hasValueSatisfying(a -> assertThat(a.questions()).hasSize(4));
        assertThat(v1.recommendation("R7"))
                .hasValueSatisfying(r -> assertThat(r.action("7.1")).isPresent());
        assertThat(v1.question("1.1.f")).isEmpty();
        assertThat(v1.action("11.1")).isEmpty();
        assertThat(v1.recommendation("R11")).isEmpty();
        assertThat(v1.action("1.1").orElseThrow().question("1.1.e")).isPresent();
    }

    @Test
    void listsAreImmutable() {
        List<Recommendation> recommendations = v1.recommendations();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recommendations.add(recommendations.getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
