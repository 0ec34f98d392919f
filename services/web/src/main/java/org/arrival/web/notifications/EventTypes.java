package org.arrival.web.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.web.layout.Page;

/**
 * The event types of the contracts' catalogue as people choose them: by their names in the reader's language
 * ({@code eventType.<SimpleName>}), grouped by the part of Arrival they come from ({@code eventTypes.group.<part>}).
 * Subscriptions name them by their simple names ({@code ProgressReported}).
 */
public final class EventTypes {

    /** A part of Arrival and its event types' simple names, in the catalogue's order. */
    public record Group(String part, List<String> types) {}

    private static final List<Group> GROUPS;

    static {
        Map<String, List<String>> byPart = new LinkedHashMap<>();
        for (EventTypeDefinition type : EventCatalogue.instance().eventTypes()) {
            byPart.computeIfAbsent(part(type.type()), p -> new ArrayList<>()).add(type.simpleName());
        }
        List<Group> groups = new ArrayList<>();
        byPart.forEach((part, types) -> groups.add(new Group(part, List.copyOf(types))));
        GROUPS = List.copyOf(groups);
    }

    private EventTypes() {}

    public static List<Group> groups() {
        return GROUPS;
    }

    public static List<String> all() {
        return GROUPS.stream().flatMap(g -> g.types().stream()).toList();
    }

    /** {@code org.arrival.actionplans.ProgressReported.v1} or {@code ProgressReported} as its simple name. */
    public static String simpleName(String type) {
        if (type == null) {
            return "";
        }
        int v = type.lastIndexOf(".v");
        String withoutVersion = v < 0 ? type : type.substring(0, v);
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }

    /** An event type's name in the reader's language ("Progress reported"). */
    public static String name(Page page, String type) {
        String simple = simpleName(type);
        String key = "eventType." + simple;
        String name = page.t(key);
        return name.equals(key) ? simple : name;
    }

    /** {@code registry}, {@code assessments}, {@code actionplans} or {@code forum}. */
    static String part(String type) {
        String[] parts = type.split("\\.");
        return parts.length > 2 ? parts[2] : "other";
    }
}
