package org.arrival.web.actions;

import java.util.List;
import java.util.Locale;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The person's organisation's actions, whatever forum they are shared with or none: filtered by status, sorted and
 * paged by the action-plans service, so a person finds their own records without going through a forum.
 */
@Controller
public class OurActions {

    public static final int PAGE_SIZE = 25;
    /** The orders the service sorts by, newest first by default. */
    public static final List<String> SORTS =
            List.of("-updatedAt", "-createdAt", "title", "-title", "startDate", "-startDate", "endDate", "-endDate");

    private final ActionPlansApi actions;

    public OurActions(ActionPlansApi actions) {
        this.actions = actions;
    }

    /** The listing as shown, with the filter that made it. */
    public record Listing(
            org.arrival.web.api.Listing<Action> shown,
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
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/actions");
            if (status != null) {
                b.queryParam("status", status);
            }
            if (!SORTS.getFirst().equals(sort)) {
                b.queryParam("sort", sort);
            }
            if (p > 0) {
                b.queryParam("page", p);
            }
            return b.build().toUriString();
        }
    }

    @GetMapping("/actions")
    public String ours(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer page,
            @ModelAttribute("page") Page view,
            Model model) {
        String wanted = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        String s = List.of(ActionStatus.values()).stream()
                .map(Enum::name)
                .filter(n -> n.equals(wanted))
                .findFirst()
                .orElse(null);
        String order = sort != null && SORTS.contains(sort) ? sort : SORTS.getFirst();
        int p = page == null || page < 0 ? 0 : page;
        org.arrival.web.api.Listing<Action> shown =
                view.user() == null || view.user().organisationId() == null
                        ? new org.arrival.web.api.Listing<>(List.of(), 0, PAGE_SIZE, 0, 0)
                        : actions.actions(new ActionPlansApi.ActionQuery(
                                view.user().organisationId(), s, null, p, PAGE_SIZE, order));
        model.addAttribute("listing", new Listing(shown, s, order, p));
        return "actions/ourActions";
    }
}
