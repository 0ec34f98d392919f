package org.arrival.web.flags;

import java.util.List;
import java.util.UUID;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.Flag;
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
 * and organisation, the oldest or the newest first, a page at a time. The forum service filters, orders and pages
 * them: a flag names an organisation when it names the organisation itself or an action the organisation owns.
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
        Listing<Flag> flags = forums.flags(forumId, filter.query());
        model.addAttribute("forum", forum);
        model.addAttribute(
                "worklist", WorklistView.of(view, forumId, filter, flags, registry.organisationsInForum(forumId)));
        return "flags/worklist";
    }
}
