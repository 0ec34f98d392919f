package org.arrival.notifications.texts;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Words notices, e-mails and digests in a reader's language from the bundles {@code messages/notifications*} and
 * {@code messages/labels*} (English, French, Spanish, Arabic; ICU message patterns with named arguments, so plurals
 * follow each language). The web application words inbox items from the same codes and parameters with its own
 * bundles, by the same rules:
 * <ul>
 * <li>the title is {@code notification.<code>.title}; the body is, in order, the flag's finding for the coherence
 * flag codes ({@code flag.<check>}), the lines {@code notification.<code>.line1..3}, the author's own words
 * ({@code text}) and their reason ({@code notification.reason});</li>
 * <li>a title, a line or a finding is used only when every argument it names is given; a missing title is the
 * localised "untitled" of the record's {@code kind}, a missing organisation name "an organisation";</li>
 * <li>arguments are written in the language: codes of the contracts' enums as their labels ({@link #LABELS}), ISO
 * dates as dates ({@link #DATES}), titles in the language's quotation marks ({@link #QUOTED}), lists joined as the
 * language joins them.</li>
 * </ul>
 */
public final class Texts {

    /** Where the bundles are. */
    public static final List<String> BUNDLES = List.of("messages/notifications", "messages/labels");

    /** Parameters holding codes of the contracts' enums, with the enum whose labels word them. */
    public static final Map<String, String> LABELS = Map.ofEntries(
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
            Map.entry("decisionType", "DecisionType"),
            Map.entry("rag", "Rag"),
            Map.entry("inputKind", "InputKind"),
            Map.entry("check", "CoherenceCheckCode"),
            Map.entry("flagSeverity", "FlagSeverity"),
            // what a flag finds missing: a plan's inclusion indicators, an estimate's breakdown dimensions
            Map.entry("missing", "Missing"),
            Map.entry("answer", "ConsolidatedAnswer"));
    /** Parameters holding ISO dates. */
    public static final Set<String> DATES = Set.of("dueOn", "periodStart", "periodEnd", "closesOn", "asOf", "date");
    /** Parameters holding titles, written in quotation marks. */
    public static final Set<String> QUOTED = Set.of("title", "otherTitle", "forum", "fromForum", "round", "milestone");
    /** Parameters holding a forum's name: missing, they read as an untitled forum whatever the record's kind. */
    static final Set<String> FORUMS = Set.of("forum", "fromForum");
    /** Parameters holding organisations' names. */
    public static final Set<String> ORGANISATIONS =
            Set.of("organisation", "member", "contributor", "respondent", "municipality", "assignee");
    /** Codes whose body begins with a coherence flag's finding. */
    public static final Set<String> FLAG_CODES = Set.of("CoherenceFlagRaised", "CoherenceFlagUpdated");

    private final List<Locale> languages;
    private final Map<Locale, Properties> bundles = new ConcurrentHashMap<>();
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    /** @param languages the languages to word in; the first is the fallback */
    public Texts(List<String> languages) {
        this.languages = languages.stream().map(Locale::forLanguageTag).toList();
        for (Locale language : this.languages) {
            bundles.put(language, load(language));
        }
    }

    public List<Locale> languages() {
        return languages;
    }

    /** The supported language of a tag (its language subtag), or null. */
    public @Nullable Locale supported(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return languages.stream()
                .filter(l -> l.getLanguage().equals(language))
                .findFirst()
                .orElse(null);
    }

    /** The language of a tag, or the fallback. */
    public Locale language(@Nullable String tag) {
        Locale found = supported(tag);
        return found == null ? languages.getFirst() : found;
    }

    // ---- notices

    public String title(Locale locale, Notice notice) {
        Map<String, Object> args = arguments(locale, notice.parameters(), true);
        String title = complete(locale, "notification." + notice.code() + ".title", args);
        if (title == null) {
            title = complete(locale, "notification.RecordChanged.title", args);
        }
        return limit(title, 300);
    }

    public String body(Locale locale, Notice notice) {
        Map<String, Object> args = arguments(locale, notice.parameters(), true);
        List<String> parts = new ArrayList<>();
        if (FLAG_CODES.contains(notice.code())) {
            // the finding only from what the flag says: no stand-ins for its titles
            String finding = finding(
                    locale,
                    String.valueOf(notice.parameters().get("check")),
                    arguments(locale, notice.parameters(), false));
            add(parts, finding != null ? finding : plain(notice.parameters().get("summary")));
        }
        for (int i = 1; i <= 3; i++) {
            add(parts, complete(locale, "notification." + notice.code() + ".line" + i, args));
        }
        add(parts, plain(notice.parameters().get("text")));
        if (plain(notice.parameters().get("reason")) != null) {
            add(parts, complete(locale, "notification.reason", args));
        }
        return limit(String.join("\n", parts), 2000);
    }

    /** A coherence flag's finding in the language, from its check and its flattened parameters; null if incomplete. */
    public @Nullable String finding(Locale locale, String check, Map<String, Object> arguments) {
        return complete(locale, "flag." + check, arguments);
    }

    // ---- e-mails

    /** An immediate e-mail: the notice, the record's address, and why the reader receives it. */
    public String email(Locale locale, Notice notice, String link, String subscription) {
        String title = title(locale, notice);
        String body = body(locale, notice);
        return (body.isBlank() ? title : title + "\n\n" + body) + "\n\n"
                + text(locale, "mail.open", Map.of("link", link)) + "\n\n--\n"
                + text(locale, "mail.footer", Map.of("subscription", subscription)) + "\n";
    }

    /** One item of a digest. */
    public record DigestItem(@Nullable Notice notice, String fallbackTitle, String link, Instant occurredAt) {}

    public String digestSubject(Locale locale, LocalDate day, int count) {
        return text(locale, "digest.subject", Map.of("day", date(locale, day), "count", count));
    }

    public String digestBody(Locale locale, LocalDate day, List<DigestItem> items, ZoneId zone) {
        StringBuilder b = new StringBuilder(
                        text(locale, "digest.intro", Map.of("day", date(locale, day), "count", items.size())))
                .append('\n');
        DateFormat time =
                DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, ULocale.forLocale(locale));
        time.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        int i = 1;
        for (DigestItem item : items) {
            String title = item.notice() == null ? item.fallbackTitle() : title(locale, item.notice());
            b.append('\n').append(i++).append(". ").append(title).append('\n');
            synchronized (time) {
                b.append("   ")
                        .append(time.format(Date.from(item.occurredAt())))
                        .append(" (")
                        .append(zone.getId())
                        .append(")\n");
            }
            b.append("   ").append(item.link()).append('\n');
        }
        return b.append('\n')
                .append(text(locale, "digest.footer", Map.of()))
                .append('\n')
                .toString();
    }

    // ---- the bundles

    /** The text of a key in the language (English when the language lacks it), its arguments filled in. */
    public String text(Locale locale, String key, Map<String, ?> arguments) {
        String pattern = pattern(locale, key);
        if (pattern == null) {
            return key;
        }
        return format(locale, key, pattern, arguments);
    }

    /** The key's text if every argument it names is given, else null. */
    private @Nullable String complete(Locale locale, String key, Map<String, Object> arguments) {
        String pattern = pattern(locale, key);
        if (pattern == null) {
            return null;
        }
        MessageFormat format = format(locale, key, pattern);
        if (!arguments.keySet().containsAll(argumentNames(pattern))) {
            return null;
        }
        synchronized (format) {
            return format.format(arguments);
        }
    }

    /** Every argument a pattern names, those inside plural and select forms too. */
    public static Set<String> argumentNames(String pattern) {
        Set<String> names = new java.util.TreeSet<>();
        MessagePattern parsed = new MessagePattern(pattern);
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    private String format(Locale locale, String key, String pattern, Map<String, ?> arguments) {
        MessageFormat format = format(locale, key, pattern);
        synchronized (format) {
            return format.format(arguments);
        }
    }

    private MessageFormat format(Locale locale, String key, String pattern) {
        return formats.computeIfAbsent(
                locale.toLanguageTag() + '\u0000' + key, k -> new MessageFormat(pattern, ULocale.forLocale(locale)));
    }

    private @Nullable String pattern(Locale locale, String key) {
        Properties bundle = bundles.get(language(locale.toLanguageTag()));
        String pattern = bundle == null ? null : bundle.getProperty(key);
        if (pattern == null) {
            pattern = Objects.requireNonNull(bundles.get(languages.getFirst()), "the constructor loads every language")
                    .getProperty(key);
        }
        return pattern;
    }

    /**
     * The parameters as arguments in the language: labels for codes, dates, quoted titles, joined lists, and (with
     * {@code standIns}) the localised stand-ins for a missing title or organisation.
     */
    Map<String, Object> arguments(Locale locale, Map<String, Object> parameters, boolean standIns) {
        Map<String, Object> args = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Object v = argument(locale, name, value);
            if (v != null) {
                args.put(name, v);
            }
        });
        if (!standIns) {
            return args;
        }
        for (String name : QUOTED) {
            if (!args.containsKey(name)) {
                args.put(
                        name,
                        text(
                                locale,
                                "notification.untitled",
                                Map.of(
                                        "kind",
                                        FORUMS.contains(name)
                                                ? "FORUM"
                                                : String.valueOf(parameters.getOrDefault("kind", "RECORD")))));
            }
        }
        for (String name : ORGANISATIONS) {
            args.putIfAbsent(name, text(locale, "notification.someOrganisation", Map.of()));
        }
        return args;
    }

    private @Nullable Object argument(Locale locale, String name, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> items = list.stream()
                    .filter(java.util.Objects::nonNull)
                    .map(item -> String.valueOf(argument(locale, name, item)))
                    .toList();
            return items.isEmpty()
                    ? null
                    : ListFormatter.getInstance(ULocale.forLocale(locale)).format(items);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (LABELS.containsKey(name)) {
            return label(locale, LABELS.get(name), String.valueOf(value));
        }
        if (DATES.contains(name)) {
            try {
                return date(locale, LocalDate.parse(String.valueOf(value)));
            } catch (DateTimeParseException e) {
                return String.valueOf(value);
            }
        }
        if (QUOTED.contains(name)) {
            return text(locale, "notification.quoted", Map.of("text", String.valueOf(value)));
        }
        return value;
    }

    /** The label of a code of the contracts, or the code in words when no bundle has one. */
    public String label(Locale locale, String kind, String code) {
        String label = pattern(locale, "label." + kind + "." + code);
        if (label != null) {
            return label;
        }
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? code : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    public String date(Locale locale, LocalDate day) {
        DateFormat f = DateFormat.getDateInstance(DateFormat.MEDIUM, ULocale.forLocale(locale));
        f.setTimeZone(TimeZone.GMT_ZONE);
        return f.format(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
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

    private static String limit(@Nullable String s, int max) {
        String v = s == null ? "" : s.strip();
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }

    private static Properties load(Locale language) {
        Properties merged = new Properties();
        for (String bundle : BUNDLES) {
            String suffix = language.getLanguage().equals("en") ? "" : "_" + language.getLanguage();
            String resource = bundle + suffix + ".properties";
            try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no bundle " + resource + " for the language " + language);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                merged.putAll(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return merged;
    }
}
