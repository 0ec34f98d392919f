package org.arrival.web.notifications;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.notifications.NotificationsApi.Filter;
import org.arrival.web.api.notifications.NotificationsApi.Subscription;
import org.arrival.web.api.notifications.NotificationsApi.SubscriptionInput;
import org.arrival.web.api.notifications.NotificationsApi.Webhook;
import org.arrival.web.api.registry.RegistryApi.Organisation;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;

/**
 * The subscription form: its fields, named like the API's JSON fields so a refusal names the field to mark (lists
 * are kept one value a line), what the person may choose from, and the input sent to the notifications service.
 */
public final class SubscriptionForm {

    public static final String SCOPE = "scope";
    public static final String CHANNEL = "channel";
    public static final String ADDRESS = "address";
    public static final String WEBHOOK = "webhookId";
    public static final String FREQUENCY = "frequency";
    public static final String LANGUAGE = "language";
    public static final String FORUMS = "filter.forums";
    public static final String ORGANISATIONS = "filter.organisations";
    public static final String SECTORS = "filter.sectors";
    public static final String AREAS = "filter.areas";
    public static final String RECORDS = "filter.records";
    public static final String EVENT_TYPES = "filter.eventTypes";
    public static final String VERSION = "version";

    static final Set<String> FIELDS = Set.of(
            SCOPE,
            CHANNEL,
            ADDRESS,
            WEBHOOK,
            FREQUENCY,
            LANGUAGE,
            FORUMS,
            ORGANISATIONS,
            SECTORS,
            AREAS,
            RECORDS,
            EVENT_TYPES);
    static final List<String> MULTIPLE = List.of(FORUMS, ORGANISATIONS, SECTORS, RECORDS, EVENT_TYPES);

    private SubscriptionForm() {}

    /** The actions of one forum the person may follow, by title. */
    public record ForumActions(ForumSummary forum, List<Choice> actions) {}

    /** A value to choose and its name. */
    public record Choice(String value, String name) {}

    /**
     * What the form offers: the person's forums, their members by name, the forums' actions by title, the
     * contracts' sectors, the catalogue's event types by part, the organisation's webhooks, the languages e-mails are
     * written in; and whether the person may subscribe their whole organisation (its administrators).
     */
    public record Choices(
            List<ForumSummary> forums,
            List<Organisation> organisations,
            List<ForumActions> actions,
            List<String> sectors,
            List<EventTypes.Group> eventTypes,
            List<Webhook> webhooks,
            List<Locale> languages,
            boolean organisationAdmin) {}

    /** What the person typed, one value a line for the lists. */
    static Map<String, String> typed(HttpServletRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String[] values = request.getParameterValues(field);
            if (values != null) {
                typed.put(
                        field,
                        Arrays.stream(values)
                                .map(String::strip)
                                .filter(v -> !v.isEmpty())
                                .collect(Collectors.joining("\n")));
            }
        }
        String version = request.getParameter(VERSION);
        if (version != null) {
            typed.put(VERSION, version.strip());
        }
        return typed;
    }

    /** A subscription as the form shows it for editing. */
    static Map<String, String> values(Subscription s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(SCOPE, nullToEmpty(s.scope()));
        v.put(CHANNEL, nullToEmpty(s.channel()));
        v.put(ADDRESS, nullToEmpty(s.address()));
        v.put(WEBHOOK, s.webhookId() == null ? "" : s.webhookId().toString());
        v.put(FREQUENCY, nullToEmpty(s.frequency()));
        v.put(LANGUAGE, nullToEmpty(s.language()));
        v.put(FORUMS, lines(s.filter().forums()));
        v.put(ORGANISATIONS, lines(s.filter().organisations()));
        v.put(SECTORS, lines(s.filter().sectors()));
        v.put(AREAS, String.join(" ", s.filter().areas()));
        v.put(RECORDS, lines(s.filter().records()));
        v.put(EVENT_TYPES, lines(s.filter().eventTypes()));
        v.put(VERSION, Long.toString(s.version()));
        return v;
    }

    /**
     * The input to send: the address only for e-mail and the webhook only for webhooks (the form shows both fields
     * whatever is chosen, as it works without scripts); ids that are no ids are sent as typed for the service to
     * refuse at their field.
     */
    static SubscriptionInput input(Map<String, String> typed) {
        String channel = blankToNull(typed.get(CHANNEL));
        Filter filter = new Filter(
                ids(typed.get(FORUMS)),
                ids(typed.get(ORGANISATIONS)),
                list(typed.get(SECTORS)),
                areas(typed.get(AREAS)),
                ids(typed.get(RECORDS)),
                list(typed.get(EVENT_TYPES)));
        return new SubscriptionInput(
                blankToNull(typed.get(SCOPE)),
                channel,
                "EMAIL".equals(channel) ? blankToNull(typed.get(ADDRESS)) : null,
                "WEBHOOK".equals(channel) ? id(typed.get(WEBHOOK)) : null,
                blankToNull(typed.get(FREQUENCY)),
                filter,
                blankToNull(typed.get(LANGUAGE)));
    }

    /** Whether the field's value (one a line) holds the value: a box to tick, an option to select. */
    public static boolean chosen(FormResult form, String field, String value) {
        return form != null && form.value(field).lines().anyMatch(value::equals);
    }

    static List<UUID> ids(@Nullable String lines) {
        List<UUID> ids = new ArrayList<>();
        if (lines != null) {
            lines.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> {
                UUID id = id(s);
                if (id != null) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    private static @Nullable UUID id(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> list(@Nullable String lines) {
        return lines == null
                ? List.of()
                : lines.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Area codes as typed: separated by spaces or commas, in capitals (UG, UG-C). */
    static List<String> areas(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[\\s,;]+"))
                .filter(s -> !s.isBlank())
                .map(s -> s.strip().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    private static String lines(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
