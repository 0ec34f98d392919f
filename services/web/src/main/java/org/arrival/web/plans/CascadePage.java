package org.arrival.web.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.web.actions.References;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.Cascade;
import org.arrival.web.api.actionplans.ActionPlansApi.CascadeChild;
import org.arrival.web.charts.BarChart;
import org.arrival.web.charts.Figure;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A national commitment's vertical cascade: the local actions implementing it that the reader may read, each with
 * its weight and its part in the weighted roll-up, the roll-up itself, and the expected implementers that have not
 * linked an action yet. Everything comes from the service's cascade, which leaves out what the reader may not read
 * and computes the roll-up as if it did not exist, so nothing here names or counts a hidden record.
 */
@Controller
public class CascadePage {

    private final ActionPlansApi actions;
    private final References references;

    public CascadePage(ActionPlansApi actions, References references) {
        this.actions = actions;
        this.references = references;
    }

    /**
     * An implementing action: {@code share} is its weight's part of the weights that count (none when cancelled),
     * {@code points} what it adds to the roll-up (share × its latest percent).
     */
    public record Child(
            UUID id,
            String title,
            @Nullable String ownerName,
            String status,
            int weight,
            @Nullable Double share,
            @Nullable Integer latestPercent,
            @Nullable Double points) {}

    /** The cascade as shown: the commitment, its children, who is still missing and the chart of progress. */
    public record View(
            Action commitment,
            @Nullable String ownerName,
            List<Child> children,
            @Nullable Double percentComplete,
            List<String> missing,
            @Nullable Integer childrenNotShown,
            @Nullable BarChart chart) {}

    @GetMapping("/actions/{actionId}/cascade")
    public String cascade(@PathVariable UUID actionId, @ModelAttribute("page") Page page, Model model) {
        Action commitment = actions.action(actionId);
        Cascade cascade = actions.cascade(actionId);
        References.Lookup names = references.lookup();
        long weights = cascade.children().stream()
                .filter(CascadePage::counts)
                .mapToLong(CascadeChild::weight)
                .sum();
        List<Child> children = new ArrayList<>();
        for (CascadeChild c : cascade.children()) {
            Double share = counts(c) && weights > 0 ? 100.0 * c.weight() / weights : null;
            Double points = share == null ? null : share * (c.latestPercent() == null ? 0 : c.latestPercent()) / 100.0;
            children.add(new Child(
                    c.id(),
                    c.title(),
                    names.organisation(c.ownerId()),
                    c.status(),
                    c.weight(),
                    share,
                    c.latestPercent(),
                    points));
        }
        List<String> missing = cascade.missingImplementers().stream()
                .map(o -> {
                    String name = names.organisation(o);
                    return name == null ? page.t("common.unknownOrganisation") : name;
                })
                .toList();
        model.addAttribute(
                "view",
                new View(
                        commitment,
                        names.organisation(commitment.ownerId()),
                        children,
                        cascade.percentComplete(),
                        missing,
                        cascade.childrenNotShown(),
                        chart(page, children)));
        return "plans/cascade";
    }

    private static boolean counts(CascadeChild c) {
        return !"CANCELLED".equals(c.status());
    }

    /** Each implementing action's latest progress as a bar, with the numbers (weight, share, progress) beside it. */
    static @Nullable BarChart chart(Page page, List<Child> children) {
        if (children.isEmpty()) {
            return null;
        }
        List<String> described = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        List<BarChart.Item> items = new ArrayList<>();
        for (Child c : children) {
            String owner = c.ownerName() == null ? page.t("common.unknownOrganisation") : c.ownerName();
            String progress = c.latestPercent() == null
                    ? page.t("tracker.noReport")
                    : page.format().percent(c.latestPercent());
            String share = c.share() == null
                    ? page.t("cascade.notCounted")
                    : page.format().percent(c.share(), 1);
            described.add(page.t(
                    "cascade.point",
                    "action",
                    c.title(),
                    "organisation",
                    owner,
                    "weight",
                    c.weight(),
                    "progress",
                    progress));
            table.add(List.of(
                    c.title(),
                    owner,
                    page.label("ActionStatus", c.status()),
                    page.format().number(c.weight()),
                    share,
                    progress));
            items.add(new BarChart.Item(c.title(), c.latestPercent() == null ? 0 : c.latestPercent(), progress));
        }
        Figure figure = new Figure(
                "cascade-chart",
                page.t("cascade.chart.caption"),
                String.join("; ", described),
                List.of(
                        page.t("cascade.child"),
                        page.t("tracker.owner"),
                        page.t("tracker.status"),
                        page.t("cascade.weight"),
                        page.t("cascade.share"),
                        page.t("tracker.progress")),
                table);
        return BarChart.of(figure, items);
    }
}
