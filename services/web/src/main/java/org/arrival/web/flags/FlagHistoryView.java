package org.arrival.web.flags;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.forum.ForumApi.FlagDecision;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;

/** The decisions taken on a flag as the page lists them: when, who for which organisation, which, and why. */
public record FlagHistoryView(List<Entry> entries) {

    /** One decision worded: the status it set and the one it left, who ({@code null}: not shown to the reader). */
    public record Entry(
            String at,
            String decision,
            String from,
            @Nullable String who,
            @Nullable String reason,
            String to) {}

    static FlagHistoryView of(Page page, List<FlagDecision> decisions, Map<UUID, String> organisations) {
        return new FlagHistoryView(decisions.stream()
                .map(d -> new Entry(
                        page.format().dateTime(d.at()),
                        page.t("flag.history.to." + d.to()),
                        page.label("FlagStatus", d.from()),
                        who(page, d, organisations),
                        d.reason(),
                        d.to()))
                .toList());
    }

    private static @Nullable String who(Page page, FlagDecision d, Map<UUID, String> organisations) {
        if (d.by() == null) {
            return null;
        }
        String organisation = d.byOrganisation() == null ? null : organisations.get(d.byOrganisation());
        return organisation == null
                ? d.by()
                : page.t("flag.history.byFor", "person", d.by(), "organisation", organisation);
    }
}
