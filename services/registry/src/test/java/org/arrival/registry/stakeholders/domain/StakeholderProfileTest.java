package org.arrival.registry.stakeholders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ExternalIdentifier;
import org.arrival.contracts.registry.FormalStatus;
import org.arrival.contracts.registry.OrganisationContact;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.platform.web.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StakeholderProfileTest {

    private static StakeholderProfile profile(
            StakeholderType type, FormalStatus status, boolean enforcement, boolean hidden) {
        return new StakeholderProfile(
                "An organisation", null, type, null, null, null, null, enforcement, status, hidden, null);
    }

    @Test
    void trimsTextDropsBlankOptionalsAndDuplicates() {
        StakeholderProfile p = new StakeholderProfile(
                "  Kampala Capital City Authority ",
                "   ",
                StakeholderType.LOCAL_GOVERNMENT,
                null,
                new Jurisdiction(" UG ", " UG-C", " ", " Kampala "),
                List.of(Sector.HEALTH, Sector.HEALTH, Sector.HOUSING),
                List.of(new ExternalIdentifier(" UG-NGB ", " 1234 "), new ExternalIdentifier("UG-NGB", "1234")),
                false,
                null,
                false,
                new OrganisationContact(" ", "", null, "  "));
        assertThat(p.name()).isEqualTo("Kampala Capital City Authority");
        assertThat(p.acronym()).isNull();
        assertThat(p.jurisdiction()).isEqualTo(new Jurisdiction("UG", "UG-C", null, "Kampala"));
        assertThat(p.sectors()).containsExactly(Sector.HEALTH, Sector.HOUSING);
        assertThat(p.externalIdentifiers()).containsExactly(new ExternalIdentifier("UG-NGB", "1234"));
        assertThat(p.contact()).isNull();
    }

    @Test
    void absentListsBecomeEmptyAndAnEmptyPlaceIsAbsent() {
        StakeholderProfile p = new StakeholderProfile(
                "IRC",
                null,
                StakeholderType.INTERNATIONAL_NGO,
                null,
                new Jurisdiction(" ", null, null, ""),
                null,
                null,
                false,
                null,
                false,
                null);
        assertThat(p.sectors()).isEmpty();
        assertThat(p.externalIdentifiers()).isEmpty();
        assertThat(p.jurisdiction()).isNull();
    }

    @Test
    void refusesABlankName() {
        assertThatThrownBy(() -> new StakeholderProfile(
                        "   ",
                        null,
                        StakeholderType.LOCAL_GOVERNMENT,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        false,
                        null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("name");
    }

    @Test
    void refusesAPlaceWithoutCountryAndASubdivisionOfAnotherCountry() {
        assertThatThrownBy(() -> new StakeholderProfile(
                        "KCCA",
                        null,
                        StakeholderType.LOCAL_GOVERNMENT,
                        null,
                        new Jurisdiction(null, "UG-C", null, null),
                        null,
                        null,
                        false,
                        null,
                        false,
                        null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("jurisdiction.country");
        assertThatThrownBy(() -> new StakeholderProfile(
                        "KCCA",
                        null,
                        StakeholderType.LOCAL_GOVERNMENT,
                        null,
                        new Jurisdiction("UG", "KE-110", null, null),
                        null,
                        null,
                        false,
                        null,
                        false,
                        null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("jurisdiction.subdivision");
    }

    @Test
    void refusesAnIdentifierWithABlankPart() {
        assertThatThrownBy(() -> new StakeholderProfile(
                        "IRC",
                        null,
                        StakeholderType.INTERNATIONAL_NGO,
                        null,
                        null,
                        null,
                        List.of(new ExternalIdentifier("XM-DAC", " ")),
                        false,
                        null,
                        false,
                        null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("externalIdentifiers.identifier");
    }

    @Test
    void informalOrUndisclosedOrganisationsOfAnyTypeMayHide() {
        assertThatCode(() -> profile(StakeholderType.LOCAL_NGO_CSO, FormalStatus.INFORMAL, false, true))
                .doesNotThrowAnyException();
        assertThatCode(() -> profile(StakeholderType.FAITH_BASED, FormalStatus.UNDISCLOSED, false, true))
                .doesNotThrowAnyException();
    }

    @Test
    void informalGroupsAndMigrantAssociationsMayHideWhateverTheirStatus() {
        for (FormalStatus status : Arrays.asList(null, FormalStatus.REGISTERED_LEGAL_ENTITY)) {
            assertThat(profile(StakeholderType.INFORMAL_COMMUNITY_GROUP, status, false, true)
                            .hiddenFromEnforcementBodies())
                    .isTrue();
            assertThat(profile(StakeholderType.MIGRANT_REFUGEE_IDP_ASSOCIATION, status, false, true)
                            .hiddenFromEnforcementBodies())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = StakeholderType.class,
            names = {"INFORMAL_COMMUNITY_GROUP", "MIGRANT_REFUGEE_IDP_ASSOCIATION"},
            mode = EnumSource.Mode.EXCLUDE)
    void registeredOrganisationsOfOtherTypesMayNotHide(StakeholderType type) {
        assertThatThrownBy(() -> profile(type, FormalStatus.REGISTERED_LEGAL_ENTITY, false, true))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("hiddenFromEnforcementBodies");
        assertThatThrownBy(() -> profile(type, null, false, true)).isInstanceOf(InvalidInput.class);
        assertThatCode(() -> profile(type, FormalStatus.REGISTERED_LEGAL_ENTITY, false, false))
                .doesNotThrowAnyException();
    }

    @Test
    void anEnforcementBodyCannotHideEvenIfOtherwiseAllowed() {
        assertThatThrownBy(() -> profile(StakeholderType.INFORMAL_COMMUNITY_GROUP, FormalStatus.INFORMAL, true, true))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("enforcement body");
    }

    @Test
    void changedFromListsEveryDifferingField() {
        StakeholderProfile a = profile(StakeholderType.LOCAL_NGO_CSO, FormalStatus.INFORMAL, false, false);
        StakeholderProfile b = profile(StakeholderType.LOCAL_NGO_CSO, FormalStatus.INFORMAL, false, true);
        StakeholderProfile c =
                profile(StakeholderType.NATIONAL_GOVERNMENT_BODY, FormalStatus.REGISTERED_LEGAL_ENTITY, true, false);
        assertThat(b.changedFrom(a)).containsExactly("hiddenFromEnforcementBodies");
        assertThat(c.changedFrom(a)).containsExactly("type", "enforcementBody", "formalStatus");
        assertThat(a.changedFrom(a)).isEmpty();
    }
}
