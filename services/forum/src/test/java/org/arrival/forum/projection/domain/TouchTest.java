package org.arrival.forum.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.Forum;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.junit.jupiter.api.Test;

/** Which forums and views an event touches, and as whose record: what the live hints are decided on. */
class TouchTest {

    private static final Jurisdiction KAMPALA = new Jurisdiction("UG", "UG-C", "UG102", "Kampala");
    private static final Jurisdiction GULU = new Jurisdiction("UG", "UG-N", "UG304", "Gulu");

    private final InMemoryStore store = new InMemoryStore();
    private long offset;

    private ProjectedEvent event(Object payload, UUID key, UUID owner, DataClassification classification) {
        String type = EventCatalogue.instance().typeOf(payload.getClass()).type();
        String topic = EventCatalogue.instance().typeOf(payload.getClass()).topic();
        return new ProjectedEvent(
                UUID.randomUUID().toString(),
                type,
                key.toString(),
                key.toString(),
                owner,
                classification,
                Instant.now(),
                topic,
                0,
                offset++,
                EventJson.write(payload));
    }

    /** Applies the event and returns its touches before and after, as the live listener takes them. */
    private List<Touch> apply(ProjectedEvent e) {
        List<Touch> touches = new java.util.ArrayList<>(Touch.of(store, e));
        Projector.apply(store, e);
        Touch.of(store, e).stream().filter(t -> !touches.contains(t)).forEach(touches::add);
        return touches;
    }

    private UUID forum(UUID convenor, Jurisdiction scope) {
        UUID id = UUID.randomUUID();
        apply(event(
                new ForumEstablished(
                        new Forum(
                                id,
                                1,
                                "Forum",
                                ForumType.COORDINATION_FORUM,
                                scope,
                                null,
                                convenor,
                                convenor,
                                null,
                                null,
                                ForumStatus.ACTIVE),
                        new Actor("u", convenor)),
                id,
                convenor,
                DataClassification.PUBLIC));
        return id;
    }

    private static Action action(UUID id, long version, UUID owner, List<UUID> forums) {
        return new Action(
                id,
                version,
                owner,
                null,
                "Clinic",
                null,
                ActionKind.SERVICE,
                List.of(Sector.HEALTH),
                List.of(PopulationGroup.REFUGEES),
                List.of(KAMPALA),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 1, 1),
                ReportingCadence.QUARTERLY,
                List.of(),
                null,
                false,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                forums,
                ActionStatus.IN_PROGRESS,
                null);
    }

    @Test
    void anActionTouchesTheForumsItWasAndIsSharedWithAsItsOwnersRecord() {
        UUID owner = UUID.randomUUID();
        UUID kampala = forum(owner, KAMPALA);
        UUID gulu = forum(owner, GULU);
        UUID id = UUID.randomUUID();
        List<Touch> proposed = apply(event(
                new ActionProposed(action(id, 1, owner, List.of(kampala)), new Actor("u", owner)),
                id,
                owner,
                DataClassification.RESTRICTED));
        assertThat(proposed).hasSize(1);
        Touch t = proposed.get(0);
        assertThat(t.views()).containsExactlyInAnyOrder(Touch.TRACKER, Touch.WHO_WHAT_WHERE, Touch.NEEDS_COVERAGE);
        assertThat(t.owner()).isEqualTo(owner);
        assertThat(t.classification()).isEqualTo("RESTRICTED");
        assertThat(t.concerns(kampala, store)).isTrue();
        assertThat(t.concerns(gulu, store)).isFalse();

        // moved from one forum to the other: both forums' views change
        List<Touch> moved = apply(event(
                new ActionUpdated(
                        action(id, 2, owner, List.of(gulu)), new Actor("u", owner), List.of("sharedWithForums"), null),
                id,
                owner,
                DataClassification.FORUM));
        assertThat(moved).hasSize(2);
        assertThat(moved)
                .anyMatch(m -> m.concerns(kampala, store) && m.classification().equals("RESTRICTED"));
        assertThat(moved)
                .anyMatch(m -> m.concerns(gulu, store) && m.classification().equals("FORUM"));
    }

    @Test
    void aNeedTouchesTheForumsWhoseAreaHoldsItAndASeatTouchesItsForum() {
        UUID owner = UUID.randomUUID();
        UUID kampala = forum(owner, KAMPALA);
        UUID gulu = forum(owner, GULU);
        UUID need = UUID.randomUUID();
        Touch t = apply(event(
                        new NeedIdentified(
                                new Need(
                                        need,
                                        1,
                                        owner,
                                        "Beds",
                                        Sector.HOUSING,
                                        List.of(PopulationGroup.REFUGEES),
                                        KAMPALA,
                                        Severity.HIGH,
                                        List.of(),
                                        List.of(),
                                        null,
                                        NeedStatus.VALIDATED,
                                        null,
                                        List.of()),
                                new Actor("u", owner)),
                        need,
                        owner,
                        DataClassification.PUBLIC))
                .get(0);
        assertThat(t.views()).containsExactly(Touch.NEEDS_COVERAGE);
        assertThat(t.concerns(kampala, store)).isTrue();
        assertThat(t.concerns(gulu, store)).isFalse();

        UUID member = UUID.randomUUID();
        UUID seat = UUID.randomUUID();
        Touch granted = apply(event(
                        new MembershipGranted(
                                new Membership(
                                        seat,
                                        1,
                                        gulu,
                                        member,
                                        SeatType.MEMBER,
                                        LocalDate.of(2025, 1, 1),
                                        null,
                                        MembershipStatus.ACTIVE),
                                new Actor("u", owner)),
                        gulu,
                        owner,
                        DataClassification.PUBLIC))
                .get(0);
        assertThat(granted.owner())
                .as("the seated organisation, so a hidden one stays hidden")
                .isEqualTo(member);
        assertThat(granted.views()).isEqualTo(Touch.ALL);
        assertThat(granted.concerns(gulu, store)).isTrue();
        assertThat(granted.concerns(kampala, store)).isFalse();

        // a renamed organisation touches the forums it sits in, and only those
        Touch renamed = apply(event(
                        new StakeholderUpdated(
                                new Stakeholder(
                                        member,
                                        2,
                                        "Renamed",
                                        null,
                                        StakeholderType.LOCAL_NGO_CSO,
                                        null,
                                        KAMPALA,
                                        List.of(),
                                        List.of(),
                                        false,
                                        null,
                                        false,
                                        null,
                                        StakeholderStatus.ACTIVE),
                                new Actor("u", member),
                                List.of("name")),
                        member,
                        member,
                        DataClassification.PUBLIC))
                .get(0);
        assertThat(renamed.concerns(gulu, store)).isTrue();
        assertThat(renamed.concerns(kampala, store)).isFalse();
    }

    @Test
    void eventsTheViewDoesNotShowTouchNothing() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        // a progress report for an action not yet seen makes a placeholder, which no view shows
        assertThat(apply(new ProjectedEvent(
                        UUID.randomUUID().toString(),
                        "org.arrival.actionplans.ProgressReported.v1",
                        id.toString(),
                        id.toString(),
                        owner,
                        DataClassification.FORUM,
                        Instant.now(),
                        "arrival.action-plans.actions.v1",
                        0,
                        offset++,
                        EventJson.write(new org.arrival.contracts.actionplans.ProgressReported(
                                new org.arrival.contracts.actionplans.ProgressReport(
                                        UUID.randomUUID(),
                                        id,
                                        LocalDate.of(2025, 1, 1),
                                        LocalDate.of(2025, 3, 31),
                                        ActionStatus.IN_PROGRESS,
                                        10,
                                        null,
                                        null,
                                        List.of()),
                                new Actor("u", owner))))))
                .isEmpty();
    }
}
