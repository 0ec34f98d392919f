package org.arrival.web.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.web.actions.References;
import org.arrival.web.api.Listing;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.LastReport;
import org.arrival.web.api.actionplans.ActionPlansApi.Plan;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A plan's page: its facts and the actions in it that the reader may read (the service leaves out the others),
 * each with its owner, status and latest reported progress, filtered by status, sorted and paged by the service.
 * Commitments that cities carry out lead to their cascade.
 */
@Controller
public class PlanPage {

    public static final int PAGE_SIZE = 20;
    /** The orders the service sorts a plan's actions by, by title first. */
    public static final List<String> SORTS =
            List.of("title", "-title", "-updatedAt", "-createdAt", "startDate", "endDate");

    private final ActionPlansApi actions;
    private final References references;

    public PlanPage(ActionPlansApi actions, References references) {
        this.actions = actions;
        this.references = references;
    }

    /** One action of the plan as listed: its latest report's percent and rating when it has reported. */
    public record Row(
            UUID id,
            String title,
            @Nullable String ownerName,
            String status,
            @Nullable Integer latestPercent,
            @Nullable String rag,
            boolean commitment) {}

    /** The plan's actions as shown, with the filter, order and page that made them. */
    public record Actions(
            UUID planId,
            List<Row> rows,
            Listing<Action> shown,
            @Nullable String status,
            String sort,
            int page) {

        public List<String> statuses() {
            return List.of(ActionStatus.values()).stream().map(Enum::name).toList();
        }

        public List<String> sorts() {
            return SORTS;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < shown.totalPages();
        }

        /** This listing's address on another page. */
        public String at(int p) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/plans/" + planId);
            if (status != null) {
                b.queryParam("status", status);
            }
            if (!SORTS.getFirst().equals(sort)) {
                b.queryParam("sort", sort);
            }
            if (p > 0) {
                b.queryParam("page", p);
            }
            return b.build().toUriString() + "#plan-actions";
        }
    }

    @GetMapping("/plans/{planId}")
    public String plan(
            @PathVariable UUID planId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        Plan plan = actions.plan(planId);
        String wanted = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        String s = List.of(ActionStatus.values()).stream()
                .map(Enum::name)
                .filter(n -> n.equals(wanted))
                .findFirst()
                .orElse(null);
        String order = sort != null && SORTS.contains(sort) ? sort : SORTS.getFirst();
        int p = page == null || page < 0 ? 0 : page;
        Listing<Action> shown = actions.actionsInPlan(planId, s, p, PAGE_SIZE, order);
        References.Lookup names = references.lookup();
        List<Row> rows = new ArrayList<>();
        for (Action a : shown.items()) {
            LastReport last = lastReport(a.id());
            rows.add(new Row(
                    a.id(),
                    a.title(),
                    names.organisation(a.ownerId()),
                    a.status(),
                    last == null ? null : last.percentComplete(),
                    last == null ? null : last.rag(),
                    a.requiresLocalImplementation()));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("ownerName", names.organisation(plan.ownerId()));
        model.addAttribute("actions", new Actions(planId, rows, shown, s, order, p));
        return "plans/plan";
    }

    private @Nullable LastReport lastReport(UUID actionId) {
        try {
            return actions.reporting(actionId).lastReport();
        } catch (ServiceProblem e) {
            if (e.notFound() || e.forbidden()) {
                return null;
            }
            throw e;
        }
    }
}
