package org.arrival.registry.forums.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.ThematicScope;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class ForumTest {

    private final UUID city = UUID.randomUUID();
    private final UUID department = UUID.randomUUID();
    private final UUID ngo = UUID.randomUUID();

    private ForumProfile profile(UUID parent) {
        return new ForumProfile(
                "Kampala Urban Refugee Coordination Forum",
                ForumType.COORDINATION_FORUM,
                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                new ThematicScope(List.of(Sector.RECEPTION), List.of(PopulationGroup.REFUGEES), "Coordinate reception"),
                city,
                department,
                ngo,
                parent);
    }

    @Test
    void startsEstablishedAndMovesThroughItsLifecycle() {
        Forum f = Forum.establish(UUID.randomUUID(), profile(null));
        assertThat(f.status()).isEqualTo(ForumStatus.ESTABLISHED);
        assertThat(f.version()).isEqualTo(1);
        Forum active = f.moveTo(ForumStatus.ACTIVE);
        Forum dormant = active.moveTo(ForumStatus.DORMANT);
        Forum again = dormant.moveTo(ForumStatus.ACTIVE);
        Forum dissolved = again.moveTo(ForumStatus.DISSOLVED);
        assertThat(List.of(active, dormant, again, dissolved))
                .extracting(Forum::status)
                .containsExactly(ForumStatus.ACTIVE, ForumStatus.DORMANT, ForumStatus.ACTIVE, ForumStatus.DISSOLVED);
        assertThat(dissolved.version()).isEqualTo(5);
        assertThat(again.acceptsMembers()).isTrue();
        assertThat(dissolved.acceptsMembers()).isFalse();
    }

    @Test
    void refusesStepsOutsideItsLifecycle() {
        Forum f = Forum.establish(UUID.randomUUID(), profile(null));
        assertThatThrownBy(() -> f.moveTo(ForumStatus.DORMANT))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("ESTABLISHED");
        assertThatThrownBy(() -> f.moveTo(ForumStatus.ESTABLISHED)).isInstanceOf(RuleViolation.class);
        Forum active = f.moveTo(ForumStatus.ACTIVE);
        assertThatThrownBy(() -> active.moveTo(ForumStatus.ACTIVE)).isInstanceOf(RuleViolation.class);
        Forum dissolved = f.moveTo(ForumStatus.DISSOLVED);
        for (ForumStatus next : ForumStatus.values()) {
            assertThatThrownBy(() -> dissolved.moveTo(next)).isInstanceOf(RuleViolation.class);
        }
    }

    @Test
    void aDissolvedForumCannotBeEditedAndNoForumIsItsOwnParent() {
        UUID id = UUID.randomUUID();
        Forum f = Forum.establish(id, profile(null));
        assertThat(f.revise(profile(UUID.randomUUID())).version()).isEqualTo(2);
        assertThatThrownBy(() -> f.revise(profile(id)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("parentForumId");
        assertThatThrownBy(() -> Forum.establish(id, profile(id))).isInstanceOf(InvalidInput.class);
        Forum dissolved = f.moveTo(ForumStatus.DISSOLVED);
        assertThatThrownBy(() -> dissolved.revise(profile(null))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aGeographicScopeOutsideItsCountryIsRefusedNamingTheForumsField() {
        assertThatThrownBy(() -> new ForumProfile(
                        "Nairobi forum",
                        ForumType.COORDINATION_FORUM,
                        new Jurisdiction("UG", "KE-110", null, null),
                        null,
                        city,
                        null,
                        null,
                        null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("geographicScope.subdivision");
        assertThatThrownBy(() -> new ForumProfile(
                        "Somewhere",
                        ForumType.COORDINATION_FORUM,
                        new Jurisdiction(null, null, null, "Kampala"),
                        null,
                        city,
                        null,
                        null,
                        null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("geographicScope.country");
    }

    @Test
    void profileNormalisesItsScopeAndKnowsItsManagers() {
        ForumProfile p = new ForumProfile(
                " Working group on health ",
                ForumType.WORKING_GROUP,
                null,
                new ThematicScope(List.of(Sector.HEALTH, Sector.HEALTH), List.of(), "  "),
                city,
                null,
                ngo,
                null);
        assertThat(p.name()).isEqualTo("Working group on health");
        assertThat(p.thematicScope().sectors()).containsExactly(Sector.HEALTH);
        assertThat(p.thematicScope().populationGroups()).isNull();
        assertThat(p.thematicScope().mandate()).isNull();
        assertThat(new ForumProfile(
                                "X",
                                ForumType.WORKING_GROUP,
                                null,
                                new ThematicScope(null, null, " "),
                                city,
                                null,
                                null,
                                null)
                        .thematicScope())
                .isNull();
        assertThat(p.managedBy(city)).isTrue();
        assertThat(p.managedBy(ngo)).isTrue();
        assertThat(p.managedBy(department)).isFalse();
        assertThat(p.managedBy(null)).isFalse();
        assertThat(profile(null).changedFrom(p))
                .contains("name", "type", "geographicScope", "thematicScope", "chairId");
    }
}
