package org.arrival.notifications.routing;

import static org.arrival.contracts.DataClassification.FORUM;
import static org.arrival.contracts.DataClassification.ORGANISATION;
import static org.arrival.contracts.DataClassification.PUBLIC;
import static org.arrival.contracts.DataClassification.RESTRICTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.notifications.routing.Firewall.Audience;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.junit.jupiter.api.Test;

/** Who is told, as the platform's read policy ({@link Viewer}) sees each recipient organisation. */
class FirewallTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID forum = UUID.randomUUID();
    private final UUID hiddenAssociation = UUID.randomUUID();
    private final Viewer ownerItself = viewer(owner, false, Set.of());
    private final Viewer member = viewer(UUID.randomUUID(), false, Set.of(forum));
    private final Viewer outsider = viewer(UUID.randomUUID(), false, Set.of(UUID.randomUUID()));
    private final Viewer police = viewer(UUID.randomUUID(), true, Set.of(forum));

    private Viewer viewer(UUID org, boolean enforcement, Set<UUID> forums) {
        return new Viewer(new Caller(null, null, org, Set.of()), enforcement, forums, Set.of(hiddenAssociation));
    }

    private Audience audience(DataClassification c, Set<UUID> forums) {
        return new Audience(RecordScope.of(owner, c, forums), Set.of(owner), Set.of());
    }

    @Test
    void theOwnerIsToldOfEveryClassification() {
        for (DataClassification c : DataClassification.values()) {
            assertThat(Firewall.mayTell(audience(c, Set.of()), ownerItself)).isTrue();
        }
    }

    @Test
    void publicGoesToAnyoneButForumOnlyToMembersAndOrganisationOnlyToTheOwner() {
        assertThat(Firewall.mayTell(audience(PUBLIC, Set.of()), outsider)).isTrue();
        assertThat(Firewall.mayTell(audience(PUBLIC, Set.of()), police)).isTrue();
        assertThat(Firewall.mayTell(audience(FORUM, Set.of(forum)), member)).isTrue();
        assertThat(Firewall.mayTell(audience(FORUM, Set.of(forum)), outsider)).isFalse();
        assertThat(Firewall.mayTell(audience(FORUM, Set.of()), member))
                .as("forums unknown: owner only")
                .isFalse();
        assertThat(Firewall.mayTell(audience(ORGANISATION, Set.of(forum)), member))
                .isFalse();
    }

    @Test
    void restrictedNeverReachesEnforcementBodiesAndOtherwiseActsLikeForum() {
        assertThat(Firewall.mayTell(audience(RESTRICTED, Set.of(forum)), police))
                .isFalse();
        assertThat(Firewall.mayTell(audience(RESTRICTED, Set.of(forum)), member))
                .isTrue();
        assertThat(Firewall.mayTell(audience(RESTRICTED, Set.of(forum)), outsider))
                .isFalse();
        assertThat(Firewall.mayTell(audience(FORUM, Set.of(forum)), police)).isTrue();
    }

    @Test
    void nothingThatNamesAHiddenOrganisationReachesEnforcementBodiesNotEvenTheirOwnRecords() {
        Audience itsOwn = new Audience(
                RecordScope.of(hiddenAssociation, PUBLIC, Set.of(forum)), Set.of(hiddenAssociation), Set.of());
        assertThat(Firewall.mayTell(itsOwn, police)).isFalse();
        assertThat(Firewall.mayTell(itsOwn, outsider)).isTrue();
        // the association takes part in a public action of the owner, or commented on an action of the police
        Audience naming =
                new Audience(RecordScope.of(owner, PUBLIC, Set.of()), Set.of(owner, hiddenAssociation), Set.of());
        assertThat(Firewall.mayTell(naming, police)).isFalse();
        assertThat(Firewall.mayTell(naming, member)).isTrue();
        UUID policeOrg = police.caller().organisationId();
        Audience onPoliceRecord = new Audience(
                RecordScope.of(policeOrg, FORUM, Set.of(forum)),
                Set.of(policeOrg, hiddenAssociation),
                Set.of(hiddenAssociation));
        assertThat(Firewall.mayTell(onPoliceRecord, police)).isFalse();
    }

    @Test
    void anAddresseeReadsWhatWasWrittenByOrForItUnlessOrganisationClassifiedOrRestrictedForEnforcement() {
        UUID author = member.caller().organisationId();
        assertThat(Firewall.mayTell(
                        new Audience(RecordScope.of(owner, FORUM, Set.of()), Set.of(owner, author), Set.of(author)),
                        member))
                .isTrue();
        assertThat(Firewall.mayTell(
                        new Audience(RecordScope.of(owner, FORUM, Set.of()), Set.of(owner, author), Set.of()), member))
                .isFalse();
        assertThat(Firewall.mayTell(
                        new Audience(
                                RecordScope.of(owner, ORGANISATION, Set.of()), Set.of(owner, author), Set.of(author)),
                        member))
                .isFalse();
        UUID policeOrg = police.caller().organisationId();
        assertThat(Firewall.mayTell(
                        new Audience(
                                RecordScope.of(owner, RESTRICTED, Set.of()),
                                Set.of(owner, policeOrg),
                                Set.of(policeOrg)),
                        police))
                .isFalse();
    }

    @Test
    void aNotificationIsAsProtectedAsTheRecordItQuotesAndRestrictedWhenItNamesARestrictedRecord() {
        RecordScope restrictedAction = RecordScope.of(owner, RESTRICTED, Set.of(forum));
        RecordScope internalPlan = RecordScope.of(owner, ORGANISATION, Set.of());
        assertThat(Firewall.classification(FORUM, restrictedAction, List.of())).isEqualTo(RESTRICTED);
        assertThat(Firewall.classification(FORUM, internalPlan, List.of())).isEqualTo(ORGANISATION);
        assertThat(Firewall.classification(
                        PUBLIC,
                        RecordScope.of(owner, PUBLIC, Set.of()),
                        List.of(RecordScope.of(UUID.randomUUID(), RESTRICTED, Set.of()))))
                .isEqualTo(RESTRICTED);
        assertThat(Firewall.classification(FORUM, RecordScope.of(owner, FORUM, Set.of()), List.of(internalPlan)))
                .as("a record only named limits who reads it, not who hears that it was named")
                .isEqualTo(FORUM);
    }

    @Test
    void anOrganisationOfNoOneIsNeverTold() {
        assertThat(Firewall.mayTell(
                        audience(PUBLIC, Set.of()),
                        new Viewer(new Caller(null, null, null, Set.of()), true, Set.of(), Set.of())))
                .isFalse();
    }

    @Test
    void anAddresseeThatIsAnEnforcementBodyReadsWhatIsNotRestrictedAndAMemberReadsRestrictedToo() {
        UUID policeOrg = police.caller().organisationId();
        // a contribution addressed to the police, on a forum record it has no seat for: it is its addressee
        assertThat(Firewall.mayTell(
                        new Audience(
                                RecordScope.of(owner, FORUM, Set.of(UUID.randomUUID())),
                                Set.of(owner, policeOrg),
                                Set.of(policeOrg)),
                        police))
                .isTrue();
        assertThat(Firewall.mayTell(
                        new Audience(
                                RecordScope.of(owner, FORUM, Set.of(UUID.randomUUID())),
                                Set.of(owner, policeOrg),
                                Set.of()),
                        police))
                .isFalse();
        // a restricted record addressed to a member that is no enforcement body
        UUID author = outsider.caller().organisationId();
        assertThat(Firewall.mayTell(
                        new Audience(
                                RecordScope.of(owner, RESTRICTED, Set.of()), Set.of(owner, author), Set.of(author)),
                        outsider))
                .isTrue();
        // being addressed does not reveal a hidden organisation to an enforcement body
        assertThat(Firewall.mayTell(
                        new Audience(
                                RecordScope.of(owner, PUBLIC, Set.of()),
                                Set.of(owner, policeOrg, hiddenAssociation),
                                Set.of(policeOrg)),
                        police))
                .isFalse();
    }

    @Test
    void aNotificationThatQuotesNoRecordIsClassifiedByTheEventAndWhatItNames() {
        assertThat(Firewall.classification(FORUM, null, List.of())).isEqualTo(FORUM);
        assertThat(Firewall.classification(PUBLIC, null, List.of())).isEqualTo(PUBLIC);
        assertThat(Firewall.classification(PUBLIC, null, List.of(RecordScope.of(owner, RESTRICTED, Set.of()))))
                .isEqualTo(RESTRICTED);
        assertThat(Firewall.classification(
                        PUBLIC,
                        null,
                        List.of(RecordScope.of(owner, FORUM, Set.of()), RecordScope.of(owner, ORGANISATION, Set.of()))))
                .isEqualTo(PUBLIC);
    }
}
