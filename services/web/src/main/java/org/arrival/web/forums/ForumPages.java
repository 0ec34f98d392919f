package org.arrival.web.forums;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.FlagQuery;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.forum.ForumApi.Readiness;
import org.arrival.web.api.forum.ForumApi.TrackerItem;
import org.arrival.web.api.forum.ForumApi.TrackerSummary;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forums the person's organisation sits in, and per forum its shared picture: the action tracker, progress by
 * sector, needs coverage, readiness and open coherence flags (by severity and check), each also served alone so
 * the live stream's hints refresh only what changed.
 */
@Controller
public class ForumPages {

    /** Flag states still waiting for the forum's follow-up. */
    static final List<String> OPEN_FLAGS = List.of("OPEN", "ACKNOWLEDGED");

    private final ForumApi forums;

    public ForumPages(ForumApi forums) {
        this.forums = forums;
    }

    @GetMapping("/forums")
    public String myForums(Model model) {
        model.addAttribute("forums", forums.myForums());
        return "forums/myForums";
    }

    @GetMapping("/forums/{forumId}")
    public String forum(
            @PathVariable UUID forumId,
            @RequestParam(required = false) @Nullable String org,
            @RequestParam(required = false) @Nullable String sector,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String check,
            @ModelAttribute("page") Page view,
            Model model) {
        ForumSummary forum = forum(forumId);
        TrackerFilter filter = TrackerFilter.of(org, sector, group, status, area, q, overdue, sort, page);
        TrackerSummary summary = forums.trackerSummary(forumId);
        Readiness readiness = forums.readiness(forumId);
        model.addAttribute("forum", forum);
        model.addAttribute("tracker", tracker(forumId, filter, summary, view));
        model.addAttribute("sectors", ForumCharts.sectors(view, summary));
        model.addAttribute("coverage", ForumCharts.coverage(view, forums.needsCoverage(forumId)));
        model.addAttribute("readiness", readinessView(view, readiness));
        model.addAttribute("flags", flags(view, forumId, FlagFilter.of(severity, check), filter));
        return "forums/forum";
    }

    /** One part of the forum page, for htmx: after a filter change, or when the live stream says it changed. */
    @GetMapping("/forums/{forumId}/parts/{part}")
    public String part(
            @PathVariable UUID forumId,
            @PathVariable String part,
            @RequestParam(required = false) @Nullable String org,
            @RequestParam(required = false) @Nullable String sector,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String check,
            @RequestHeader(name = "HX-Trigger", required = false) @Nullable String trigger,
            @ModelAttribute("page") Page view,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("forumId", forumId);
        switch (part) {
            case "tracker" -> {
                TrackerFilter filter = TrackerFilter.of(org, sector, group, status, area, q, overdue, sort, page);
                model.addAttribute("tracker", tracker(forumId, filter, forums.trackerSummary(forumId), view));
                if (TrackerView.FORM_ID.equals(trigger)) {
                    // the filter form changed: the address names the filters, so it can be shared or reloaded
                    response.setHeader("HX-Push-Url", filter.on("/forums/" + forumId));
                }
                return "forums/tracker";
            }
            case "sectors" -> {
                model.addAttribute("sectors", ForumCharts.sectors(view, forums.trackerSummary(forumId)));
                return "forums/sectors";
            }
            case "coverage" -> {
                model.addAttribute("coverage", ForumCharts.coverage(view, forums.needsCoverage(forumId)));
                return "forums/coverage";
            }
            case "readiness" -> {
                model.addAttribute("readiness", readinessView(view, forums.readiness(forumId)));
                return "forums/readiness";
            }
            case "flags" -> {
                TrackerFilter kept = TrackerFilter.of(org, sector, group, status, area, q, overdue, sort, page);
                model.addAttribute("flags", flags(view, forumId, FlagFilter.of(severity, check), kept));
                return "forums/flags";
            }
            default -> throw new ServiceProblem(Service.FORUM, 404, null, null, List.of());
        }
    }

    private ForumSummary forum(UUID forumId) {
        return forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.FORUM, 404, null, null, List.of()));
    }

    private TrackerView tracker(UUID forumId, TrackerFilter filter, TrackerSummary summary, Page view) {
        Listing<TrackerItem> shown;
        if (filter.filtersHere()) {
            // the forum service filters, sorts and pages everything else; these two filters apply here, over every
            // action the service's filters select
            List<TrackerItem> matching = forums.allActions(forumId, filter.unpaged()).stream()
                    .filter(a -> filter.matches(a, view.locale()))
                    .toList();
            int from = Math.min(matching.size(), filter.page() * TrackerFilter.PAGE_SIZE);
            int to = Math.min(matching.size(), from + TrackerFilter.PAGE_SIZE);
            shown = new Listing<>(
                    matching.subList(from, to),
                    filter.page(),
                    TrackerFilter.PAGE_SIZE,
                    matching.size(),
                    Math.max(1, (matching.size() + TrackerFilter.PAGE_SIZE - 1) / TrackerFilter.PAGE_SIZE));
        } else {
            shown = forums.tracker(forumId, filter.query());
        }
        Map<String, UUID> owners = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        summary.owners().forEach(o -> {
            if (o.organisationId() != null) {
                owners.put(o.name() == null ? o.organisationId().toString() : o.name(), o.organisationId());
            }
        });
        return new TrackerView(
                forumId,
                filter,
                shown,
                Math.toIntExact(summary.actions()),
                owners,
                List.of(Sector.values()).stream().map(Enum::name).toList(),
                List.of(PopulationGroup.values()).stream().map(Enum::name).toList(),
                List.of(ActionStatus.values()).stream().map(Enum::name).toList());
    }

    static ReadinessView readinessView(Page view, Readiness readiness) {
        return new ReadinessView(
                readiness, ForumCharts.recommendations(view, readiness), ForumCharts.trend(view, readiness));
    }

    /**
     * The open flags the filters select, newest first: the first page the forum service answers (its largest), and
     * how many there are in all; the tracker's filters are kept in the flag filter form.
     */
    private FlagsView flags(Page view, UUID forumId, FlagFilter filter, TrackerFilter tracker) {
        Listing<Flag> open = forums.flags(
                forumId,
                new FlagQuery(OPEN_FLAGS, filter.severity(), filter.check(), null, false, 0, ForumApi.MAX_PAGE));
        return FlagsView.of(view, forumId, open.items(), open.totalItems(), filter, tracker.params());
    }
}
