package org.arrival.web.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.AsOf;
import org.arrival.web.api.forum.ForumApi.Change;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.forum.ForumApi.TrackerItem;
import org.arrival.web.layout.Page;
import org.arrival.web.notifications.EventTypes;
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
 * A forum as it stood on a date, and what changed since: the forum service's {@code as-of} view at the end of the
 * chosen day (in the platform's time zone), asked with a plain GET form, so the date picker works without scripts.
 * The service decides what the reader may see then and now; a date it refuses comes back to the form's field.
 */
@Controller
public class AsOfPage {

    /** How many changes the page lists, newest first. */
    static final int SHOWN = 200;
    /** The date asked for when none is: a month ago. */
    static final int DEFAULT_DAYS_BACK = 30;

    private final ForumApi forums;
    private final ZoneId zone;

    public AsOfPage(ForumApi forums, @Value("${arrival.web.time-zone:UTC}") String zone) {
        this.forums = forums;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/forums/{forumId}/as-of")
    public String asOf(
            @PathVariable UUID forumId,
            @RequestParam(name = "at", required = false) @Nullable String typed,
            @ModelAttribute("page") Page page,
            Model model) {
        ForumSummary forum = forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.FORUM, 404, null, null, List.of()));
        String value = typed == null || typed.isBlank()
                ? LocalDate.now(zone).minusDays(DEFAULT_DAYS_BACK).toString()
                : typed.strip();
        Map<String, String> values = Map.of("at", value);
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            model.addAttribute(
                    "view",
                    new AsOfView(
                            forum,
                            FormResult.refused(
                                    values,
                                    Set.of("at"),
                                    new ServiceProblem(
                                            Service.FORUM,
                                            400,
                                            null,
                                            null,
                                            List.of(new ServiceProblem.FieldError("at", page.t("asof.date.invalid"))))),
                            null,
                            null,
                            List.of(),
                            List.of(),
                            0));
            return "asof/asOf";
        }
        // the end of the chosen day: what stood on that date
        Instant at = date.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        AsOf[] answer = new AsOf[1];
        FormResult refused = FormResult.submit(values, Set.of("at"), () -> answer[0] = forums.asOf(forumId, at, SHOWN));
        if (refused != null) {
            model.addAttribute("view", new AsOfView(forum, refused, date, null, List.of(), List.of(), 0));
            return "asof/asOf";
        }
        AsOf asOf = answer[0];
        List<TrackerItem> tracker = asOf.tracker().stream()
                .sorted(Comparator.comparing(t -> t.title() == null ? "" : t.title(), String.CASE_INSENSITIVE_ORDER))
                .toList();
        Map<UUID, String> actionTitles = new HashMap<>();
        tracker.forEach(t -> actionTitles.put(t.actionId(), t.title()));
        List<AsOfView.ChangeRow> changes = asOf.changesSince().stream()
                .sorted(Comparator.comparing(Change::time, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(SHOWN)
                .map(c -> row(page, forumId, c, actionTitles))
                .toList();
        model.addAttribute("view", new AsOfView(forum, FormResult.of(values), date, asOf.at(), tracker, changes, (int)
                Math.min(
                        Integer.MAX_VALUE,
                        Math.max(asOf.changesTotal(), asOf.changesSince().size()))));
        return "asof/asOf";
    }

    static AsOfView.ChangeRow row(Page page, UUID forumId, Change c, Map<UUID, String> actionTitles) {
        String type = c.recordType() == null ? "RECORD" : c.recordType();
        String title = c.title();
        if (title == null && c.actionId() != null) {
            title = actionTitles.get(c.actionId());
        }
        if (title == null) {
            title = page.t("asof.untitled." + (RECORD_TYPES.contains(type) ? type : "RECORD"));
        }
        UUID id = c.recordId();
        String href = id == null
                ? null
                : switch (type) {
                    case "ACTION" -> "/actions/" + id;
                    case "NEED" -> "/needs/" + id;
                    case "PLAN" -> "/plans/" + id;
                    case "ROUND" -> "/rounds/" + id;
                    case "POPULATION_ESTIMATE" -> "/population/" + id;
                    case "FLAG" -> "/forums/" + forumId + "/flags/" + id;
                    case "FORUM" -> "/forums/" + id;
                    default -> null;
                };
        String kind = page.t("asof.recordType." + (RECORD_TYPES.contains(type) ? type : "RECORD"));
        return new AsOfView.ChangeRow(c.time(), EventTypes.name(page, c.type()), kind, title, href, id);
    }

    /** The record types the forum service names in its changes. */
    static final Set<String> RECORD_TYPES = Set.of(
            "ACTION", "NEED", "GAP", "ROUND", "PLAN", "POPULATION_ESTIMATE", "INPUT", "FLAG", "FORUM", "MEMBERSHIP");
}
