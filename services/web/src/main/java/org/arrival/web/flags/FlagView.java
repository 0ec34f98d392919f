package org.arrival.web.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.FlaggedRecord;
import org.arrival.web.layout.Page;
import org.arrival.web.wording.Wording;
import org.jspecify.annotations.Nullable;

/**
 * A coherence flag as a reader sees it: its finding in their language and the records it names, each linked to its
 * page when it has one.
 */
public record FlagView(Flag flag, String finding, List<NamedRecord> records) {

    /** A record a flag names: its kind (a label), its title, and its page (null for a checklist gap). */
    public record NamedRecord(
            String kind, String title, @Nullable String href) {}

    public static FlagView of(Page page, Flag flag) {
        return new FlagView(flag, Wording.finding(page, flag), records(page, flag));
    }

    /** The path of a flag's own page. */
    public static String path(Flag flag) {
        return "/forums/" + flag.forumId() + "/flags/" + flag.flagId();
    }

    static List<NamedRecord> records(Page page, Flag flag) {
        List<NamedRecord> out = new ArrayList<>();
        if (flag.parameters() != null && !flag.parameters().records().isEmpty()) {
            int n = 1;
            for (FlaggedRecord r : flag.parameters().records()) {
                String kind = String.valueOf(r.kind());
                String title = r.title() != null ? r.title() : page.t("flag.record.untitled", "number", n);
                out.add(new NamedRecord(page.label("FlaggedRecordKind", kind), title, href(kind, r.recordId())));
                n++;
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
                    href(k, flag.recordIds().get(i))));
        }
        return out;
    }

    private static @Nullable String href(String kind, @Nullable UUID id) {
        if (id == null) {
            return null;
        }
        return switch (kind) {
            case "ACTION" -> "/actions/" + id;
            case "NEED" -> "/needs/" + id;
            case "ORGANISATION" -> "/stakeholders/" + id;
            default -> null;
        };
    }
}
