package org.arrival.web.flags;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.web.api.Listing;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.registry.RegistryApi.Organisation;
import org.arrival.web.layout.ListFilters;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;

/** One page of the worklist, how many flags match in all (as the forum service counts them), and the filter form's choices. */
public record WorklistView(
        UUID forumId,
        WorklistFilter filter,
        List<Flag> flags,
        int matching,
        int totalPages,
        List<Choice> statuses,
        List<Choice> severities,
        List<Choice> checks,
        List<Choice> organisations) {

    static WorklistView of(
            Page page, UUID forumId, WorklistFilter filter, Listing<Flag> matching, List<Organisation> organisations) {
        int pages = Math.max(1, matching.totalPages());
        List<Choice> statuses = Stream.concat(
                        Arrays.stream(FlagStatus.values())
                                .map(s -> new Choice(s.name(), page.label("FlagStatus", s.name()))),
                        Stream.of(new Choice(WorklistFilter.ALL, page.t("worklist.status.all"))))
                .toList();
        List<Choice> severities = Arrays.stream(FlagSeverity.values())
                .sorted(Comparator.reverseOrder())
                .map(s -> new Choice(s.name(), page.label("FlagSeverity", s.name())))
                .toList();
        List<Choice> checks = Arrays.stream(CoherenceCheckCode.values())
                .map(c -> new Choice(c.name(), page.label("CoherenceCheckCode", c.name())))
                .sorted(Comparator.comparing(Choice::label, Collator.getInstance(page.locale())))
                .toList();
        List<Choice> orgs = organisations.stream()
                .map(o -> new Choice(o.id().toString(), o.name()))
                .toList();
        return new WorklistView(
                forumId,
                filter,
                matching.items(),
                (int) matching.totalItems(),
                pages,
                statuses,
                severities,
                checks,
                orgs);
    }

    public String path() {
        return "/forums/" + forumId + "/flags";
    }

    /** The worklist's address at another page, with the same filters. */
    public String pagePath(int p) {
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        params.put("page", p == 0 ? null : p);
        return ListFilters.on(path(), ListFilters.queryString(params));
    }
}
