package org.arrival.benchmarks.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.benchmarks.events.HistoryEvent;
import org.arrival.contracts.EventContractValidator;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.SeatType;
import org.junit.jupiter.api.Test;

class NationalDatasetTest {

    private static final DatasetSize TINY = new DatasetSize("tiny", 2, 5, 23, 60, 20, 3, 10, 6);
    private static final UUID CHAIR = UUID.fromString("5b0c7a51-7d3e-4f4e-9a52-0f2b1c3d4e5f");

    private static final List<UUID> READERS = List.of(UUID.fromString("3ad21286-85be-4d44-97dc-26da917903ed"), CHAIR);

    private static List<HistoryEvent> all(NationalDataset d) {
        List<HistoryEvent> events = new ArrayList<>();
        d.forEach(events::add);
        return events;
    }

    /** The event type's name without its namespace and version. */
    private static String kind(HistoryEvent e) {
        String[] parts = e.type().split("\\.");
        return parts[parts.length - 2];
    }

    @Test
    void everyEventMeetsItsContract() {
        EventContractValidator contracts = EventContractValidator.shared();
        List<HistoryEvent> events = all(new NationalDataset(TINY, 7, READERS, CHAIR));
        assertThat(events).hasSize((int) new NationalDataset(TINY, 7, READERS, CHAIR).events());
        events.forEach(e -> contracts.requireValid(e.type(), e.payload()));
        assertThat(events.stream().map(NationalDatasetTest::kind).distinct())
                .contains(
                        "StakeholderRegistered",
                        "ForumEstablished",
                        "MembershipGranted",
                        "NeedIdentified",
                        "PopulationEstimateRecorded",
                        "ActionProposed",
                        "ActionUpdated",
                        "MilestoneRecorded",
                        "FundingRecorded",
                        "ProgressReported");
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        List<HistoryEvent> once = all(new NationalDataset(TINY, 7, READERS, CHAIR));
        List<HistoryEvent> again = all(new NationalDataset(TINY, 7, READERS, CHAIR));
        List<HistoryEvent> other = all(new NationalDataset(TINY, 8, READERS, CHAIR));
        for (int i = 0; i < once.size(); i++) {
            assertThat(again.get(i).id()).isEqualTo(once.get(i).id());
            assertThat(again.get(i).payload()).isEqualTo(once.get(i).payload());
            assertThat(again.get(i).time()).isEqualTo(once.get(i).time());
        }
        assertThat(other.getFirst().id()).isNotEqualTo(once.getFirst().id());
        assertThat(new HashSet<>(once.stream().map(HistoryEvent::id).toList())).hasSize(once.size());
    }

    @Test
    void theLargeForumHoldsItsShareAndEveryOwnerSitsInTheActionsForum() {
        NationalDataset d = new NationalDataset(TINY, 7, READERS, CHAIR);
        Map<UUID, Set<UUID>> seats = new HashMap<>();
        Map<UUID, Integer> actionsPerForum = new HashMap<>();
        for (HistoryEvent e : d) {
            if (kind(e).equals("ForumEstablished")) {
                var f = EventJson.read(e.payload(), ForumEstablished.class).forum();
                assertThat(f.chairId()).isEqualTo(f.forumId().equals(d.largestForum()) ? CHAIR : f.convenorId());
            } else if (kind(e).equals("MembershipGranted")) {
                var m = EventJson.read(e.payload(), MembershipGranted.class).membership();
                seats.computeIfAbsent(m.forumId(), k -> new HashSet<>()).add(m.stakeholderId());
                boolean chairs = m.stakeholderId().equals(CHAIR) && m.forumId().equals(d.largestForum());
                assertThat(m.seat()).isEqualTo(chairs ? SeatType.CHAIR : SeatType.MEMBER);
            } else if (kind(e).equals("ActionProposed")) {
                var a = EventJson.read(e.payload(), ActionProposed.class).action();
                UUID forum = a.sharedWithForums().getFirst();
                assertThat(seats.get(forum)).contains(a.ownerId());
                actionsPerForum.merge(forum, 1, Integer::sum);
            }
        }
        assertThat(actionsPerForum.get(d.largestForum())).isEqualTo(TINY.largestForumActions());
        assertThat(actionsPerForum).hasSize(TINY.forums());
        assertThat(seats.values()).allSatisfy(members -> assertThat(members).containsAll(READERS));
        assertThat(d.visibleInLargestForum()).isEqualTo(19);
    }

    @Test
    void timeRunsForwardAndEveryReportFollowsItsAction() {
        NationalDataset d = new NationalDataset(TINY, 7, READERS, CHAIR);
        Set<UUID> proposed = new HashSet<>();
        HistoryEvent previous = null;
        int reports = 0;
        for (HistoryEvent e : d) {
            assertThat(e.time()).isBetween(NationalDataset.START, NationalDataset.END);
            if (previous != null) {
                assertThat(e.time()).isAfterOrEqualTo(previous.time());
            }
            previous = e;
            if (kind(e).equals("ActionProposed")) {
                proposed.add(e.key());
            } else if (kind(e).equals("ProgressReported")) {
                var r = EventJson.read(e.payload(), ProgressReported.class).report();
                assertThat(proposed).contains(r.actionId());
                assertThat(r.periodEnd()).isAfter(r.periodStart());
                reports++;
            }
        }
        assertThat(reports).isEqualTo(TINY.actions() * TINY.reportsPerAction());
        assertThat(d.at(d.events() - 1).id()).isEqualTo(previous.id());
    }

    @Test
    void theNamedSizesHoldWhatTheyPromise() {
        assertThat(DatasetSize.COUNTRY.reports()).isEqualTo(5_000_000);
        assertThat(new NationalDataset(DatasetSize.COUNTRY, 1, READERS, CHAIR).events())
                .isGreaterThan(5_800_000);
        assertThat(DatasetSize.parse(" City ")).isEqualTo(DatasetSize.CITY);
        assertThatThrownBy(() -> DatasetSize.parse("planet")).hasMessageContaining("city, region, country");
        assertThatThrownBy(() -> new DatasetSize("odd", 0, 2, 10, 10, 20, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NationalDataset(TINY, 7, READERS.subList(0, 1), CHAIR))
                .hasMessageContaining("chair");
    }
}
