package org.arrival.web.wording;

import com.ibm.icu.text.MessagePattern;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.FlagParameters;
import org.arrival.web.api.forum.ForumApi.FlaggedRecord;
import org.arrival.web.layout.Messages;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;

/**
 * Texts the services generate, worded in the reader's language from the codes and parameters they send (the bundle
 * {@code messages/notices*}), by the rules the notifications service words its e-mails with:
 * <ul>
 * <li>a notification's title is {@code notification.<code>.title}; its body the flag's finding for the coherence
 * flag codes ({@code flag.<check>}), the lines {@code notification.<code>.line1..3}, the author's own words
 * ({@code text}) and reason ({@code notification.reason});</li>
 * <li>a text is used only when every argument it names is given; a missing title reads as the "untitled" of the
 * record's {@code kind}, a missing organisation as "an organisation"; a notification without a code, or a flag
 * without parameters, keeps the service's English words;</li>
 * <li>codes of the contracts' enums read as their labels, ISO dates as dates, titles in quotation marks, lists as
 * the language joins them.</li>
 * </ul>
 */
public final class Wording {

    private static final Messages MESSAGES = new Messages();

    /** Parameters holding codes of the contracts' enums, with the enum whose labels word them. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("sector", "Sector"),
            Map.entry("sectors", "Sector"),
            Map.entry("group", "PopulationGroup"),
            Map.entry("groups", "PopulationGroup"),
            Map.entry("severity", "Severity"),
            Map.entry("needStatus", "NeedStatus"),
            Map.entry("actionStatus", "ActionStatus"),
            Map.entry("planStatus", "PlanStatus"),
            Map.entry("forumStatus", "ForumStatus"),
            Map.entry("seat", "SeatType"),
            Map.entry("rag", "Rag"),
            Map.entry("inputKind", "InputKind"),
            Map.entry("check", "CoherenceCheckCode"),
            Map.entry("answer", "ConsolidatedAnswer"));

    static final Set<String> DATES = Set.of("dueOn", "periodStart", "periodEnd", "closesOn", "asOf");
    static final Set<String> QUOTED = Set.of("title", "otherTitle", "forum", "round", "milestone");
    static final Set<String> ORGANISATIONS =
            Set.of("organisation", "member", "contributor", "respondent", "municipality");
    static final Set<String> FLAG_CODES = Set.of("CoherenceFlagRaised", "CoherenceFlagUpdated");

    private Wording() {}

    // ---- notifications

    /** A notification's title in the reader's language, or {@code english} when it came without a code. */
    public static @Nullable String title(
            Page page, @Nullable String code, Map<String, Object> parameters, @Nullable String english) {
        if (code == null || code.isBlank()) {
            return english;
        }
        Map<String, Object> args = arguments(page, parameters, true);
        String title = complete(page.locale(), "notification." + code + ".title", args);
        return title != null ? title : complete(page.locale(), "notification.RecordChanged.title", args);
    }

    /** A notification's body as paragraphs in the reader's language, or {@code english} without a code. */
    public static List<String> body(
            Page page, @Nullable String code, Map<String, Object> parameters, @Nullable String english) {
        List<String> parts = new ArrayList<>();
        if (code == null || code.isBlank()) {
            add(parts, english);
            return parts;
        }
        Map<String, Object> args = arguments(page, parameters, true);
        if (FLAG_CODES.contains(code)) {
            String finding =
                    complete(page.locale(), "flag." + parameters.get("check"), arguments(page, parameters, false));
            add(parts, finding != null ? finding : plain(parameters.get("summary")));
        }
        for (int i = 1; i <= 3; i++) {
            add(parts, complete(page.locale(), "notification." + code + ".line" + i, args));
        }
        add(parts, plain(parameters.get("text")));
        if (plain(parameters.get("reason")) != null) {
            add(parts, complete(page.locale(), "notification.reason", args));
        }
        return parts;
    }

    // ---- coherence flags

    /** A flag's finding in the reader's language, from its check and parameters; its English summary without them. */
    public static String finding(Page page, Flag flag) {
        if (flag.parameters() != null) {
            String finding = complete(
                    page.locale(), "flag." + flag.checkCode(), arguments(page, flatten(flag.parameters()), false));
            if (finding != null) {
                return finding;
            }
        }
        return flag.summary();
    }

    /**
     * A flag's parameters as the arguments of its {@code flag.<check>} text: {@code title} and {@code otherTitle}
     * (the actions or need named), {@code municipality}, {@code question}, {@code sectors}, {@code groups},
     * {@code areas}, {@code periodStart}, {@code periodEnd}, {@code dueOn} and {@code days}.
     */
    public static Map<String, Object> flatten(FlagParameters parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> titles = new ArrayList<>();
        for (FlaggedRecord r : parameters.records()) {
            if (r == null || r.title() == null) {
                continue;
            }
            switch (String.valueOf(r.kind())) {
                case "ORGANISATION" -> out.put("municipality", r.title());
                case "GAP" -> out.put("question", r.title());
                default -> titles.add(r.title());
            }
        }
        if (!titles.isEmpty()) {
            out.put("title", titles.get(0));
        }
        if (titles.size() > 1) {
            out.put("otherTitle", titles.get(1));
        }
        putIfPresent(out, "question", parameters.questionCode());
        putIfPresent(out, "sectors", parameters.sectors().isEmpty() ? null : parameters.sectors());
        putIfPresent(out, "groups", parameters.groups().isEmpty() ? null : parameters.groups());
        putIfPresent(out, "areas", parameters.areas().isEmpty() ? null : parameters.areas());
        putIfPresent(
                out,
                "periodStart",
                parameters.periodStart() == null
                        ? null
                        : parameters.periodStart().toString());
        putIfPresent(
                out,
                "periodEnd",
                parameters.periodEnd() == null ? null : parameters.periodEnd().toString());
        putIfPresent(
                out,
                "dueOn",
                parameters.dueOn() == null ? null : parameters.dueOn().toString());
        putIfPresent(out, "days", parameters.daysOverdue());
        return out;
    }

    // ---- the rules

    /** The key's text if every argument it names is given, else null. */
    static @Nullable String complete(Locale locale, String key, Map<String, Object> args) {
        String pattern = MESSAGES.pattern(locale, key);
        if (pattern == null || !args.keySet().containsAll(argumentNames(pattern))) {
            return null;
        }
        String text = MESSAGES.text(locale, key, args);
        return text.isBlank() ? null : text;
    }

    /** Every argument a pattern names, those inside plural and select forms too. */
    static Set<String> argumentNames(String pattern) {
        Set<String> names = new TreeSet<>();
        MessagePattern parsed = new MessagePattern(pattern);
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    static Map<String, Object> arguments(Page page, Map<String, Object> parameters, boolean standIns) {
        Map<String, Object> args = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Object v = argument(page, name, value);
            if (v != null) {
                args.put(name, v);
            }
        });
        if (standIns) {
            for (String name : QUOTED) {
                args.computeIfAbsent(
                        name,
                        n -> MESSAGES.text(
                                page.locale(),
                                "notification.untitled",
                                Map.of("kind", String.valueOf(parameters.getOrDefault("kind", "RECORD")))));
            }
            for (String name : ORGANISATIONS) {
                args.computeIfAbsent(name, n -> page.t("notification.someOrganisation"));
            }
        }
        return args;
    }

    private static @Nullable Object argument(Page page, String name, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> items = list.stream()
                    .filter(Objects::nonNull)
                    .map(item -> String.valueOf(argument(page, name, item)))
                    .toList();
            return items.isEmpty() ? null : page.format().list(items);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (LABELS.containsKey(name)) {
            return page.label(LABELS.get(name), String.valueOf(value));
        }
        if (DATES.contains(name)) {
            try {
                return page.format().date(LocalDate.parse(String.valueOf(value)));
            } catch (DateTimeParseException e) {
                return String.valueOf(value);
            }
        }
        if (QUOTED.contains(name)) {
            return MESSAGES.text(page.locale(), "notification.quoted", Map.of("text", String.valueOf(value)));
        }
        return value;
    }

    private static void putIfPresent(Map<String, Object> map, String name, @Nullable Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    private static @Nullable String plain(@Nullable Object value) {
        return value == null || String.valueOf(value).isBlank()
                ? null
                : String.valueOf(value).strip();
    }

    private static void add(List<String> parts, @Nullable String part) {
        if (part != null && !part.isBlank()) {
            parts.add(part.strip());
        }
    }
}
