package org.arrival.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.arrival.contracts.DataClassification;
import org.arrival.platform.security.Caller;
import org.arrival.platform.testing.ArrivalArchitecture;
import org.junit.jupiter.api.Test;

/** The read policy every service applies to records of other organisations. */
class ViewerTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID forum = UUID.randomUUID();

    private Viewer viewer(UUID org, boolean enforcement, Set<UUID> forums, String... roles) {
        return new Viewer(new Caller("u", "u", org, Set.of(roles)), enforcement, forums);
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
    void theLibraryKnowsNoService() {
        ArrivalArchitecture.verifyLibrary("platform.directory");
    }
}
