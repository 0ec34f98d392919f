package org.arrival.forum.coherence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The checks of policy coherence, each with what raises it and what does not. */
class PolicyChecksTest extends CoherenceFixture {

    static final Jurisdiction CENTRAL = new Jurisdiction("UG", "UG-C", null, "Central region");
    static final Jurisdiction MUKONO = new Jurisdiction("UG", "UG-C", "UG-MUK", "Mukono");

    @Nested
    class ActionWithoutEvidence {

        @Test
        void anActionNamingNoNeedNoGapAndNoCommitmentIsFlagged() {
            ActionRow a = action("Shelter", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            assertThat(findings(CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(a.id);
                        assertThat(f.severity()).isEqualTo(FlagSeverity.LOW);
                        assertThat(f.parameters().records())
                                .singleElement()
                                .satisfies(r -> assertThat(r.kind()).isEqualTo(FlaggedRecordKind.ACTION));
                    });
        }

        @Test
        void notWhenItNamesANeedOrAGapOrHasEnded() {
            ActionRow withNeed = action("Clinic", city, "HEALTH", "REFUGEES", KAMPALA, "IN_PROGRESS");
            withNeed.needIds.add(need(ngo, "HEALTH", "REFUGEES", KAMPALA, "VALIDATED").id);
            store.save(withNeed);
            ActionRow withGap = action("Desk", city, "GOVERNANCE", "REFUGEES", KAMPALA, "IN_PROGRESS");
            links.gaps.put(withGap.id, List.of(UUID.randomUUID()));
            action("Old shelter", city, "HOUSING", "REFUGEES", KAMPALA, "COMPLETED");
            assertThat(findings(CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE)).isEmpty();
        }
    }

    @Nested
    class ParallelHumanitarianStructure {

        @Test
        void aHumanitarianActionOutsideTheLocalGovernmentsPlanIsFlaggedNamingThatPlan() {
            PlanRow cityPlan = plan(city, "Kampala for all", KAMPALA, true, true, true);
            ActionRow a = humanitarian("Cash for rent", ngo, null);
            assertThat(findings(CoherenceCheckCode.PARALLEL_HUMANITARIAN_STRUCTURE))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(a.id, cityPlan.id);
                        assertThat(f.key()).isEqualTo("PARALLEL_HUMANITARIAN_STRUCTURE:" + a.id);
                        assertThat(f.parameters().areas()).containsExactly("Kampala");
                    });
        }

        @Test
        void notWhenItBelongsToThatPlanOrIsNotHumanitarian() {
            PlanRow cityPlan = plan(city, "Kampala for all", KAMPALA, true, true, true);
            humanitarian("Cash for rent", ngo, cityPlan.id);
            action("Market stalls", ngo, "LIVELIHOODS", "REFUGEES", KAMPALA, "IN_PROGRESS").orientation = "DEVELOPMENT";
            assertThat(findings(CoherenceCheckCode.PARALLEL_HUMANITARIAN_STRUCTURE))
                    .isEmpty();
        }

        @Test
        void aPlanOfAnOrganisationThatIsNoLocalGovernmentDoesNotCount() {
            PlanRow ngoPlan = plan(ngo, "Our programme", KAMPALA, true, true, true);
            humanitarian("Cash for rent", ngo, ngoPlan.id);
            assertThat(findings(CoherenceCheckCode.PARALLEL_HUMANITARIAN_STRUCTURE))
                    .singleElement()
                    .satisfies(f -> assertThat(f.parameters().records()).hasSize(1));
        }
    }

    @Nested
    class HostCommunityLeftOut {

        @Test
        void anActionForRefugeesOnlyWhereTheHostCommunityHasAnOpenNeedIsFlagged() {
            ActionRow a = action("School places", ngo, "EDUCATION", "REFUGEES", KAMPALA, "IN_PROGRESS");
            NeedRow host = need(city, "EDUCATION", "HOST_COMMUNITY", KAMPALA, "VALIDATED");
            assertThat(findings(CoherenceCheckCode.HOST_COMMUNITY_LEFT_OUT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(a.id, host.id);
                        assertThat(f.severity()).isEqualTo(FlagSeverity.MEDIUM);
                    });
        }

        @Test
        void notWhenTheActionAlsoServesTheHostsOrTheNeedIsElsewhereOrInAnotherSector() {
            ActionRow both = action("School places", ngo, "EDUCATION", "REFUGEES", KAMPALA, "IN_PROGRESS");
            both.targetGroups.add("HOST_COMMUNITY");
            store.save(both);
            action("Clinic", ngo, "HEALTH", "REFUGEES", KAMPALA, "IN_PROGRESS");
            action("Classes", ngo, "EDUCATION", "REFUGEES", NAIROBI, "IN_PROGRESS");
            need(city, "EDUCATION", "HOST_COMMUNITY", KAMPALA, "VALIDATED");
            need(city, "HEALTH", "HOST_COMMUNITY", KAMPALA, "IDENTIFIED");
            assertThat(findings(CoherenceCheckCode.HOST_COMMUNITY_LEFT_OUT)).isEmpty();
        }
    }

    @Nested
    class MigrantsMissingFromPlan {

        @Test
        void aPlanLackingInclusionIndicatorsIsFlaggedWithWhatItLacks() {
            PlanRow p = plan(
                    ministry, "National urban policy", new Jurisdiction("UG", null, null, null), false, false, true);
            assertThat(findings(CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(p.id);
                        assertThat(f.parameters().missing()).containsExactly("MIGRANTS_NAMED", "MIGRANTS_BUDGETED");
                        assertThat(f.severity()).isEqualTo(FlagSeverity.HIGH);
                    });
        }

        @Test
        void notForAPlanMeetingThemOrClosed() {
            plan(city, "Kampala for all", KAMPALA, true, true, true);
            plan(city, "Old plan", KAMPALA, false, false, false).status = "CLOSED";
            assertThat(findings(CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN)).isEmpty();
        }
    }

    @Nested
    class SmallCityLeftOut {

        @Test
        void aTownWithMigrantsAndNothingOfItsOwnIsFlaggedWhileTheLargestPlaceHasAPlan() {
            store.forum(forum).orElseThrow().geographicScope = CENTRAL;
            plan(city, "Kampala for all", KAMPALA, true, true, true);
            estimate(KAMPALA, "REFUGEES", 100_000, 300_000, "2025-01-01");
            PopulationRow town = estimate(MUKONO, "REFUGEES", 3_000, 6_500, "2025-01-01");
            assertThat(findings(CoherenceCheckCode.SMALL_CITY_LEFT_OUT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(town.id);
                        assertThat(f.parameters().areas()).containsExactly("Mukono", "Kampala");
                        assertThat(f.parameters().estimated()).isEqualTo(6_500L);
                    });
        }

        @Test
        void notWhenTheTownHasAFundedActionOrIsBelowTheMinimumOrTheLargestHasNothingEither() {
            store.forum(forum).orElseThrow().geographicScope = CENTRAL;
            estimate(KAMPALA, "REFUGEES", 100_000, 300_000, "2025-01-01");
            estimate(MUKONO, "REFUGEES", 3_000, 6_500, "2025-01-01");
            assertThat(findings(CoherenceCheckCode.SMALL_CITY_LEFT_OUT))
                    .as("the largest place has nothing either")
                    .isEmpty();

            plan(city, "Kampala for all", KAMPALA, true, true, true);
            ActionRow a = action("Clinic", city, "HEALTH", "REFUGEES", MUKONO, "IN_PROGRESS");
            fund(a, "100", "100");
            assertThat(findings(CoherenceCheckCode.SMALL_CITY_LEFT_OUT)).isEmpty();

            settings = CheckSettings.DEFAULTS.with(null, null, null, null, null, 10_000L, null, null, null);
            a.fundingLines.clear();
            store.save(a);
            assertThat(findings(CoherenceCheckCode.SMALL_CITY_LEFT_OUT))
                    .as("below the forum's minimum")
                    .isEmpty();
        }
    }

    @Nested
    class Undercount {

        @Test
        void anEstimateThreeTimesTheRegisteredFigureIsFlagged() {
            PopulationRow e = estimate(KAMPALA, "REFUGEES", 101_200, 305_000, "2025-01-01");
            assertThat(findings(CoherenceCheckCode.UNDERCOUNT)).singleElement().satisfies(f -> {
                assertThat(f.recordIds()).containsExactly(e.id);
                assertThat(f.parameters().registered()).isEqualTo(101_200L);
                assertThat(f.parameters().estimated()).isEqualTo(305_000L);
                assertThat(f.severity()).isEqualTo(FlagSeverity.HIGH);
            });
        }

        @Test
        void onlyTheLatestEstimateOfAPlaceAndGroupCountsAndTheRatioIsTheForums() {
            estimate(KAMPALA, "REFUGEES", 100_000, 300_000, "2024-01-01");
            estimate(KAMPALA, "REFUGEES", 100_000, 150_000, "2025-01-01");
            estimate(KAMPALA, "IDPS", null, 9_000, "2025-01-01");
            assertThat(findings(CoherenceCheckCode.UNDERCOUNT)).isEmpty();
            settings = CheckSettings.DEFAULTS.with(null, null, null, null, 1.5, null, null, null, null);
            assertThat(findings(CoherenceCheckCode.UNDERCOUNT)).hasSize(1);
        }
    }

    @Nested
    class StaleEvidence {

        @Test
        void theLatestEstimateOlderThanTheRefreshIntervalIsFlagged() {
            PopulationRow old = estimate(KAMPALA, "IDPS", null, 4_000, "2022-06-30");
            estimate(KAMPALA, "REFUGEES", null, 300_000, "2024-06-30");
            assertThat(findings(CoherenceCheckCode.STALE_EVIDENCE))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(old.id);
                        assertThat(f.parameters().asOf()).isEqualTo("2022-06-30");
                        assertThat(f.parameters().limitDays()).isEqualTo(730);
                    });
        }

        @Test
        void aNewerEstimateOfTheSamePlaceAndGroupClearsIt() {
            estimate(KAMPALA, "IDPS", null, 4_000, "2022-06-30");
            estimate(KAMPALA, "IDPS", null, 4_500, "2025-01-31");
            assertThat(findings(CoherenceCheckCode.STALE_EVIDENCE)).isEmpty();
        }

        @Test
        void aNeedValidatedLongAgoAndNeverReviewedIsFlagged() {
            NeedRow old = need(ngo, "HEALTH", "REFUGEES", KAMPALA, "VALIDATED");
            old.changedAt = java.time.Instant.parse("2024-01-15T10:00:00Z");
            NeedRow recent = need(ngo, "WASH", "REFUGEES", KAMPALA, "PRIORITISED");
            recent.changedAt = java.time.Instant.parse("2025-02-01T10:00:00Z");
            NeedRow met = need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "ADDRESSED");
            met.changedAt = java.time.Instant.parse("2023-01-15T10:00:00Z");
            assertThat(findings(CoherenceCheckCode.STALE_EVIDENCE))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(old.id);
                        assertThat(f.parameters().asOf()).isEqualTo("2024-01-15");
                        assertThat(f.parameters().limitDays()).isEqualTo(365);
                    });
            settings = CheckSettings.DEFAULTS.withNeedReview(730);
            assertThat(findings(CoherenceCheckCode.STALE_EVIDENCE)).isEmpty();
        }

        @Test
        void anOldPublishedRoundIsFlaggedToo() {
            RoundScoreRow r = scored(KAMPALA, "2022-03-01", "R1", 10, 20);
            assertThat(findings(CoherenceCheckCode.STALE_EVIDENCE))
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordIds()).containsExactly(r.id));
        }
    }

    @Nested
    class DisaggregationGap {

        @Test
        void anEstimateWithoutTheRequiredBreakdownIsFlaggedWithWhatIsMissing() {
            PopulationRow e = estimate(KAMPALA, "REFUGEES", null, 34_000, "2025-01-01", "SEX");
            assertThat(findings(CoherenceCheckCode.DISAGGREGATION_GAP))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(e.id);
                        assertThat(f.parameters().missing()).containsExactly("AGE_BAND");
                    });
        }

        @Test
        void notWhenBrokenDownAsTheForumAsks() {
            estimate(KAMPALA, "REFUGEES", null, 34_000, "2025-01-01", "SEX", "AGE_BAND");
            estimate(ENTEBBE, "REFUGEES", null, 1_000, "2025-01-01", "SEX");
            settings = CheckSettings.DEFAULTS.with(null, null, null, null, null, null, List.of("SEX"), null, null);
            assertThat(findings(CoherenceCheckCode.DISAGGREGATION_GAP)).isEmpty();
        }
    }

    @Nested
    class TransitionGap {

        @Test
        void aHumanitarianActionEndingSoonWithItsNeedOpenAndNoSuccessorIsFlagged() {
            NeedRow n = need(ngo, "HEALTH", "REFUGEES", KAMPALA, "VALIDATED");
            ActionRow a = humanitarian("Emergency clinic", ngo, null);
            period(a, "2024-06-01", "2025-06-30");
            a.needIds.add(n.id);
            store.save(a);
            assertThat(findings(CoherenceCheckCode.TRANSITION_GAP))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(a.id, n.id);
                        assertThat(f.parameters().dueOn()).isEqualTo("2025-06-30");
                        assertThat(f.severity()).isEqualTo(FlagSeverity.HIGH);
                    });
        }

        @Test
        void notWhenADevelopmentActionCarriesTheNeedOnOrTheEndIsFarOrTheNeedIsMet() {
            NeedRow n = need(ngo, "HEALTH", "REFUGEES", KAMPALA, "VALIDATED");
            ActionRow a = humanitarian("Emergency clinic", ngo, null);
            period(a, "2024-06-01", "2025-06-30");
            a.needIds.add(n.id);
            store.save(a);
            ActionRow successor = action("Health centre", city, "HEALTH", "ALL_RESIDENTS", KAMPALA, "COMMITTED");
            successor.orientation = "DEVELOPMENT";
            period(successor, "2025-05-01", "2028-12-31");
            successor.needIds.add(n.id);
            store.save(successor);
            assertThat(findings(CoherenceCheckCode.TRANSITION_GAP)).isEmpty();

            successor.status = "CANCELLED";
            store.save(successor);
            period(a, "2024-06-01", "2026-06-30");
            store.save(a);
            assertThat(findings(CoherenceCheckCode.TRANSITION_GAP))
                    .as("the end is beyond the forum's notice")
                    .isEmpty();

            period(a, "2024-06-01", "2025-06-30");
            n.status = "ADDRESSED";
            store.save(n);
            assertThat(findings(CoherenceCheckCode.TRANSITION_GAP)).isEmpty();
        }
    }

    @Nested
    class FrameworkCoverageGap {

        @Test
        void aPriorityTargetNoActionIsTaggedWithIsFlaggedAgainstTheForum() {
            ActionRow a = action("Clinic", city, "HEALTH", "REFUGEES", KAMPALA, "IN_PROGRESS");
            a.frameworkItems.add("GCM-15.b");
            store.save(a);
            settings = CheckSettings.DEFAULTS.with(
                    null, null, null, null, null, null, null, List.of("GCM-15", "GCM-16"), null);
            assertThat(findings(CoherenceCheckCode.FRAMEWORK_COVERAGE_GAP))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(forum);
                        assertThat(f.key()).isEqualTo("FRAMEWORK_COVERAGE_GAP:GCM-16");
                        assertThat(f.parameters().frameworkItem()).isEqualTo("GCM-16");
                        assertThat(f.parameters().records())
                                .singleElement()
                                .satisfies(r -> assertThat(r.kind()).isEqualTo(FlaggedRecordKind.FORUM));
                    });
        }

        @Test
        void noTargetIsPrioritisedByDefault() {
            assertThat(findings(CoherenceCheckCode.FRAMEWORK_COVERAGE_GAP)).isEmpty();
        }
    }

    @Nested
    class ChecklistRegression {

        @Test
        void aRecommendationFallingBetweenTheTwoLatestRoundsOfAPlaceIsFlagged() {
            RoundScoreRow earlier = scored(KAMPALA, "2024-03-01", "R2", 30, 40);
            RoundScoreRow later = scored(KAMPALA, "2025-03-01", "R2", 20, 40);
            assertThat(findings(CoherenceCheckCode.CHECKLIST_REGRESSION))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(earlier.id, later.id);
                        assertThat(f.parameters().recommendationCode()).isEqualTo("R2");
                        assertThat(f.parameters().percentBefore()).isEqualTo(75);
                        assertThat(f.parameters().percentAfter()).isEqualTo(50);
                    });
        }

        @Test
        void theShareIsOfTheQuestionsEachRoundAssessed() {
            RoundScoreRow earlier = scored(KAMPALA, "2024-03-01", "R2", 30, 40);
            earlier.recommendations.get(0).assessedMax = 32;
            store.save(earlier);
            RoundScoreRow later = scored(KAMPALA, "2025-03-01", "R2", 12, 40);
            later.recommendations.get(0).assessedMax = 16;
            store.save(later);
            assertThat(findings(CoherenceCheckCode.CHECKLIST_REGRESSION))
                    .as("94%% of what was assessed, then 75%%")
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.parameters().percentBefore()).isEqualTo(94);
                        assertThat(f.parameters().percentAfter()).isEqualTo(75);
                    });
            later.recommendations.get(0).assessedMax = 0;
            later.recommendations.get(0).points = 0;
            store.save(later);
            assertThat(findings(CoherenceCheckCode.CHECKLIST_REGRESSION))
                    .as("nothing assessed in the later round: no regression")
                    .isEmpty();
        }

        @Test
        void notForASmallFallARiseOrRoundsOfDifferentPlaces() {
            scored(KAMPALA, "2024-03-01", "R2", 30, 40);
            scored(KAMPALA, "2025-03-01", "R2", 29, 40);
            scored(ENTEBBE, "2024-03-01", "R3", 30, 40);
            scored(NAIROBI, "2025-03-01", "R3", 10, 40);
            assertThat(findings(CoherenceCheckCode.CHECKLIST_REGRESSION)).isEmpty();
        }
    }

    @Nested
    class ChecklistGapsGrouped {

        @Test
        void theGapsOfOneChecklistActionMakeOneFindingKeyedByRoundAndAction() {
            UUID r = round(city, List.of(forum));
            GapRow b = gap(r, "3.3.2", "3.3");
            GapRow a = gap(r, "3.3.1", "3.3");
            GapRow ten = gap(r, "3.3.10", "3.3");
            GapRow other = gap(r, "1.2.a", "1.2");
            List<Finding> found = findings(CoherenceCheckCode.GAP_WITHOUT_ACTION);
            assertThat(found).hasSize(2);
            assertThat(found)
                    .filteredOn(f -> f.key().equals("GAP_WITHOUT_ACTION:" + r + ":3.3"))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(a.id, b.id, ten.id);
                        assertThat(f.parameters().checklistAction()).isEqualTo("3.3");
                        assertThat(f.parameters().questionCodes()).containsExactly("3.3.1", "3.3.2", "3.3.10");
                        assertThat(f.parameters().questionCode()).isNull();
                    });
            assertThat(found)
                    .filteredOn(f -> f.recordIds().equals(List.of(other.id)))
                    .singleElement()
                    .satisfies(f -> assertThat(f.parameters().questionCode()).isEqualTo("1.2.a"));
        }

        @Test
        void answeringOneQuestionKeepsTheSameFindingWithTheOthers() {
            UUID r = round(city, List.of(forum));
            GapRow a = gap(r, "3.3.a", "3.3");
            GapRow b = gap(r, "3.3.b", "3.3");
            String key = findings(CoherenceCheckCode.GAP_WITHOUT_ACTION).get(0).key();
            ActionRow answer = action("Desk", city, "GOVERNANCE", "REFUGEES", KAMPALA, "IN_PROGRESS");
            links.gaps.put(answer.id, List.of(a.id));
            assertThat(findings(CoherenceCheckCode.GAP_WITHOUT_ACTION))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.key()).isEqualTo(key);
                        assertThat(f.recordIds()).containsExactly(b.id);
                    });
        }
    }

    @Nested
    class Settings {

        @Test
        void aForumTurnsAChecksOffAndRatesAnotherOtherwise() {
            action("Shelter", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            estimate(KAMPALA, "REFUGEES", 100_000, 300_000, "2025-01-01", "SEX", "AGE_BAND");
            settings = CheckSettings.DEFAULTS.with(
                    Set.of(CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE),
                    Map.of(CoherenceCheckCode.UNDERCOUNT, FlagSeverity.MEDIUM),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            assertThat(findings(CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE)).isEmpty();
            assertThat(findings(CoherenceCheckCode.UNDERCOUNT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(FlagSeverity.MEDIUM));
        }

        @Test
        void settingsOutOfRangeAreNamedFieldByField() {
            CheckSettings bad = CheckSettings.DEFAULTS.with(
                    null, null, 5, 400, 1.0, 0L, List.of("sex"), List.of("GCM-15", "GCM-15"), 0);
            assertThat(bad.problems())
                    .extracting(CheckSettings.Problem::field)
                    .containsExactly(
                            "staleAfterDays",
                            "transitionNoticeDays",
                            "undercountRatio",
                            "smallCityMinimum",
                            "regressionPercent",
                            "requiredBreakdown",
                            "priorityFrameworkItems");
            assertThat(CheckSettings.DEFAULTS.withNeedReview(10).problems())
                    .extracting(CheckSettings.Problem::field)
                    .containsExactly("needReviewDays");
            assertThat(CheckSettings.DEFAULTS.problems()).isEmpty();
        }

        @Test
        void everyCheckHasADefaultSeverity() {
            for (CoherenceCheckCode c : CoherenceCheckCode.values()) {
                assertThat(CheckSettings.DEFAULT_SEVERITY).containsKey(c);
            }
        }
    }

    ActionRow humanitarian(String title, UUID owner, UUID planId) {
        ActionRow a = action(title, owner, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
        a.orientation = "HUMANITARIAN";
        a.planId = planId;
        a.needIds = new ArrayList<>(a.needIds);
        store.save(a);
        return a;
    }
}
