package org.arrival.web.flags;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.FlaggedRecord;
import org.arrival.web.layout.Page;
import org.arrival.web.wording.Wording;
import org.jspecify.annotations.Nullable;

/**
 * A coherence flag as a reader sees it: its finding in their language, its severity, what its check looks for, where
 * the rule comes from and what would clear it, and the records it names, each linked to its page when it has one.
 */
public record FlagView(
        Flag flag,
        String finding,
        List<NamedRecord> records,
        @Nullable String severity,
        @Nullable String rule,
        @Nullable String source,
        @Nullable String suggestion) {

    /**
     * A record a flag names: its kind (a label), its title, its page (null for a checklist gap) and, for a gap, the
     * text of its checklist question (in English, as the instrument words it) when known.
     */
    public record NamedRecord(
            String kind,
            String title,
            @Nullable String href,
            @Nullable String detail) {}

    public static FlagView of(Page page, Flag flag) {
        return of(page, flag, Map.of());
    }

    /** The flag with the checklist's question texts by code, to show beside the gaps it names. */
    public static FlagView of(Page page, Flag flag, Map<String, String> questions) {
        return new FlagView(
                flag,
                Wording.finding(page, flag),
                records(page, flag, questions),
                severity(page, flag),
                Wording.aboutCheck(page, "rule", flag.checkCode()),
                Wording.aboutCheck(page, "source", flag.checkCode()),
                Wording.aboutCheck(page, "suggestion", flag.checkCode()));
    }

    /** The flag's severity as a word, or null for a flag raised before severities. */
    public static @Nullable String severity(Page page, Flag flag) {
        return flag.severity() == null || flag.severity().isBlank()
                ? null
                : page.label("FlagSeverity", flag.severity());
    }

    /** The path of a flag's own page. */
    public static String path(Flag flag) {
        return "/forums/" + flag.forumId() + "/flags/" + flag.flagId();
    }

    public static List<NamedRecord> records(Page page, Flag flag) {
        return records(page, flag, Map.of());
    }

    static List<NamedRecord> records(Page page, Flag flag, Map<String, String> questions) {
        List<NamedRecord> out = new ArrayList<>();
        if (flag.parameters() != null && !flag.parameters().records().isEmpty()) {
            int n = 1;
            for (FlaggedRecord r : flag.parameters().records()) {
                if (r == null) {
                    continue;
                }
                String kind = String.valueOf(r.kind());
                String title = r.title() != null
                        ? ("POPULATION_ESTIMATE".equals(kind) ? estimateTitle(page, r.title()) : r.title())
                        : page.t("flag.record.untitled", "number", n);
                String detail = "GAP".equals(kind) && r.title() != null ? questions.get(r.title()) : null;
                out.add(new NamedRecord(
                        page.label("FlaggedRecordKind", kind), title, href(kind, r.recordId()), blankToNull(detail)));
                n++;
            }
            // a flag naming many records (a large group of overlapping actions) titles only the first of them
            int untitled = flag.recordIds().size() - (n - 1);
            if (untitled > 0 && !out.isEmpty()) {
                out.add(new NamedRecord(
                        out.get(out.size() - 1).kind(), page.t("flag.record.more", "count", untitled), null, null));
            }
            return out;
        }
        // a flag the forum service has not described yet: its records by what its check names
        String kind = switch (flag.checkCode()) {
            case "NEED_WITHOUT_ACTION" -> "NEED";
            case "GAP_WITHOUT_ACTION" -> "GAP";
            default -> "ACTION";
        };
        for (int i = 0; i < flag.recordIds().size(); i++) {
            String k = "MISSING_LOCAL_IMPLEMENTATION".equals(flag.checkCode()) && i == 1 ? "ORGANISATION" : kind;
            out.add(new NamedRecord(
                    page.label("FlaggedRecordKind", k),
                    page.t("flag.record.untitled", "number", i + 1),
                    href(k, flag.recordIds().get(i)),
                    null));
        }
        return out;
    }

    /** The page of a record of this kind, or null where the application has none (a checklist gap). */
    public static @Nullable String href(String kind, @Nullable UUID id) {
        if (id == null) {
            return null;
        }
        return switch (kind) {
            case "ACTION" -> "/actions/" + id;
            case "NEED" -> "/needs/" + id;
            case "ORGANISATION" -> "/stakeholders/" + id;
            case "PLAN" -> "/plans/" + id;
            case "ROUND" -> "/rounds/" + id;
            case "POPULATION_ESTIMATE" -> "/population/" + id;
            case "FORUM" -> "/forums/" + id;
            default -> null;
        };
    }

    /**
     * An estimate's title as the forum service writes it ({@code GROUP, place, date}) in the reader's words: the
     * group's label and the date as the language writes it; any other title as it is.
     */
    static String estimateTitle(Page page, String title) {
        String[] parts = title.split(", ");
        if (parts.length < 3 || !parts[0].matches("[A-Z][A-Z_]*")) {
            return title;
        }
        String place = String.join(", ", List.of(parts).subList(1, parts.length - 1));
        try {
            LocalDate asOf = LocalDate.parse(parts[parts.length - 1]);
            return page.t(
                    "flag.record.estimate",
                    "group",
                    page.label("PopulationGroup", parts[0]),
                    "area",
                    place,
                    "asOf",
                    page.format().date(asOf));
        } catch (DateTimeParseException e) {
            return title;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
