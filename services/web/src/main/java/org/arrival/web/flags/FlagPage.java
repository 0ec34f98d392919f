package org.arrival.web.flags;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.actions.References;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
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
 * A coherence flag of a forum on a page of its own (where notifications and e-mails about it lead): its check, status,
 * severity and finding in the reader's language, the check's rule, source and suggestion, the records it names linked
 * to their pages (with their questions' texts for checklist gaps), and the forum's decision on it. A flag the reader
 * may not see, or of a forum they have no seat in, is not found.
 */
@Controller
public class FlagPage {

    private final ForumApi forums;
    private final References references;

    public FlagPage(ForumApi forums, References references) {
        this.forums = forums;
        this.references = references;
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
        model.addAttribute("flag", FlagView.of(page, flag, questions(flag)));
        return "flags/flag";
    }

    /** The checklist's question texts for a flag naming gaps; none when the assessments service does not answer. */
    private Map<String, String> questions(Flag flag) {
        if (!"GAP_WITHOUT_ACTION".equals(flag.checkCode())) {
            return Map.of();
        }
        try {
            return references.checklistQuestions();
        } catch (ServiceProblem | ServiceUnavailable e) {
            return Map.of();
        }
    }

    private static ServiceProblem notFound() {
        return new ServiceProblem(Service.FORUM, 404, null, null, List.of());
    }
}
