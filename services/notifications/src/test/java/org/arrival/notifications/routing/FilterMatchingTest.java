package org.arrival.notifications.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.notifications.subscriptions.SubscriptionFilter;
import org.junit.jupiter.api.Test;

class FilterMatchingTest {

    private static final String TYPE = "org.arrival.actionplans.ProgressReported.v1";
    private final UUID forum = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final UUID action = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();
    private final EventFacts event = new EventFacts(
            TYPE, owner, Set.of(forum), Set.of("HEALTH", "RECEPTION"), Set.of("UG", "UG-C"), Set.of(action, plan));

    private static SubscriptionFilter filter(
            List<UUID> forums,
            List<UUID> orgs,
            List<String> sectors,
            List<String> areas,
            List<UUID> records,
            List<String> types) {
        return new SubscriptionFilter(forums, orgs, sectors, areas, records, types);
    }

    @Test
    void anEmptyFilterMatchesEverything() {
        assertThat(FilterMatching.matches(SubscriptionFilter.EVERYTHING, event)).isTrue();
    }

    @Test
    void eachGivenKeyMustMatch() {
        assertThat(FilterMatching.matches(filter(List.of(forum), null, null, null, null, null), event))
                .isTrue();
        assertThat(FilterMatching.matches(filter(List.of(UUID.randomUUID()), null, null, null, null, null), event))
                .isFalse();
        assertThat(FilterMatching.matches(filter(null, List.of(owner), null, null, null, null), event))
                .isTrue();
        assertThat(FilterMatching.matches(filter(null, List.of(UUID.randomUUID()), null, null, null, null), event))
                .isFalse();
        assertThat(FilterMatching.matches(filter(null, null, List.of("EDUCATION", "HEALTH"), null, null, null), event))
                .isTrue();
        assertThat(FilterMatching.matches(filter(null, null, List.of("EDUCATION"), null, null, null), event))
                .isFalse();
        assertThat(FilterMatching.matches(filter(null, null, null, List.of("UG-C"), null, null), event))
                .isTrue();
        assertThat(FilterMatching.matches(filter(null, null, null, List.of("UG"), null, null), event))
                .isTrue();
        assertThat(FilterMatching.matches(filter(null, null, null, List.of("KE"), null, null), event))
                .isFalse();
        assertThat(FilterMatching.matches(filter(null, null, null, null, List.of(plan), null), event))
                .isTrue();
        assertThat(FilterMatching.matches(filter(null, null, null, null, List.of(UUID.randomUUID()), null), event))
                .isFalse();
        // all given keys: one mismatch is enough to refuse
        assertThat(FilterMatching.matches(
                        filter(
                                List.of(forum),
                                List.of(owner),
                                List.of("HEALTH"),
                                List.of("UG"),
                                List.of(action),
                                List.of("ProgressReported")),
                        event))
                .isTrue();
        assertThat(FilterMatching.matches(
                        filter(
                                List.of(forum),
                                List.of(owner),
                                List.of("HEALTH"),
                                List.of("KE"),
                                List.of(action),
                                List.of("ProgressReported")),
                        event))
                .isFalse();
    }

    @Test
    void eventTypesMatchByFullTypeOrSimpleName() {
        assertThat(FilterMatching.matches(filter(null, null, null, null, null, List.of(TYPE)), event))
                .isTrue();
        assertThat(FilterMatching.matches(filter(null, null, null, null, null, List.of("ProgressReported")), event))
                .isTrue();
        assertThat(FilterMatching.matches(filter(null, null, null, null, null, List.of("ActionProposed")), event))
                .isFalse();
        assertThat(FilterMatching.typeMatches("Reported", TYPE)).isFalse();
    }

    @Test
    void anUnknownOwnerMatchesNoOrganisationFilter() {
        EventFacts ownerless = new EventFacts(TYPE, null, Set.of(), Set.of(), Set.of(), Set.of(action));
        assertThat(FilterMatching.matches(filter(null, List.of(owner), null, null, null, null), ownerless))
                .isFalse();
        assertThat(FilterMatching.matches(filter(List.of(forum), null, null, null, null, null), ownerless))
                .isFalse();
    }
}
