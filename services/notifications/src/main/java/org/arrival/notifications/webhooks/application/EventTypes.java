package org.arrival.notifications.webhooks.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.platform.web.InvalidInput;

/**
 * Event types a webhook asks for, named as in the catalogue ({@code org.arrival.registry.StakeholderRegistered.v1})
 * or by their simple name ({@code StakeholderRegistered}, every version). Stored as catalogue types, so routing
 * compares them with the CloudEvents {@code type} as it is.
 */
final class EventTypes {

    private EventTypes() {}

    static List<String> resolve(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw InvalidInput.field("eventTypes", "name at least one event type");
        }
        Set<String> resolved = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : requested) {
            List<String> types = name == null ? List.of() : match(name.strip());
            if (types.isEmpty()) {
                unknown.add(String.valueOf(name));
            }
            resolved.addAll(types);
        }
        if (!unknown.isEmpty()) {
            throw InvalidInput.field(
                    "eventTypes",
                    "unknown event type " + String.join(", ", unknown)
                            + "; use a type of the event catalogue (e.g. org.arrival.actionplans.PlanRecorded.v1)"
                            + " or its simple name (PlanRecorded)");
        }
        return List.copyOf(resolved);
    }

    private static List<String> match(String name) {
        EventCatalogue catalogue = EventCatalogue.instance();
        Optional<EventTypeDefinition> exact = catalogue.findType(name);
        if (exact.isPresent()) {
            return List.of(exact.get().type());
        }
        return catalogue.eventTypes().stream()
                .filter(t -> t.simpleName().equals(name))
                .map(EventTypeDefinition::type)
                .toList();
    }
}
