package org.arrival.notifications.routing;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a subscription filter is matched against: the event's type and the facts of the record it is about.
 *
 * @param type the full CloudEvents type, e.g. {@code org.arrival.actionplans.ProgressReported.v1}
 * @param owner the record's owner, null if unknown
 * @param areas country and subdivision codes
 * @param recordIds the record, the event's subject and the record's parents (plan, round, implemented action)
 */
public record EventFacts(
        String type,
        @Nullable UUID owner,
        Set<UUID> forums,
        Set<String> sectors,
        Set<String> areas,
        Set<UUID> recordIds) {}
