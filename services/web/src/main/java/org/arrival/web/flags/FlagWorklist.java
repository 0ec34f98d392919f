package org.arrival.web.flags;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.FlaggedRecord;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A forum's coherence flags as a worklist: by status (open and acknowledged unless asked otherwise), severity, check
 * and organisation, the oldest or the newest first, a page at a time. The forum service filters by status, severity
 * and check; the organisation is matched here, on the organisations and the actions (by their owner) a flag names.
 */
@Controller
public class FlagWorklist {

    private final ForumApi forums;
    private final RegistryApi registry;

    public FlagWorklist(ForumApi forums, RegistryApi registry) {
        this.forums = forums;
        this.registry = registry;
    }

    @GetMapping("/forums/{forumId}/flags")
    public String worklist(
            @PathVariable UUID forumId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String check,
            @RequestParam(required = false) @Nullable String org,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer page,
            @ModelAttribute("page") Page view,
            Model model) {
        ForumSummary forum = forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.FORUM, 404, null, null, List.of()));
        WorklistFilter filter = WorklistFilter.of(status, severity, check, org, sort, page);
        List<Flag> flags = forums.flags(forumId, filter.serviceStatus(), filter.severity(), filter.check());
        Map<UUID, UUID> owners = new HashMap<>();
        if (filter.org() != null) {
            forums.allActions(forumId).forEach(a -> {
                if (a.ownerId() != null) {
                    owners.put(a.actionId(), a.ownerId());
                }
            });
        }
        Comparator<Flag> byAge = Comparator.comparing(Flag::createdAt, Comparator.nullsLast(Comparator.naturalOrder()));
        List<Flag> matching = flags.stream()
                .filter(f -> filter.statusMatches(f.status()))
                .filter(f -> filter.org() == null || names(f, filter.org(), owners))
                .sorted(filter.oldestFirst() ? byAge : byAge.reversed())
                .toList();
        model.addAttribute("forum", forum);
        model.addAttribute(
                "worklist", WorklistView.of(view, forumId, filter, matching, registry.organisationsInForum(forumId)));
        return "flags/worklist";
    }

    /** Whether the flag names the organisation, or an action it owns. */
    static boolean names(Flag flag, UUID org, Map<UUID, UUID> owners) {
        if (flag.parameters() != null) {
            for (FlaggedRecord r : flag.parameters().records()) {
                if (r != null && org.equals(r.recordId()) && "ORGANISATION".equals(r.kind())) {
                    return true;
                }
            }
        }
        return flag.recordIds().stream().anyMatch(id -> org.equals(id) || org.equals(owners.get(id)));
    }
}
