package org.arrival.web.flags;

import java.util.List;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.layout.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A coherence flag of a forum on a page of its own (where notifications and e-mails about it lead): its check, status
 * and finding in the reader's language, the records it names linked to their pages, and the forum's decision on it.
 * A flag the reader may not see, or of a forum they have no seat in, is not found.
 */
@Controller
public class FlagPage {

    private final ForumApi forums;

    public FlagPage(ForumApi forums) {
        this.forums = forums;
    }

    @GetMapping("/forums/{forumId}/flags/{flagId}")
    public String flag(
            @PathVariable UUID forumId, @PathVariable UUID flagId, @ModelAttribute("page") Page page, Model model) {
        ForumSummary forum = forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(FlagPage::notFound);
        Flag flag = forums.flags(forumId).stream()
                .filter(f -> flagId.equals(f.flagId()))
                .findFirst()
                .orElseThrow(FlagPage::notFound);
        model.addAttribute("forum", forum);
        model.addAttribute("flag", FlagView.of(page, flag));
        return "flags/flag";
    }

    private static ServiceProblem notFound() {
        return new ServiceProblem(Service.FORUM, 404, null, null, List.of());
    }
}
