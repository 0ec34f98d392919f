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
        assertThat(member.mayRead(owner, DataClassification.FORUM, List.of(forum))).isTrue();
        assertThat(outsider.mayRead(owner, DataClassification.FORUM, List.of(forum))).isFalse();
        assertThat(member.mayRead(owner, DataClassification.ORGANISATION, List.of(forum))).isFalse();
        assertThat(member.seesSmallCounts(owner)).isFalse();
    }

    @Test
    void enforcementBodiesNeverReadRestrictedRecordsWhateverTheirSeatOrRole() {
        Viewer police = viewer(UUID.randomUUID(), true, Set.of(forum), "org-admin", "forum-coordinator");
        assertThat(police.mayRead(owner, DataClassification.RESTRICTED, List.of(forum))).isFalse();
        assertThat(police.mayRead(owner, DataClassification.FORUM, List.of(forum))).isTrue();
        Viewer policeAdmin = viewer(UUID.randomUUID(), true, Set.of(), "platform-admin");
        assertThat(policeAdmin.mayRead(owner, DataClassification.RESTRICTED, List.of())).isFalse();
    }

    @Test
    void anOrganisationHiddenFromEnforcementBodiesDoesNotExistForThem() {
        UUID association = UUID.randomUUID();
        Viewer police = new Viewer(new Caller("p", "p", UUID.randomUUID(), Set.of("org-admin")), true, Set.of(forum),
                Set.of(association));
        assertThat(police.maySeeOrganisation(association)).isFalse();
        assertThat(police.maySeeOrganisation(owner)).isTrue();
        assertThat(police.mayRead(association, DataClassification.PUBLIC, List.of())).isFalse();
        assertThat(police.mayRead(association, DataClassification.FORUM, List.of(forum))).isFalse();
        assertThat(police.visibleOrganisations(List.of(owner, association, owner))).containsExactly(owner, owner);

        Viewer associationItself = new Viewer(new Caller("a", "a", association, Set.of()), false, Set.of(forum),
                Set.of(association));
        assertThat(associationItself.maySeeOrganisation(association)).isTrue();
        assertThat(associationItself.hiddenOrganisations()).isEmpty();
        Viewer member = viewer(UUID.randomUUID(), false, Set.of(forum));
        assertThat(member.maySeeOrganisation(association)).isTrue();
        assertThat(member.mayRead(association, DataClassification.FORUM, List.of(forum))).isTrue();
    }

    @Test
    void derivedDataIsReadableOnlyWhenEveryRecordItComesFromIs() {
        UUID association = UUID.randomUUID();
        Viewer police = new Viewer(new Caller("p", "p", UUID.randomUUID(), Set.of()), true, Set.of(forum),
                Set.of(association));
        RecordScope cityAction = RecordScope.of(owner, DataClassification.FORUM, List.of(forum));
        RecordScope associationAction = RecordScope.of(association, DataClassification.FORUM, List.of(forum));
        RecordScope restrictedNeed = RecordScope.of(owner, DataClassification.RESTRICTED, List.of(forum));
        assertThat(police.mayReadAll(List.of(cityAction))).isTrue();
        assertThat(police.mayReadAll(List.of(cityAction, associationAction))).isFalse();
        assertThat(police.mayReadAll(List.of(cityAction, restrictedNeed))).isFalse();
        Viewer member = viewer(UUID.randomUUID(), false, Set.of(forum));
        assertThat(member.mayReadAll(List.of(cityAction, associationAction, restrictedNeed))).isTrue();
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
        assertThat(RecordScope.strictest(DataClassification.FORUM, List.of(cityAction, associationAction),
                association::equals)).isEqualTo(DataClassification.RESTRICTED);
        assertThat(RecordScope.strictest(DataClassification.FORUM, List.of(restricted), id -> false))
                .isEqualTo(DataClassification.RESTRICTED);
        // a record only its owner reads is never widened to the forum, hidden owner or not
        RecordScope ownOnly = RecordScope.of(association, DataClassification.ORGANISATION, List.of());
        assertThat(RecordScope.strictest(DataClassification.FORUM, List.of(ownOnly, restricted), association::equals))
                .isEqualTo(DataClassification.ORGANISATION);
    }
}
