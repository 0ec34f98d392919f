package org.arrival.benchmarks.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.benchmarks.events.HistoryEvent;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventContractValidator;
import org.junit.jupiter.api.Test;

/** The seeded actions are contract-valid, the same for the same run, and spread over many buckets. */
class ForumActionsTest {

    static final UUID FORUM = UUID.fromString("3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f");
    static final List<UUID> OWNERS = List.of(
            UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a"),
            UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5"));
    static final List<UUID> NEEDS = List.of(UUID.fromString("9d0f3c55-2a8e-4d7b-9a51-3c6e1f0b7a42"));

    @Test
    void everyEventMatchesItsSchema() {
        ForumActions actions = new ForumActions(200, FORUM, OWNERS, NEEDS, "test");
        List<HistoryEvent> events = actions.events();
        EventContractValidator contracts = EventContractValidator.shared();
        events.forEach(e -> contracts.requireValid(e.type(), e.payload()));
        HistoryEvent change = actions.fundingChange(actions.fundedAction(3), 2, Instant.now());
        contracts.requireValid(change.type(), change.payload());
        assertThat(events).allMatch(e -> e.classification() == DataClassification.FORUM);
        // every action proposed, about 70% funded, a third committed and started
        assertThat(events.stream().filter(e -> e.type().contains("ActionProposed")))
                .hasSize(200);
        assertThat(events.stream()
                        .filter(e -> e.type().contains("FundingRecorded"))
                        .count())
                .isBetween(110L, 170L);
    }

    @Test
    void sameRunSameEvents() {
        List<HistoryEvent> a = new ForumActions(50, FORUM, OWNERS, NEEDS, "run").events();
        List<HistoryEvent> b = new ForumActions(50, FORUM, OWNERS, NEEDS, "run").events();
        List<HistoryEvent> c = new ForumActions(50, FORUM, OWNERS, NEEDS, "other").events();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).id()).isEqualTo(b.get(i).id());
            assertThat(a.get(i).payload()).isEqualTo(b.get(i).payload());
        }
        assertThat(a.get(0).id()).isNotEqualTo(c.get(0).id());
    }

    @Test
    void actionsSpreadOverManyBuckets() {
        ForumActions.Buckets b = new ForumActions(2_000, FORUM, OWNERS, NEEDS, "run").buckets();
        assertThat(b.buckets()).isGreaterThan(150);
        assertThat(b.largest()).isLessThan(100);
        assertThat(b.overlaps()).isPositive().isLessThan(b.pairs());
    }
}
