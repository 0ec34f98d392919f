package org.arrival.web.decisions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.DecisionOutcomesApi;
import org.arrival.web.api.forum.DecisionOutcomesApi.Outcome;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "What came of our decisions": a forum's decisions, newest first, as they stood on a date (today unless asked with
 * a plain GET form), each with its assignments, who took them on, the linked action's status and latest progress,
 * and what is overdue said in words. The forum service leaves out what the reader may not see.
 */
@Controller
public class DecisionsPage {

    static final int SIZE = 20;

    private final ForumApi forums;
    private final DecisionOutcomesApi outcomes;
    private final ZoneId zone;

    public DecisionsPage(
            ForumApi forums, DecisionOutcomesApi outcomes, @Value("${arrival.web.time-zone:UTC}") String zone) {
        this.forums = forums;
        this.outcomes = outcomes;
        this.zone = ZoneId.of(zone);
    }

    /** The page's model: the forum, the date form, the date shown (null when it could not be read) and the decisions. */
    public record View(
            ForumSummary forum, FormResult form, @Nullable LocalDate asOf, boolean today, Listing<Outcome> decisions) {}

    @GetMapping("/forums/{forumId}/decisions")
    public String decisions(
            @PathVariable UUID forumId,
            @RequestParam(name = "asOf", required = false) @Nullable String typed,
            @RequestParam(name = "page", defaultValue = "0") int pageNumber,
            @ModelAttribute("page") Page page,
            Model model) {
        ForumSummary forum = forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.FORUM, 404, null, null, List.of()));
        LocalDate today = LocalDate.now(zone);
        String value = typed == null || typed.isBlank() ? today.toString() : typed.strip();
        Map<String, String> values = Map.of("asOf", value);
        Listing<Outcome> none = new Listing<>(List.of(), 0, SIZE, 0, 0);
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            FormResult refused = FormResult.refused(
                    values,
                    Set.of("asOf"),
                    new ServiceProblem(
                            Service.FORUM,
                            400,
                            null,
                            null,
                            List.of(new ServiceProblem.FieldError("asOf", page.t("decisions.asOf.invalid")))));
            model.addAttribute("view", new View(forum, refused, null, false, none));
            return "decisions/decisions";
        }
        @SuppressWarnings("unchecked")
        Listing<Outcome>[] answer = new Listing[1];
        int p = Math.max(0, pageNumber);
        FormResult refused = FormResult.submit(
                values, Set.of("asOf"), page::fieldError, () -> answer[0] = outcomes.outcomes(forumId, date, p, SIZE));
        if (refused != null) {
            model.addAttribute("view", new View(forum, refused, null, false, none));
            return "decisions/decisions";
        }
        model.addAttribute("view", new View(forum, FormResult.of(values), date, date.equals(today), answer[0]));
        return "decisions/decisions";
    }
}
