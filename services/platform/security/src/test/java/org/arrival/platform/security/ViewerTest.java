package org.arrival.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.junit.jupiter.api.Test;

/** The read policy every service applies to records of other organisations. */
class ViewerTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID forum = UUID.randomUUID();

    private Viewer viewer(UUID org, boolean enforcement, Set<UUID> forums, String... roles) {
        return new Viewer(new Caller("u", "u", org, Set.of(roles)), enforcement, forums, Set.of());
    }

    @Test
    void theOwnerReadsEverythingItOwns() {
        Viewer own = viewer(owner, false, Set.of());
        for (DataClassification c : DataClassification.values()) {
            assertThat(own.mayRead(owner, c, List.of())).isTrue();
        }
        assertThat(own.seesSmallCounts(owner)).isTrue();
    }

    @Test
    void othersReadByClassificationAndForumSeat() {
        Viewer member = viewer(UUID.randomUUID(), false, Set.of(forum));
        Viewer outsider = viewer(UUID.randomUUID(), false, Set.of());
        assertThat(member.mayRead(owner, DataClassification.PUBLIC, List.of())).isTrue();
        assertThat(member.mayRead(owner, DataClassification.FORUM, List.of(forum)))
                .isTrue();
        assertThat(outsider.mayRead(owner, DataClassification.FORUM, List.of(forum)))
                .isFalse();
        assertThat(member.mayRead(owner, DataClassification.ORGANISATION, List.of(forum)))
                .isFalse();
        assertThat(member.seesSmallCounts(owner)).isFalse();
    }

    @Test
    void enforcementBodiesNeverReadRestrictedRecordsWhateverTheirSeatOrRole() {
        Viewer police = viewer(UUID.randomUUID(), true, Set.of(forum), "org-admin", "forum-coordinator");
        assertThat(police.mayRead(owner, DataClassification.RESTRICTED, List.of(forum)))
                .isFalse();
        assertThat(police.mayRead(owner, DataClassification.FORUM, List.of(forum)))
                .isTrue();
        Viewer policeAdmin = viewer(UUID.randomUUID(), true, Set.of(), "platform-admin");
        assertThat(policeAdmin.mayRead(owner, DataClassification.RESTRICTED, List.of()))
                .isFalse();
    }

    @Test
    void anOrganisationHiddenFromEnforcementBodiesDoesNotExistForThem() {
        UUID association = UUID.randomUUID();
        Viewer police = new Viewer(
                new Caller("p", "p", UUID.randomUUID(), Set.of("org-admin")), true, Set.of(forum), Set.of(association));
        assertThat(police.maySeeOrganisation(association)).isFalse();
        assertThat(police.maySeeOrganisation(owner)).isTrue();
        assertThat(police.mayRead(association, DataClassification.PUBLIC, List.of()))
                .isFalse();
        assertThat(police.mayRead(association, DataClassification.FORUM, List.of(forum)))
                .isFalse();
        assertThat(police.visibleOrganisations(List.of(owner, association, owner)))
                .containsExactly(owner, owner);

        Viewer associationItself =
                new Viewer(new Caller("a", "a", association, Set.of()), false, Set.of(forum), Set.of(association));
        assertThat(associationItself.maySeeOrganisation(association)).isTrue();
        assertThat(associationItself.hiddenOrganisations()).isEmpty();
        Viewer member = viewer(UUID.randomUUID(), false, Set.of(forum));
        assertThat(member.maySeeOrganisation(association)).isTrue();
        assertThat(member.mayRead(association, DataClassification.FORUM, List.of(forum)))
                .isTrue();
    }

    @Test
    void derivedDataIsReadableOnlyWhenEveryRecordItComesFromIs() {
        UUID association = UUID.randomUUID();
        Viewer police =
                new Viewer(new Caller("p", "p", UUID.randomUUID(), Set.of()), true, Set.of(forum), Set.of(association));
        RecordScope cityAction = RecordScope.of(owner, DataClassification.FORUM, List.of(forum));
        RecordScope associationAction = RecordScope.of(association, DataClassification.FORUM, List.of(forum));
        RecordScope restrictedNeed = RecordScope.of(owner, DataClassification.RESTRICTED, List.of(forum));
        assertThat(police.mayReadAll(List.of(cityAction))).isTrue();
        assertThat(police.mayReadAll(List.of(cityAction, associationAction))).isFalse();
        assertThat(police.mayReadAll(List.of(cityAction, restrictedNeed))).isFalse();
        Viewer member = viewer(UUID.randomUUID(), false, Set.of(forum));
        assertThat(member.mayReadAll(List.of(cityAction, associationAction, restrictedNeed)))
                .isTrue();
    }

    @Test
    void whatIsDerivedIsAsProtectedAsTheMostProtectedOfItsSources() {
        UUID association = UUID.randomUUID();
        RecordScope cityAction = RecordScope.of(owner, DataClassification.FORUM, List.of(forum));
        RecordScope associationAction = RecordScope.of(association, DataClassification.PUBLIC, List.of());
        RecordScope restricted = RecordScope.of(owner, DataClassification.RESTRICTED, List.of(forum));
        assertThat(RecordScope.strictest(DataClassification.FORUM, List.of(cityAction), association::equals))
                .isEqualTo(DataClassification.FORUM);
        assertThat(RecordScope.strictest(DataClassification.PUBLIC, List.of(), association::equals))
                .isEqualTo(DataClassification.PUBLIC);
        assertThat(RecordScope.strictest(
                        DataClassification.FORUM, List.of(cityAction, associationAction), association::equals))
                .isEqualTo(DataClassification.RESTRICTED);
        assertThat(RecordScope.strictest(DataClassification.FORUM, List.of(restricted), id -> false))
                .isEqualTo(DataClassification.RESTRICTED);
        // a record only its owner reads is never widened to the forum, hidden owner or not
        RecordScope ownOnly = RecordScope.of(association, DataClassification.ORGANISATION, List.of());
        assertThat(RecordScope.strictest(DataClassification.FORUM, List.of(ownOnly, restricted), association::equals))
                .isEqualTo(DataClassification.ORGANISATION);
    }

    @Test
    void aPlatformAdminReadsEveryClassificationOfOthersButAnEnforcementBodyStillNotRestricted() {
        Viewer admin = viewer(UUID.randomUUID(), false, Set.of(), "platform-admin");
        for (DataClassification c : DataClassification.values()) {
            assertThat(admin.mayRead(owner, c, List.of())).as(c.name()).isTrue();
        }
        Viewer policeAdmin = viewer(UUID.randomUUID(), true, Set.of(), "platform-admin");
        assertThat(policeAdmin.mayRead(owner, DataClassification.ORGANISATION, List.of()))
                .isTrue();
        assertThat(policeAdmin.mayRead(owner, DataClassification.RESTRICTED, List.of(forum)))
                .isFalse();
    }

    @Test
    void everyBranchOfThePolicyForAnEnforcementBody() {
        UUID hidden = UUID.randomUUID();
        UUID policeOrg = UUID.randomUUID();
        Viewer police = new Viewer(new Caller("p", "p", policeOrg, Set.of()), true, Set.of(forum), Set.of(hidden));
        // its own records, every classification
        for (DataClassification c : DataClassification.values()) {
            assertThat(police.mayRead(policeOrg, c, List.of())).as("own " + c).isTrue();
        }
        // others' records: PUBLIC always, FORUM with a seat, never ORGANISATION or RESTRICTED
        assertThat(police.mayRead(owner, DataClassification.PUBLIC, List.of())).isTrue();
        assertThat(police.mayRead(owner, DataClassification.FORUM, List.of(forum)))
                .isTrue();
        assertThat(police.mayRead(owner, DataClassification.FORUM, List.of(UUID.randomUUID())))
                .isFalse();
        assertThat(police.mayRead(owner, DataClassification.FORUM, List.of())).isFalse();
        assertThat(police.mayRead(owner, DataClassification.ORGANISATION, List.of(forum)))
                .isFalse();
        assertThat(police.mayRead(owner, DataClassification.RESTRICTED, List.of(forum)))
                .isFalse();
        // a hidden organisation's records, whatever their classification
        for (DataClassification c : DataClassification.values()) {
            assertThat(police.mayRead(hidden, c, List.of(forum)))
                    .as("hidden " + c)
                    .isFalse();
        }
        // the same seat without enforcement: RESTRICTED is read like FORUM
        Viewer member = viewer(UUID.randomUUID(), false, Set.of(forum));
        assertThat(member.mayRead(owner, DataClassification.RESTRICTED, List.of(forum)))
                .isTrue();
        assertThat(member.mayRead(owner, DataClassification.RESTRICTED, List.of()))
                .isFalse();
        assertThat(member.mayRead(RecordScope.of(owner, DataClassification.RESTRICTED, List.of(forum))))
                .isTrue();
        assertThat(police.mayRead(RecordScope.of(owner, DataClassification.RESTRICTED, List.of(forum))))
                .isFalse();
    }

    @Test
    void anEnforcementBodyAlwaysSeesItselfAndNoReferenceIsHidden() {
        UUID policeOrg = UUID.randomUUID();
        // even were its own organisation on the hidden list, it owns its records
        Viewer police = new Viewer(new Caller("p", "p", policeOrg, Set.of()), true, Set.of(), Set.of(policeOrg));
        assertThat(police.maySeeOrganisation(policeOrg)).isTrue();
        assertThat(police.mayRead(policeOrg, DataClassification.RESTRICTED, List.of()))
                .isTrue();
        // no organisation named: nothing to hide
        assertThat(police.maySeeOrganisation(null)).isTrue();
        assertThat(viewer(owner, false, Set.of()).maySeeOrganisation(null)).isTrue();
        assertThat(police.visibleOrganisations(List.of())).isEmpty();
    }

    @Test
    void smallCountsOnlyToTheOwnerThatIsNoEnforcementBody() {
        UUID policeOrg = UUID.randomUUID();
        Viewer police = viewer(policeOrg, true, Set.of());
        assertThat(police.seesSmallCounts(policeOrg)).as("not even its own").isFalse();
        assertThat(police.seesSmallCounts(owner)).isFalse();
        assertThat(viewer(owner, false, Set.of(), "platform-admin").seesSmallCounts(UUID.randomUUID()))
                .isFalse();
        assertThat(viewer(owner, false, Set.of()).seesSmallCounts(owner)).isTrue();
    }

    @Test
    void aViewerWithoutAnOrganisationOwnsNothing() {
        Viewer nobody = new Viewer(new Caller("x", "x", null, Set.of()), false, Set.of(), Set.of());
        assertThat(nobody.owns(owner)).isFalse();
        assertThat(nobody.mayRead(owner, DataClassification.ORGANISATION, List.of()))
                .isFalse();
        assertThat(nobody.mayRead(owner, DataClassification.PUBLIC, List.of())).isTrue();
        assertThat(nobody.mayReadAll(List.of()))
                .as("nothing derived from nothing")
                .isTrue();
    }
}
