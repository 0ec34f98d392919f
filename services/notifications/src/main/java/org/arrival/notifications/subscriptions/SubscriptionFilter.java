package org.arrival.notifications.subscriptions;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a subscriber wants to hear about. Every key is optional; each one given must match: {@code forums} (the
 * record is shared with one of them), {@code organisations} (the record's owner is one of them), {@code sectors},
 * {@code areas} (country or subdivision codes), {@code records} (the record, or its parent action or plan) and
 * {@code eventTypes} (full CloudEvents types or simple names such as {@code ProgressReported}).
 */
public record SubscriptionFilter(
        List<UUID> forums,
        List<UUID> organisations,
        List<String> sectors,
        List<String> areas,
        List<UUID> records,
        List<String> eventTypes) {

    public static final SubscriptionFilter EVERYTHING =
            new SubscriptionFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public SubscriptionFilter {
        forums = copy(forums);
        organisations = copy(organisations);
        sectors = copy(sectors);
        areas = copy(areas);
        records = copy(records);
        eventTypes = copy(eventTypes);
    }

    private static <T> List<T> copy(@Nullable List<T> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
