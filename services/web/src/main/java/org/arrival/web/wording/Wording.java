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
 * <li>a text is used only when every argument it names is given; a flag's finding falls back to
 * {@code flag.<check>.alt} (a wording needing other arguments) where a check has one; a missing title reads as the
 * "untitled" of the record's {@code kind}, a missing organisation as "an organisation"; a notification without a
 * code, or a flag without parameters, keeps the service's English words;</li>
 * <li>codes of the contracts' enums read as their labels, what a record lacks ({@code missing}) as its label where
 * there is one, ISO dates as dates, counts of people with the language's grouping, scores as percentages, titles in
 * quotation marks, lists as the language joins them.</li>
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
            Map.entry("answer", "ConsolidatedAnswer"),
            Map.entry("decisionType", "DecisionType"));

    static final Set<String> DATES = Set.of("dueOn", "periodStart", "periodEnd", "closesOn", "asOf", "date");
    static final Set<String> COUNTS = Set.of("registered", "estimated");
    static final Set<String> PERCENTS = Set.of("percentBefore", "percentAfter");
    /** The labels of what a record lacks: inclusion indicators of a plan, breakdown dimensions of an estimate. */
    static final String MISSING = "FlagMissing";

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
            String finding = findingText(
                    page.locale(), String.valueOf(parameters.get("check")), arguments(page, parameters, false));
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
            Map<String, Object> parameters = flatten(flag.parameters());
            if (flag.recordIds() != null && !flag.recordIds().isEmpty()) {
                // the parameters may title only the first of many records
                parameters.put("recordCount", flag.recordIds().size());
            }
            String finding = findingText(page.locale(), flag.checkCode(), arguments(page, parameters, false));
            if (finding != null) {
                return finding;
            }
        }
        return flag.summary();
    }

    /**
     * What the reader is told about a check: {@code rule}, {@code source} or {@code suggestion}
     * ({@code flag.<part>.<check>}), or null for a check this application has no words for.
     */
    public static @Nullable String aboutCheck(Page page, String part, @Nullable String check) {
        String key = "flag." + part + "." + check;
        return check == null || !MESSAGES.has(page.locale(), key) ? null : page.t(key);
    }

    /**
     * A flag's parameters as the arguments of its {@code flag.<check>} text: {@code title} and {@code otherTitle}
     * (the first two records named other than organisations and gaps: actions, needs, plans, rounds, estimates, the
     * forum), {@code recordCount} (how many records it names), {@code round} (the first round named),
     * {@code municipality}, {@code question} (a gap's question), {@code checklistAction}, {@code questions} (the
     * questions a flag groups, joined; {@code questionCount} is added with them), {@code sectors}, {@code groups},
     * {@code areas} with {@code area} and {@code otherArea} (the first and second of them, for checks naming two
     * places), {@code periodStart}, {@code periodEnd}, {@code dueOn}, {@code days}, {@code frameworkItem},
     * {@code registered} and {@code estimated} (counts of people), {@code asOf}, {@code limitDays} (the forum's
     * threshold in days), {@code missing} (codes of what a record lacks), {@code recommendation},
     * {@code percentBefore} and {@code percentAfter}.
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
                default -> {
                    titles.add(r.title());
                    if ("ROUND".equals(r.kind())) {
                        out.putIfAbsent("round", r.title());
                    }
                }
            }
        }
        if (!titles.isEmpty()) {
            out.put("title", titles.get(0));
        }
        out.put(
                "recordCount",
                parameters.records().stream().filter(Objects::nonNull).count());
        parameters.records().stream()
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(r -> out.put("recordKind", String.valueOf(r.kind())));
        if (titles.size() > 1) {
            out.put("otherTitle", titles.get(1));
        }
        putIfPresent(out, "question", parameters.questionCode());
        putIfPresent(out, "checklistAction", parameters.checklistAction());
        putIfPresent(out, "questions", nonEmpty(parameters.questionCodes()));
        putIfPresent(out, "sectors", nonEmpty(parameters.sectors()));
        putIfPresent(out, "groups", nonEmpty(parameters.groups()));
        List<String> areas =
                parameters.areas().stream().filter(Objects::nonNull).toList();
        putIfPresent(out, "areas", nonEmpty(areas));
        if (!areas.isEmpty()) {
            out.put("area", areas.get(0));
        }
        if (areas.size() > 1) {
            out.put("otherArea", areas.get(1));
        }
        putIfPresent(out, "periodStart", text(parameters.periodStart()));
        putIfPresent(out, "periodEnd", text(parameters.periodEnd()));
        putIfPresent(out, "dueOn", text(parameters.dueOn()));
        putIfPresent(out, "days", parameters.daysOverdue());
        putIfPresent(out, "frameworkItem", parameters.frameworkItem());
        putIfPresent(out, "registered", parameters.registered());
        putIfPresent(out, "estimated", parameters.estimated());
        putIfPresent(out, "asOf", text(parameters.asOf()));
        putIfPresent(out, "limitDays", parameters.limitDays());
        putIfPresent(out, "missing", nonEmpty(parameters.missing()));
        putIfPresent(out, "recommendation", parameters.recommendationCode());
        putIfPresent(out, "percentBefore", parameters.percentBefore());
        putIfPresent(out, "percentAfter", parameters.percentAfter());
        return out;
    }

    /**
     * The check's finding: its wording for the kind of record the flag names first where it has one
     * ({@code flag.<check>.<KIND>}), else its own, or its other wording when the flag lacks an argument of the first;
     * null without any.
     */
    static @Nullable String findingText(Locale locale, String check, Map<String, Object> args) {
        Object kind = args.get("recordKind");
        String finding = kind == null ? null : complete(locale, "flag." + check + "." + kind, args);
        if (finding == null) {
            finding = complete(locale, "flag." + check, args);
        }
        return finding != null ? finding : complete(locale, "flag." + check + ".alt", args);
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
        if (parameters.get("questions") instanceof List<?> questions && !parameters.containsKey("questionCount")) {
            args.put("questionCount", questions.size());
        }
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
        if ("missing".equals(name)) {
            String key = "label." + MISSING + "." + value;
            return MESSAGES.has(page.locale(), key) ? page.t(key) : String.valueOf(value);
        }
        if (COUNTS.contains(name) || PERCENTS.contains(name)) {
            Number n = number(value);
            if (n != null) {
                return COUNTS.contains(name)
                        ? page.format().number(n)
                        : page.format().percent(n);
            }
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

    private static @Nullable Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        try {
            return Long.valueOf(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable List<String> nonEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }

    private static @Nullable String text(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
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
