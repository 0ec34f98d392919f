package org.arrival.web.decisions;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.arrival.web.api.forum.DecisionOutcomesApi;
import org.arrival.web.api.forum.DecisionOutcomesApi.Pack;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.flags.FlagView;
import org.arrival.web.layout.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A meeting's pack: its details, attendance and agenda with each record's title, the forum's tracker and open flags
 * at the end of the meeting's day, and what came of the decisions before it. As a page to print (its print style
 * leaves out the navigation), and as one HTML file with its style inside, to send or keep where the connection is
 * poor: readable in any browser, offline, by a screen reader, and printable.
 */
@Controller
public class MeetingPack {

    private final ForumApi forums;
    private final DecisionOutcomesApi outcomes;

    public MeetingPack(ForumApi forums, DecisionOutcomesApi outcomes) {
        this.forums = forums;
        this.outcomes = outcomes;
    }

    /** The pack and what the templates need beside it: the forum's name and the open flags' findings worded. */
    public record View(UUID forumId, String forumName, Pack pack, java.util.List<FlagView> flags) {}

    @GetMapping("/forums/{forumId}/meetings/{meetingId}/pack")
    public String pack(
            @PathVariable UUID forumId, @PathVariable UUID meetingId, @ModelAttribute("page") Page page, Model model) {
        model.addAttribute("view", view(page, forumId, meetingId));
        return "decisions/pack";
    }

    @GetMapping("/forums/{forumId}/meetings/{meetingId}/pack.html")
    public String file(
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @ModelAttribute("page") Page page,
            Model model,
            HttpServletResponse response) {
        View view = view(page, forumId, meetingId);
        String date = view.pack().meeting().date() == null
                ? ""
                : "-" + view.pack().meeting().date();
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("meeting-pack" + date + ".html")
                        .build()
                        .toString());
        model.addAttribute("view", view);
        return "decisions/packFile";
    }

    private View view(Page page, UUID forumId, UUID meetingId) {
        Pack pack = outcomes.pack(forumId, meetingId);
        String name = forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .map(ForumSummary::name)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(page.t("forums.unnamed"));
        var flags = pack.openFlags().stream()
                .map(f -> FlagView.of(page, f, java.util.Map.of()))
                .toList();
        return new View(forumId, name, pack, flags);
    }
}
