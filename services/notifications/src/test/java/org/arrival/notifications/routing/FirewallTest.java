package org.arrival.notifications.routing;

import static org.arrival.contracts.DataClassification.FORUM;
import static org.arrival.contracts.DataClassification.ORGANISATION;
import static org.arrival.contracts.DataClassification.PUBLIC;
import static org.arrival.contracts.DataClassification.RESTRICTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.arrival.contracts.DataClassification;
import org.arrival.notifications.routing.Firewall.Audience;
import org.arrival.notifications.routing.Firewall.Recipient;
import org.junit.jupiter.api.Test;

class FirewallTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID forum = UUID.randomUUID();
    private final Recipient ownerItself = new Recipient(owner, false, Set.of());
    private final Recipient member = new Recipient(UUID.randomUUID(), false, Set.of(forum));
    private final Recipient outsider = new Recipient(UUID.randomUUID(), false, Set.of(UUID.randomUUID()));
    private final Recipient police = new Recipient(UUID.randomUUID(), true, Set.of(forum));

    private Audience audience(DataClassification c, Set<UUID> forums) {
        return new Audience(owner, c, forums, Set.of(), false);
    }

    @Test
    void theOwnerIsAlwaysTold() {
        for (DataClassification c : DataClassification.values()) {
            assertThat(Firewall.mayTell(new Audience(owner, c, Set.of(), Set.of(), true), ownerItself)).isTrue();
        }
    }

    @Test
    void publicGoesToAnyoneButForumOnlyToMembersAndOrganisationOnlyToTheOwner() {
        assertThat(Firewall.mayTell(audience(PUBLIC, Set.of()), outsider)).isTrue();
        assertThat(Firewall.mayTell(audience(PUBLIC, Set.of()), police)).isTrue();
        assertThat(Firewall.mayTell(audience(FORUM, Set.of(forum)), member)).isTrue();
        assertThat(Firewall.mayTell(audience(FORUM, Set.of(forum)), outsider)).isFalse();
        assertThat(Firewall.mayTell(audience(FORUM, Set.of()), member)).as("forums unknown: owner only").isFalse();
        assertThat(Firewall.mayTell(audience(ORGANISATION, Set.of(forum)), member)).isFalse();
    }

    @Test
    void restrictedNeverReachesEnforcementBodiesAndOtherwiseActsLikeForum() {
        assertThat(Firewall.mayTell(audience(RESTRICTED, Set.of(forum)), police)).isFalse();
        assertThat(Firewall.mayTell(audience(RESTRICTED, Set.of(forum)), member)).isTrue();
        assertThat(Firewall.mayTell(audience(RESTRICTED, Set.of(forum)), outsider)).isFalse();
        assertThat(Firewall.mayTell(audience(FORUM, Set.of(forum)), police)).isTrue();
    }

    @Test
    void nothingAboutAHiddenOrganisationReachesEnforcementBodies() {
        Audience hidden = new Audience(owner, PUBLIC, Set.of(forum), Set.of(), true);
        assertThat(Firewall.mayTell(hidden, police)).isFalse();
        assertThat(Firewall.mayTell(hidden, outsider)).isTrue();
    }

    @Test
    void anAuthorReadsWhatItWroteUnlessOrganisationClassifiedOrRestrictedForEnforcement() {
        UUID author = member.organisation();
        assertThat(Firewall.mayTell(new Audience(owner, FORUM, Set.of(), Set.of(author), false), member)).isTrue();
        assertThat(Firewall.mayTell(new Audience(owner, ORGANISATION, Set.of(), Set.of(author), false), member))
                .isFalse();
        assertThat(Firewall.mayTell(new Audience(owner, RESTRICTED, Set.of(), Set.of(police.organisation()), false),
                police)).isFalse();
    }

    @Test
    void anUnknownRecipientIsNeverTold() {
        assertThat(Firewall.mayTell(audience(PUBLIC, Set.of()), new Recipient(null, true, Set.of()))).isFalse();
    }
}
