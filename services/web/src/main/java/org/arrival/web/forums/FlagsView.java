package org.arrival.web.forums;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.layout.ListFilters;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;

/**
 * The forum's open flags as the page lists them: the newest of those the filters select and how many they are, the filter form's choices, and the
 * tracker's filters, kept when the flag filters are sent (the form reloads the page).
 */
public record FlagsView(
        UUID forumId,
        List<Flag> flags,
        long total,
        FlagFilter filter,
        Map<String, String> keep,
        List<Choice> severities,
        List<Choice> checks) {

    public static final String FORM_ID = "flag-filters";

    static FlagsView of(
            Page page, UUID forumId, List<Flag> flags, long total, FlagFilter filter, Map<String, String> keep) {
        List<Choice> severities = Arrays.stream(FlagSeverity.values())
                .sorted(Comparator.reverseOrder())
                .map(s -> new Choice(s.name(), page.label("FlagSeverity", s.name())))
                .toList();
        List<Choice> checks = Arrays.stream(CoherenceCheckCode.values())
                .map(c -> new Choice(c.name(), page.label("CoherenceCheckCode", c.name())))
                .sorted(Comparator.comparing(Choice::label, java.text.Collator.getInstance(page.locale())))
                .toList();
        return new FlagsView(forumId, flags, total, filter, keep, severities, checks);
    }

    /** Where the form sends the filters: the forum page, at its flags. */
    public String path() {
        return "/forums/" + forumId;
    }

    /** The flag list alone with the same filters, for the live stream's refresh. */
    public String partPath() {
        Map<String, Object> params = new LinkedHashMap<>(keep);
        params.putAll(filter.params());
        return ListFilters.on("/forums/" + forumId + "/parts/flags", ListFilters.queryString(params));
    }

    /** The forum page without the flag filters (the tracker's kept). */
    public String clearPath() {
        return ListFilters.on(path(), ListFilters.queryString(new LinkedHashMap<>(keep))) + "#flags";
    }
}
