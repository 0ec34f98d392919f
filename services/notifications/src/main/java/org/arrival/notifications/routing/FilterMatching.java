package org.arrival.notifications.routing;

import java.util.Collection;
import java.util.List;
import org.arrival.notifications.records.EventInterpreter;
import org.arrival.notifications.subscriptions.SubscriptionFilter;

/** Whether an event is one a subscription's filter asks for: every key given must match, absent keys match all. */
public final class FilterMatching {

    private FilterMatching() {}

    public static boolean matches(SubscriptionFilter filter, EventFacts event) {
        if (!filter.eventTypes().isEmpty()
                && filter.eventTypes().stream().noneMatch(t -> typeMatches(t, event.type()))) {
            return false;
        }
        if (!filter.forums().isEmpty() && !intersects(filter.forums(), event.forums())) {
            return false;
        }
        if (!filter.organisations().isEmpty()
                && (event.owner() == null || !filter.organisations().contains(event.owner()))) {
            return false;
        }
        if (!filter.sectors().isEmpty() && !intersects(filter.sectors(), event.sectors())) {
            return false;
        }
        if (!filter.areas().isEmpty() && !intersects(filter.areas(), event.areas())) {
            return false;
        }
        return filter.records().isEmpty() || intersects(filter.records(), event.recordIds());
    }

    /** A full type matches itself; a simple name matches every version of the type of that name. */
    public static boolean typeMatches(String wanted, String type) {
        return wanted.equals(type) || wanted.equals(EventInterpreter.simpleName(type));
    }

    private static <T> boolean intersects(List<T> wanted, Collection<T> present) {
        return wanted.stream().anyMatch(present::contains);
    }
}
