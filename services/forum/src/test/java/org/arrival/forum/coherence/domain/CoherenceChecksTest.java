package org.arrival.forum.coherence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.MilestoneState;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.arrival.forum.projection.domain.Rows.Overdue;
import org.arrival.forum.projection.domain.Rows.ReportDue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The coherence checks over a projection held in memory: each check, and what does not trip it. */
class CoherenceChecksTest extends CoherenceFixture {

    @Test
    void anUnknownForumHasNoFindings() {
        assertThat(CoherenceChecks.run(store, UUID.randomUUID(), links, TODAY)).isEmpty();
    }

    @Test
    void findingsAndTheirKeysAreTheSameOnEveryRun() {
        action("Shelter", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
        action("Beds", ngo, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
        need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "VALIDATED");
        List<Finding> first = CoherenceChecks.run(store, forum, links, TODAY);
        assertThat(first).isNotEmpty();
        assertThat(CoherenceChecks.run(store, forum, links, TODAY)).isEqualTo(first);
        assertThat(first)
                .allSatisfy(f -> assertThat(f.key()).startsWith(f.check().name() + ":"));
    }

    @Nested
    class ValidatedNeedWithoutAction {

        @Test
        void aValidatedNeedNoActionAddressesIsFlagged() {
            NeedRow n = need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "VALIDATED");
            action("Clinic", city, "HEALTH", "REFUGEES", KAMPALA, "IN_PROGRESS");
            assertThat(findings(CoherenceCheckCode.NEED_WITHOUT_ACTION))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(n.id);
                        assertThat(f.key()).isEqualTo("NEED_WITHOUT_ACTION:" + n.id);
                        assertThat(f.summary()).contains("EDUCATION", "Kampala");
                        // what the summary says, for wording it in the reader's language
                        assertThat(f.parameters().records())
                                .containsExactly(new FlaggedRecord(n.id, FlaggedRecordKind.NEED, n.statement));
                        assertThat(f.parameters().sectors()).containsExactly(Sector.EDUCATION);
                        assertThat(f.parameters().groups()).containsExactly(PopulationGroup.REFUGEES);
                        assertThat(f.parameters().areas()).containsExactly("Kampala");
                    });
        }

        @Test
        void aPrioritisedNeedCountsAsValidated() {
            need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "PRIORITISED");
            assertThat(findings(CoherenceCheckCode.NEED_WITHOUT_ACTION)).hasSize(1);
        }

        @Test
        void notWhenAnActionNamesTheNeed() {
            NeedRow n = need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "VALIDATED");
            ActionRow a = action("Anything", city, "HEALTH", "IDPS", NAIROBI, "PROPOSED");
            a.needIds.add(n.id);
            store.save(a);
            assertThat(findings(CoherenceCheckCode.NEED_WITHOUT_ACTION)).isEmpty();
        }

        @Test
        void notWhenAnActionCoversItsSectorGroupAndArea() {
            need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "VALIDATED");
            action("School places", city, "EDUCATION", "ALL_RESIDENTS", KAMPALA, "COMMITTED");
            assertThat(findings(CoherenceCheckCode.NEED_WITHOUT_ACTION)).isEmpty();
        }

        @Test
        void aCancelledActionOrOneElsewhereDoesNotAddressIt() {
            NeedRow n = need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "VALIDATED");
            ActionRow cancelled = action("Cancelled", city, "EDUCATION", "REFUGEES", KAMPALA, "CANCELLED");
            cancelled.needIds.add(n.id);
            store.save(cancelled);
            action("Elsewhere", city, "EDUCATION", "REFUGEES", ENTEBBE, "IN_PROGRESS");
            assertThat(findings(CoherenceCheckCode.NEED_WITHOUT_ACTION)).hasSize(1);
        }

        @Test
        void notForANeedNotYetValidatedOrKeptToItsOrganisation() {
            need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "IDENTIFIED");
            need(ngo, "EDUCATION", "REFUGEES", KAMPALA, "RESOLVED");
            NeedRow own = need(ngo, "HEALTH", "REFUGEES", KAMPALA, "VALIDATED");
            own.classification = "ORGANISATION";
            store.save(own);
            NeedRow unshared = need(ngo, "LIVELIHOODS", "REFUGEES", KAMPALA, "VALIDATED");
            unshared.classification = "RESTRICTED";
            store.save(unshared);
            need(UUID.randomUUID(), "HOUSING", "REFUGEES", KAMPALA, "VALIDATED"); // an outsider's, not shared
            assertThat(findings(CoherenceCheckCode.NEED_WITHOUT_ACTION)).isEmpty();
        }

        @Test
        void aRestrictedNeedSharedWithTheForumIsFlaggedAndARestrictedActionDoesNotSettleIt() {
            NeedRow restricted = need(ngo, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "VALIDATED");
            restricted.classification = "RESTRICTED";
            restricted.sharedWithForums.add(forum);
            store.save(restricted);
            // only those who may read RESTRICTED records see this action: it settles nothing for the others
            ActionRow safe = action("Safe house", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "IN_PROGRESS");
            safe.classification = "RESTRICTED";
            safe.needIds.add(restricted.id);
            store.save(safe);
            assertThat(findings(CoherenceCheckCode.NEED_WITHOUT_ACTION))
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordIds()).containsExactly(restricted.id));
        }

        @Test
        void anOutsidersNeedSharedWithTheForumCounts() {
            NeedRow n = need(UUID.randomUUID(), "HOUSING", "REFUGEES", KAMPALA, "VALIDATED");
            n.classification = "FORUM";
            n.sharedWithForums.add(forum);
            store.save(n);
            assertThat(findings(CoherenceCheckCode.NEED_WITHOUT_ACTION)).hasSize(1);
        }
    }

    @Nested
    class ChecklistGapWithoutAction {

        @Test
        void aGapOfARoundSharedWithTheForumIsFlagged() {
            GapRow g = gap(round(city, List.of(forum)), "1.2.a", "1.2");
            assertThat(findings(CoherenceCheckCode.GAP_WITHOUT_ACTION))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(g.id);
                        assertThat(f.summary()).contains("1.2.a", "Kampala");
                        assertThat(f.parameters().questionCode()).isEqualTo("1.2.a");
                        assertThat(f.parameters().records())
                                .extracting(FlaggedRecord::kind)
                                .containsExactly(FlaggedRecordKind.GAP);
                        assertThat(f.parameters().areas()).containsExactly("Kampala");
                    });
        }

        @Test
        void aGapOfAMembersRoundIsFlaggedEvenIfTheRoundIsNotShared() {
            gap(round(city, List.of()), "1.2.a", "1.2");
            assertThat(findings(CoherenceCheckCode.GAP_WITHOUT_ACTION)).hasSize(1);
        }

        @Test
        void notWhenAnActionLinksTheGap() {
            GapRow g = gap(round(city, List.of(forum)), "1.2.a", "1.2");
            ActionRow a = action("Answer", ngo, "HOUSING", "REFUGEES", KAMPALA, "PROPOSED");
            links.gaps.put(a.id, List.of(g.id));
            assertThat(findings(CoherenceCheckCode.GAP_WITHOUT_ACTION)).isEmpty();
        }

        @Test
        void notWhenAnActionNamesTheGuidesChecklistActionAsFrameworkItem() {
            gap(round(city, List.of(forum)), "1.2.a", "1.2");
            gap(round(city, List.of(forum)), "10.1.b", "10.1");
            ActionRow a = action("Answer", ngo, "HOUSING", "REFUGEES", KAMPALA, "PROPOSED");
            a.frameworkItems.addAll(List.of("UNH-R1.2", "UNH-R10.1"));
            store.save(a);
            assertThat(findings(CoherenceCheckCode.GAP_WITHOUT_ACTION)).isEmpty();
        }

        @Test
        void theRecommendationAloneOrAnotherChecklistActionDoesNotAnswerIt() {
            GapRow g = gap(round(city, List.of(forum)), "1.2.a", "1.2");
            ActionRow a = action("Broad", ngo, "HOUSING", "REFUGEES", KAMPALA, "PROPOSED");
            a.frameworkItems.addAll(List.of("UNH-R1", "UNH-R1.1", "SDG-11.1"));
            store.save(a);
            assertThat(findings(CoherenceCheckCode.GAP_WITHOUT_ACTION))
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordIds()).containsExactly(g.id));
        }

        @Test
        void aCancelledActionDoesNotAnswerIt() {
            GapRow g = gap(round(city, List.of(forum)), "1.2.a", "1.2");
            ActionRow a = action("Dropped", ngo, "HOUSING", "REFUGEES", KAMPALA, "CANCELLED");
            links.gaps.put(a.id, List.of(g.id));
            assertThat(findings(CoherenceCheckCode.GAP_WITHOUT_ACTION)).hasSize(1);
        }

        @Test
        void notForAGapOfAnotherForumsRoundByANonMember() {
            gap(round(UUID.randomUUID(), List.of(UUID.randomUUID())), "1.2.a", "1.2");
            assertThat(findings(CoherenceCheckCode.GAP_WITHOUT_ACTION)).isEmpty();
        }
    }

    @Nested
    class OverlappingActions {

        @Test
        void differentOwnersSameSectorGroupAreaAndOverlappingPeriodsAreFlagged() {
            ActionRow a = action("City shelter", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow b = action("NGO shelter", ngo, "HOUSING", "REFUGEES", KAMPALA, "COMMITTED");
            period(a, "2025-01-01", "2025-12-31");
            period(b, "2025-06-01", "2026-06-30");
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactlyInAnyOrder(a.id, b.id);
                        assertThat(f.summary())
                                .contains("City shelter", "NGO shelter", "HOUSING", "REFUGEES", "Kampala");
                        assertThat(f.parameters().records())
                                .extracting(FlaggedRecord::title)
                                .containsExactlyInAnyOrder("City shelter", "NGO shelter");
                        assertThat(f.parameters().records())
                                .extracting(FlaggedRecord::recordId)
                                .containsExactlyElementsOf(f.recordIds());
                        assertThat(f.parameters().sectors()).containsExactly(Sector.HOUSING);
                        assertThat(f.parameters().groups()).containsExactly(PopulationGroup.REFUGEES);
                        assertThat(f.parameters().areas()).containsExactly("Kampala");
                    });
        }

        @Test
        void anActionWithoutEndDateOverlapsEverythingAfterItsStart() {
            ActionRow a = action("Open-ended", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow b = action("Later", ngo, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            period(a, "2025-01-01", null);
            period(b, "2030-01-01", "2030-12-31");
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS)).hasSize(1);
        }

        @Test
        void notWhenThePeriodsDoNotOverlap() {
            ActionRow a = action("First", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow b = action("Second", ngo, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            period(a, "2025-01-01", "2025-06-30");
            period(b, "2025-07-01", "2025-12-31");
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS)).isEmpty();
        }

        @Test
        void notWhenTheSameOwnerRunsBoth() {
            action("One", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            action("Two", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS)).isEmpty();
        }

        @Test
        void notWhenSectorGroupOrAreaDiffer() {
            action("Housing", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            action("Health", ngo, "HEALTH", "REFUGEES", KAMPALA, "IN_PROGRESS");
            action("For IDPs", ministry, "HOUSING", "IDPS", KAMPALA, "IN_PROGRESS");
            action("Entebbe", municipality, "HOUSING", "REFUGEES", ENTEBBE, "IN_PROGRESS");
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS)).isEmpty();
        }

        @Test
        void notWhenOneHasEnded() {
            action("Done", city, "HOUSING", "REFUGEES", KAMPALA, "COMPLETED");
            action("Running", ngo, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS)).isEmpty();
        }

        @Test
        void aCountryWideActionOverlapsALocalOne() {
            action(
                    "National",
                    ministry,
                    "HOUSING",
                    "REFUGEES",
                    new Jurisdiction("UG", null, null, null),
                    "IN_PROGRESS");
            action("Local", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS)).hasSize(1);
        }

        @Test
        void aRestrictedActionSharedWithTheForumIsCheckedAndOnesNotSharedOrKeptToTheOrganisationAreNot() {
            ActionRow a = action("Safe house", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            a.classification = "RESTRICTED";
            store.save(a);
            ActionRow shelter = action("Shelter", ngo, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow other = action("Elsewhere shared", ministry, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            other.sharedWithForums = new ArrayList<>(List.of(UUID.randomUUID()));
            store.save(other);
            ActionRow internal = action("Internal", ministry, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            internal.classification = "ORGANISATION";
            store.save(internal);
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS))
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordIds()).containsExactlyInAnyOrder(a.id, shelter.id));
        }
    }

    @Nested
    class OverlappingGroups {

        @Test
        void threeOrganisationsDoingTheSameWorkAreOneFlagNamingAllThree() {
            ActionRow a = action("City shelter", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow b = action("NGO shelter", ngo, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow c = action("Ministry shelter", ministry, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            List<UUID> byId =
                    java.util.stream.Stream.of(a, b, c).map(x -> x.id).sorted().toList();
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactlyElementsOf(byId);
                        assertThat(f.key()).isEqualTo("OVERLAPPING_ACTIONS:group:" + byId.get(0));
                        assertThat(f.summary())
                                .startsWith("3 actions of 3 organisations overlap: HOUSING for REFUGEES in Kampala")
                                .contains("City shelter", "NGO shelter", "Ministry shelter");
                        assertThat(f.parameters().records())
                                .extracting(FlaggedRecord::recordId)
                                .containsExactlyElementsOf(byId);
                    });
        }

        @Test
        void actionsLinkedThroughAThirdAreOneGroupKeyedByItsFirstAction() {
            ActionRow first = action("First", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow middle = action("Middle", ngo, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow last = action("Last", ministry, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            // the first and the last do not overlap, each overlaps the middle one
            period(first, "2025-01-01", "2025-06-30");
            period(middle, "2025-06-01", "2025-12-31");
            period(last, "2025-12-01", "2026-06-30");
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS))
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordIds()).containsExactlyInAnyOrder(first.id, middle.id, last.id));

            ActionRow joining = action("Joining", municipality, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            UUID firstId = java.util.stream.Stream.of(first, middle, last, joining)
                    .map(x -> x.id)
                    .min(UUID::compareTo)
                    .orElseThrow();
            // so the group stays the same flag while actions join it, unless one comes first in the order of ids
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.key()).isEqualTo("OVERLAPPING_ACTIONS:group:" + firstId);
                        assertThat(f.recordIds()).hasSize(4).contains(joining.id);
                    });
        }

        @Test
        void aRestrictedActionIsNamedApartSoThatWhoMayNotReadItStillSeesTheOthersOverlap() {
            ActionRow a = action("City shelter", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow b = action("NGO shelter", ngo, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow safe = action("Safe house", ministry, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            safe.classification = "RESTRICTED";
            store.save(safe);
            List<Finding> found = findings(CoherenceCheckCode.OVERLAPPING_ACTIONS);
            assertThat(found).hasSize(2);
            assertThat(found.get(0).recordIds()).containsExactlyInAnyOrder(a.id, b.id);
            // the restricted action first, then the readable ones in the order of their ids
            assertThat(found.get(1).recordIds())
                    .containsExactlyElementsOf(java.util.stream.Stream.concat(
                                    java.util.stream.Stream.of(safe.id),
                                    java.util.stream.Stream.of(a.id, b.id).sorted())
                            .toList());
            assertThat(found.get(1).key()).isEqualTo("OVERLAPPING_ACTIONS:around:" + safe.id);
            assertThat(found.get(1).parameters().records())
                    .extracting(FlaggedRecord::title)
                    .first()
                    .isEqualTo("Safe house");
        }

        @Test
        void anActionOfAHiddenOrganisationIsNamedApartAndTwoSuchActionsAsAPair() {
            ActionRow a = action("City shelter", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            OrganisationRow hiddenOrganisation = new OrganisationRow();
            hiddenOrganisation.id = UUID.randomUUID();
            hiddenOrganisation.version = 1;
            hiddenOrganisation.name = "Association";
            hiddenOrganisation.type = "MIGRANT_ORGANISATION";
            hiddenOrganisation.status = "ACTIVE";
            hiddenOrganisation.hidden = true;
            store.save(hiddenOrganisation);
            UUID association = hiddenOrganisation.id;
            seat(association, "ACTIVE");
            ActionRow hidden =
                    action("Association shelter", association, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            ActionRow safe = action("Safe house", ministry, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            safe.classification = "RESTRICTED";
            store.save(safe);
            List<Finding> found = findings(CoherenceCheckCode.OVERLAPPING_ACTIONS);
            // no group of readable actions (one only), each of the two with the city's, and the two together
            assertThat(found)
                    .extracting(f -> Set.copyOf(f.recordIds()))
                    .containsExactlyInAnyOrder(
                            Set.of(hidden.id, a.id), Set.of(safe.id, a.id), Set.of(hidden.id, safe.id));
            assertThat(found)
                    .allSatisfy(f -> assertThat(f.key())
                            .isEqualTo(Finding.of(
                                            CoherenceCheckCode.OVERLAPPING_ACTIONS,
                                            f.recordIds(),
                                            f.summary(),
                                            f.parameters())
                                    .key()))
                    .allSatisfy(f -> assertThat(f.recordIds().get(0))
                            .isLessThan(f.recordIds().get(1)));
        }

        @Test
        void hundredsOfActionsDoingTheSameWorkAreOneFlagNotOnePerPair() {
            List<UUID> owners = new ArrayList<>();
            for (int o = 0; o < 30; o++) {
                UUID owner = organisation("Organisation " + o, "LOCAL_NGO_CSO");
                seat(owner, "ACTIVE");
                owners.add(owner);
            }
            for (int i = 0; i < 300; i++) {
                action("Shelter " + i, owners.get(i % 30), "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
            }
            assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).hasSize(300);
                        assertThat(f.parameters().records())
                                .hasSize(org.arrival.forum.coherence.domain.OverlappingActions.TITLED);
                        assertThat(f.summary())
                                .startsWith("300 actions of 30 organisations overlap")
                                .endsWith(" and 290 more.");
                    });
        }
    }

    @Nested
    class MissingLocalImplementation {

        @Test
        void eachMemberMunicipalityWithoutAnImplementingActionIsFlagged() {
            ActionRow commitment =
                    action("National reception standard", ministry, "HOUSING", "REFUGEES", KAMPALA, "COMMITTED");
            links.commitments.put(commitment.id, List.of());
            List<Finding> found = findings(CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION);
            assertThat(found).extracting(f -> f.recordIds().get(1)).containsExactlyInAnyOrder(city, municipality);
            assertThat(found).allSatisfy(f -> assertThat(f.recordIds().get(0)).isEqualTo(commitment.id));
            assertThat(found).anySatisfy(f -> assertThat(f.summary()).contains("Nakawa Division"));
            assertThat(found)
                    .anySatisfy(f -> assertThat(f.parameters().records())
                            .containsExactly(
                                    new FlaggedRecord(
                                            commitment.id, FlaggedRecordKind.ACTION, "National reception standard"),
                                    new FlaggedRecord(
                                            municipality, FlaggedRecordKind.ORGANISATION, "Nakawa Division")));
        }

        @Test
        void notForAMunicipalityThatImplementsIt() {
            ActionRow commitment = action("Standard", ministry, "HOUSING", "REFUGEES", KAMPALA, "COMMITTED");
            links.commitments.put(commitment.id, List.of());
            links.implementations.put(
                    commitment.id,
                    List.of(
                            new ActionLinks.Implementation(UUID.randomUUID(), city, "PROPOSED"),
                            new ActionLinks.Implementation(UUID.randomUUID(), municipality, "IN_PROGRESS")));
            assertThat(findings(CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION))
                    .isEmpty();
        }

        @Test
        void aCancelledImplementationDoesNotCount() {
            ActionRow commitment = action("Standard", ministry, "HOUSING", "REFUGEES", KAMPALA, "COMMITTED");
            links.commitments.put(commitment.id, List.of());
            links.implementations.put(
                    commitment.id,
                    List.of(
                            new ActionLinks.Implementation(UUID.randomUUID(), city, "IN_PROGRESS"),
                            new ActionLinks.Implementation(UUID.randomUUID(), municipality, "CANCELLED")));
            assertThat(findings(CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION))
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordIds()).containsExactly(commitment.id, municipality));
        }

        @Test
        void namedImplementersReplaceTheMemberMunicipalitiesButOnlyMembersCount() {
            ActionRow commitment = action("Standard", ministry, "HOUSING", "REFUGEES", KAMPALA, "COMMITTED");
            links.commitments.put(commitment.id, List.of(ngo, UUID.randomUUID()));
            assertThat(findings(CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION))
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordIds()).containsExactly(commitment.id, ngo));
        }

        @Test
        void notForACommitmentThatNeedsNoLocalImplementationOrIsCancelled() {
            action("Ordinary", ministry, "HOUSING", "REFUGEES", KAMPALA, "COMMITTED");
            ActionRow cancelled = action("Dropped", ministry, "HOUSING", "REFUGEES", KAMPALA, "CANCELLED");
            links.commitments.put(cancelled.id, List.of());
            assertThat(findings(CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION))
                    .isEmpty();
        }

        @Test
        void theOwnerIsNeverExpectedToImplementItsOwnCommitment() {
            ActionRow commitment = action("City-wide standard", city, "HOUSING", "REFUGEES", KAMPALA, "COMMITTED");
            links.commitments.put(commitment.id, List.of());
            assertThat(findings(CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION))
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordIds()).containsExactly(commitment.id, municipality));
        }
    }

    @Nested
    class UnfundedAction {

        @Test
        void aLiveActionWithoutCommittedFundingIsFlagged() {
            ActionRow a = action("Legal aid", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "IN_PROGRESS");
            fund(a, "1000", "0");
            assertThat(findings(CoherenceCheckCode.ACTION_WITHOUT_FUNDING))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(a.id);
                        assertThat(f.parameters().records())
                                .containsExactly(new FlaggedRecord(a.id, FlaggedRecordKind.ACTION, "Legal aid"));
                    });
        }

        @Test
        void notWhenSomeFundingIsCommitted() {
            ActionRow a = action("Legal aid", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "IN_PROGRESS");
            fund(a, "1000", "0");
            fund(a, "500", "1");
            assertThat(findings(CoherenceCheckCode.ACTION_WITHOUT_FUNDING)).isEmpty();
        }

        @Test
        void notWhenTheActionHasEnded() {
            action("Done", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "COMPLETED");
            action("Dropped", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "CANCELLED");
            action("Evaluated", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "EVALUATED");
            assertThat(findings(CoherenceCheckCode.ACTION_WITHOUT_FUNDING)).isEmpty();
        }
    }

    @Nested
    class AssignmentsNotAccepted {

        private org.arrival.forum.projection.domain.Rows.AssignmentRow assignment(String status, UUID forumId) {
            org.arrival.forum.projection.domain.Rows.AssignmentRow a =
                    new org.arrival.forum.projection.domain.Rows.AssignmentRow();
            a.id = UUID.randomUUID();
            a.version = 1;
            a.forumId = forumId;
            a.decisionId = UUID.randomUUID();
            a.assigneeId = ngo;
            a.expected = "Open a shelter";
            a.dueOn = LocalDate.of(2025, 4, 15);
            a.status = status;
            store.save(a);
            return a;
        }

        @Test
        void anOpenAssignmentIsFlaggedFromTheDayAfterItsDueDateNamingItAndItsAssignee() {
            var a = assignment("OPEN", forum);
            assertThat(findings(CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED, LocalDate.of(2025, 4, 15)))
                    .isEmpty();
            Finding first = findings(CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED, LocalDate.of(2025, 4, 16))
                    .get(0);
            assertThat(first.recordIds()).containsExactly(a.id, ngo);
            assertThat(first.summary()).contains("Open a shelter", "NGO", "2025-04-15");
            assertThat(first.severity()).isEqualTo(org.arrival.contracts.forum.FlagSeverity.MEDIUM);
            // the same finding every later day: the flag does not change
            assertThat(findings(CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED, TODAY))
                    .containsExactly(first);
        }

        @Test
        void anAcceptedOrDeclinedAssignmentOrOneOfAnotherForumIsNotFlagged() {
            assignment("ACCEPTED", forum);
            assignment("DECLINED", forum);
            assignment("OPEN", UUID.randomUUID());
            assertThat(findings(CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED)).isEmpty();
            settings = CheckSettings.DEFAULTS.without(java.util.Set.of(CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED));
            assignment("OPEN", forum);
            assertThat(findings(CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED)).isEmpty();
        }
    }

    @Nested
    class OverdueReporting {

        private ReportDue dueOn15April() {
            ReportDue d = new ReportDue();
            d.periodStart = LocalDate.of(2025, 1, 1);
            d.periodEnd = LocalDate.of(2025, 3, 31);
            d.dueOn = LocalDate.of(2025, 4, 15);
            return d;
        }

        @Test
        void aReportIsFlaggedFromTheDayAfterItsDueDateWithASummaryThatDoesNotChangeEveryDay() {
            ActionRow a = action("Legal aid", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "IN_PROGRESS");
            a.reportDue = dueOn15April();
            store.save(a);
            assertThat(findings(CoherenceCheckCode.REPORTING_OVERDUE, LocalDate.of(2025, 4, 15)))
                    .isEmpty();
            Finding first = findings(CoherenceCheckCode.REPORTING_OVERDUE, LocalDate.of(2025, 4, 16))
                    .get(0);
            assertThat(first.recordIds()).containsExactly(a.id);
            assertThat(first.summary()).contains("2025-01-01", "2025-03-31", "2025-04-15", "has not arrived");
            assertThat(findings(CoherenceCheckCode.REPORTING_OVERDUE, TODAY)).containsExactly(first);
        }

        @Test
        void aRowProjectedBeforeReportsDueWereKeptIsStillRead() {
            ActionRow a = action("Legal aid", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "IN_PROGRESS");
            Overdue o = new Overdue();
            o.periodStart = LocalDate.of(2025, 1, 1);
            o.periodEnd = LocalDate.of(2025, 3, 31);
            o.dueOn = LocalDate.of(2025, 4, 15);
            o.daysOverdue = 12;
            a.overdue = o;
            store.save(a);
            assertThat(findings(CoherenceCheckCode.REPORTING_OVERDUE))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(a.id);
                        assertThat(f.summary()).contains("2025-03-31", "2025-04-15", "has not arrived");
                        assertThat(f.parameters().periodStart()).isEqualTo(LocalDate.of(2025, 1, 1));
                        assertThat(f.parameters().periodEnd()).isEqualTo(LocalDate.of(2025, 3, 31));
                        assertThat(f.parameters().dueOn()).isEqualTo(LocalDate.of(2025, 4, 15));
                        // no count of days: the flag stays the same every day it is open
                        assertThat(f.parameters().daysOverdue()).isNull();
                    });
        }

        @Test
        void notWhenNothingIsOverdueOrTheActionIsNotUnderWay() {
            action("On time", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "IN_PROGRESS");
            for (String status : List.of("CANCELLED", "ON_HOLD", "COMPLETED")) {
                ActionRow stopped = action("Stopped " + status, city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, status);
                stopped.reportDue = dueOn15April();
                store.save(stopped);
            }
            assertThat(findings(CoherenceCheckCode.REPORTING_OVERDUE)).isEmpty();
        }
    }

    @Nested
    class LateMilestones {

        private void milestone(ActionRow a, String title, String dueOn, String status) {
            MilestoneState m = new MilestoneState();
            m.id = UUID.randomUUID();
            m.version = 1;
            m.title = title;
            m.dueOn = LocalDate.parse(dueOn);
            m.status = status;
            a.milestones.put(m.id.toString(), m);
            store.save(a);
        }

        @Test
        void aPlannedMilestoneIsLateFromTheDayAfterItsDueDateAndAMissedOneIsFlaggedToo() {
            ActionRow a = action("Referral desks", city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, "IN_PROGRESS");
            milestone(a, "Desks open", "2025-04-15", "PLANNED");
            milestone(a, "Reached one", "2025-03-01", "REACHED");
            milestone(a, "Later one", "2025-09-01", "PLANNED");
            assertThat(findings(CoherenceCheckCode.MILESTONE_LATE, LocalDate.of(2025, 4, 15)))
                    .isEmpty();
            assertThat(findings(CoherenceCheckCode.MILESTONE_LATE, LocalDate.of(2025, 4, 16)))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(a.id);
                        assertThat(f.summary())
                                .contains("'Desks open' (due 2025-04-15)")
                                .doesNotContain("Reached one", "Later one", "Missed");
                    });

            ActionRow b = action("Fee waiver", city, "LIVELIHOODS", "REFUGEES", KAMPALA, "IN_PROGRESS");
            milestone(b, "Council decision", "2025-02-28", "MISSED");
            assertThat(findings(CoherenceCheckCode.MILESTONE_LATE, LocalDate.of(2025, 4, 15)))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(b.id);
                        assertThat(f.summary()).contains("Missed: 'Council decision' (due 2025-02-28)");
                    });
        }

        @Test
        void nothingOfAnActionThatHasEndedIsLate() {
            for (String status : List.of("COMPLETED", "CANCELLED", "EVALUATED")) {
                ActionRow a = action("Ended " + status, city, "PROTECTION_RIGHTS", "REFUGEES", KAMPALA, status);
                milestone(a, "Never reached", "2025-01-15", "PLANNED");
                milestone(a, "Missed", "2025-01-20", "MISSED");
            }
            assertThat(findings(CoherenceCheckCode.MILESTONE_LATE)).isEmpty();
        }
    }

    @Test
    void actionsOfOrganisationsWithoutASeatAreLeftOut() {
        UUID former = organisation("Former member", "LOCAL_NGO_CSO");
        seat(former, "ENDED");
        action("Former's shelter", former, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
        action("City shelter", city, "HOUSING", "REFUGEES", KAMPALA, "IN_PROGRESS");
        assertThat(findings(CoherenceCheckCode.OVERLAPPING_ACTIONS)).isEmpty();
        assertThat(findings(CoherenceCheckCode.ACTION_WITHOUT_FUNDING))
                .singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("City shelter"));
    }
}
