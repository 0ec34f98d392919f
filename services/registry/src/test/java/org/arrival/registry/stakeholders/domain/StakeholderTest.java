package org.arrival.registry.stakeholders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.FormalStatus;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class StakeholderTest {

    private static StakeholderProfile city(String name) {
        return new StakeholderProfile(
                name,
                "KCCA",
                StakeholderType.LOCAL_GOVERNMENT,
                GovernmentLevel.MUNICIPAL,
                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                List.of(Sector.HEALTH),
                null,
                false,
                FormalStatus.REGISTERED_LEGAL_ENTITY,
                false,
                null);
    }

    private final Stakeholder proposed = Stakeholder.propose(UUID.randomUUID(), city("Kampala Capital City Authority"));

    @Test
    void startsProposedAtVersionOne() {
        assertThat(proposed.status()).isEqualTo(StakeholderStatus.PROPOSED);
        assertThat(proposed.version()).isEqualTo(1);
        assertThat(proposed.canTakePart()).isTrue();
        assertThat(proposed.classification()).isEqualTo(DataClassification.PUBLIC);
    }

    @Test
    void walksTheWholeLifecycleOneVersionPerStep() {
        Stakeholder verified = proposed.verify();
        Stakeholder active = verified.activate();
        Stakeholder suspended = active.suspend();
        Stakeholder reactivated = suspended.activate();
        Stakeholder archived = reactivated.archive();

        assertThat(List.of(verified, active, suspended, reactivated, archived))
                .extracting(Stakeholder::status, Stakeholder::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(StakeholderStatus.VERIFIED, 2L),
                        org.assertj.core.groups.Tuple.tuple(StakeholderStatus.ACTIVE, 3L),
                        org.assertj.core.groups.Tuple.tuple(StakeholderStatus.SUSPENDED, 4L),
                        org.assertj.core.groups.Tuple.tuple(StakeholderStatus.ACTIVE, 5L),
                        org.assertj.core.groups.Tuple.tuple(StakeholderStatus.ARCHIVED, 6L));
        assertThat(suspended.canTakePart()).isFalse();
        assertThat(archived.canTakePart()).isFalse();
        assertThat(reactivated.canTakePart()).isTrue();
    }

    @Test
    void refusesIllegalSteps() {
        assertThatThrownBy(proposed::activate).isInstanceOf(RuleViolation.class).hasMessageContaining("PROPOSED");
        assertThatThrownBy(proposed::suspend).isInstanceOf(RuleViolation.class);
        Stakeholder verified = proposed.verify();
        assertThatThrownBy(verified::verify).isInstanceOf(RuleViolation.class);
        Stakeholder active = verified.activate();
        assertThatThrownBy(active::activate).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(active::verify).isInstanceOf(RuleViolation.class);
        Stakeholder archived = active.archive();
        assertThatThrownBy(archived::activate).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(archived::suspend).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(archived::verify).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(archived::archive).isInstanceOf(RuleViolation.class).hasMessageContaining("ARCHIVED");
    }

    @Test
    void archiveIsAllowedFromEveryLiveStatus() {
        assertThat(proposed.archive().status()).isEqualTo(StakeholderStatus.ARCHIVED);
        assertThat(proposed.verify().archive().status()).isEqualTo(StakeholderStatus.ARCHIVED);
        assertThat(proposed.verify().suspend().archive().status()).isEqualTo(StakeholderStatus.ARCHIVED);
    }

    @Test
    void reviseKeepsStatusBumpsVersionAndIsRefusedOnceArchived() {
        Stakeholder active = proposed.verify().activate();
        Stakeholder revised = active.revise(city("Kampala Capital City Authority (KCCA)"));
        assertThat(revised.version()).isEqualTo(active.version() + 1);
        assertThat(revised.status()).isEqualTo(StakeholderStatus.ACTIVE);
        assertThat(revised.profile().name()).isEqualTo("Kampala Capital City Authority (KCCA)");

        Stakeholder archived = active.archive();
        assertThatThrownBy(() -> archived.revise(city("Renamed"))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void changesNameTheDifferingFieldsInOrder() {
        StakeholderProfile next = new StakeholderProfile(
                "KCCA",
                null,
                StakeholderType.LOCAL_GOVERNMENT,
                GovernmentLevel.MUNICIPAL,
                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                List.of(Sector.HEALTH, Sector.HOUSING),
                null,
                false,
                FormalStatus.REGISTERED_LEGAL_ENTITY,
                false,
                null);
        assertThat(proposed.changesTo(next)).containsExactly("name", "acronym", "sectors");
        assertThat(proposed.changesTo(proposed.profile())).isEmpty();
    }

    @Test
    void aHiddenGroupsRecordsAreRestricted() {
        StakeholderProfile hidden = new StakeholderProfile(
                "Kisenyi Refugee Women's Association",
                null,
                StakeholderType.MIGRANT_REFUGEE_IDP_ASSOCIATION,
                null,
                null,
                null,
                null,
                false,
                FormalStatus.INFORMAL,
                true,
                null);
        Stakeholder group = Stakeholder.propose(UUID.randomUUID(), hidden);
        assertThat(group.hiddenFromEnforcementBodies()).isTrue();
        assertThat(group.classification()).isEqualTo(DataClassification.RESTRICTED);
    }
}
