package org.arrival.web.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.assessments.AssessmentsApi.Cell;
import org.arrival.web.api.assessments.AssessmentsApi.Count;
import org.arrival.web.api.assessments.AssessmentsApi.Estimate;
import org.arrival.web.api.assessments.AssessmentsApi.ShownCounts;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.EstimateItem;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.registry.OrganisationNames;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.charts.GroupedBarChart;
import org.arrival.web.charts.SeriesChart;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Population estimates: the forum's, as a table and charts with counts as every member sees them ("fewer than 5"
 * below 5, the others rounded to a multiple of 5); one estimate's page, exact for its owner beside what others see;
 * and recording an estimate, whose counts the assessments service previews as others will see them before it is
 * saved: the form's first button previews, and only what was previewed is recorded.
 */
@Controller
public class PopulationPages {

    static final String PREVIEW = "preview";
    static final String RECORD = "record";

    private final AssessmentsApi assessments;
    private final ForumApi forums;
    private final RegistryApi registry;
    private final OrganisationNames organisations;

    public PopulationPages(
            AssessmentsApi assessments, ForumApi forums, RegistryApi registry, OrganisationNames organisations) {
        this.assessments = assessments;
        this.forums = forums;
        this.registry = registry;
        this.organisations = organisations;
    }

    /** The forum's estimates page. */
    public record ForumPopulation(
            ForumSummary forum,
            List<EstimateItem> estimates,
            @Nullable GroupedBarChart latest,
            List<SeriesChart> overTime,
            boolean mayRecord) {}

    /** One row of the preview: a count as entered and as others will see it. */
    public record PreviewRow(
            String label,
            @Nullable Integer entered,
            @Nullable Count shown) {

        /** Entered as 5 or more, yet hidden: so that a small count elsewhere cannot be worked out from it. */
        public boolean hiddenWithOthers() {
            return entered != null && entered >= 5 && shown != null && shown.hidden();
        }
    }

    /** The form, and after a preview what others will see with the fingerprint of what was previewed. */
    public record Form(
            @Nullable UUID forumId,
            FormResult form,
            @Nullable List<PreviewRow> preview,
            @Nullable String previewed,
            boolean changed,
            List<Choice> groups,
            List<Choice> classifications,
            List<Choice> forums,
            Map<String, List<String>> dimensions) {

        public String back() {
            return forumId == null ? "/forums" : "/forums/" + forumId + "/population";
        }
    }

    /** One estimate's page. */
    public record EstimatePage(Estimate estimate, @Nullable String ownerName, boolean mine, List<String> forums) {

        /** Whether the page shows the exact counts beside what others see: to the owner, who is given both. */
        public boolean exact() {
            return mine && estimate.shownToOthers() != null;
        }

        /** A cell of the breakdown as others see it. */
        public @Nullable Count othersSee(Cell cell) {
            return estimate.shownToOthers() == null
                    ? null
                    : estimate.shownToOthers().breakdown().stream()
                            .filter(c -> c.dimension().equals(cell.dimension())
                                    && c.category().equals(cell.category()))
                            .map(Cell::count)
                            .findFirst()
                            .orElse(null);
        }
    }

    @GetMapping("/forums/{forumId}/population")
    public String forumPopulation(@PathVariable UUID forumId, @ModelAttribute("page") Page view, Model model) {
        ForumSummary forum = forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.FORUM, 404, null, null, List.of()));
        List<EstimateItem> estimates = forums.population(forumId, null);
        List<PopulationCharts.Place> places = PopulationCharts.places(view, estimates);
        model.addAttribute(
                "population",
                new ForumPopulation(
                        forum,
                        estimates,
                        PopulationCharts.latest(view, places),
                        PopulationCharts.overTime(view, places),
                        view.signedInUser().editsForOrganisation()));
        return "population/forum";
    }

    @GetMapping("/population/new")
    public String recordForm(
            @RequestParam(name = "forum", required = false) @Nullable UUID forumId,
            @ModelAttribute("page") Page view,
            Model model) {
        requireEditor(view);
        RegistryApi.@Nullable Place place;
        try {
            // an editor acts for an organisation
            UUID organisation =
                    Objects.requireNonNull(view.signedInUser().organisationId(), "an editor's organisation");
            place = registry.organisation(organisation).jurisdiction();
        } catch (ServiceProblem | ServiceUnavailable e) {
            place = null; // the person types the country
        }
        List<ForumSummary> mine = forums.myForums();
        List<UUID> shared = mine.stream()
                .map(ForumSummary::forumId)
                .filter(id -> forumId == null || id.equals(forumId))
                .toList();
        return show(model, view, forumId, FormResult.of(EstimateForm.fresh(place, shared)), null, null, false, mine);
    }

    /** Previews the counts as others will see them, or records what was previewed. */
    @PostMapping("/population/new")
    public String submit(
            @RequestParam MultiValueMap<String, String> sent,
            @RequestParam(name = "intent", defaultValue = PREVIEW) String intent,
            @RequestParam(name = "previewed", required = false) @Nullable String previewed,
            @RequestParam(name = "forum", required = false) @Nullable UUID forumId,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        requireEditor(view);
        Map<String, String> typed = EstimateForm.typed(sent);
        EstimateForm.Body[] body = new EstimateForm.Body[1];
        ShownCounts[] shown = new ShownCounts[1];
        Estimate[] recorded = new Estimate[1];
        boolean[] previewedNow = {false};
        FormResult refused = FormResult.submit(typed, Set.copyOf(EstimateForm.FIELDS), view::fieldError, () -> {
            body[0] = EstimateForm.body(typed);
            try {
                if (RECORD.equals(intent) && body[0].fingerprint().equals(previewed)) {
                    recorded[0] = assessments.recordEstimate(body[0].json());
                } else {
                    shown[0] = assessments.previewEstimate(body[0].json());
                    previewedNow[0] = true;
                }
            } catch (ServiceProblem problem) {
                throw body[0].onTheForm(problem);
            }
        });
        if (refused == null && recorded[0] != null) {
            redirect.addFlashAttribute("notice", view.t("population.recorded"));
            return "redirect:/population/" + recorded[0].id();
        }
        @Nullable List<PreviewRow> preview = refused == null ? previewRows(view, typed, shown[0]) : null;
        // asked to record numbers other than those previewed: previewed again, for the person to check
        boolean changed = refused == null && previewedNow[0] && RECORD.equals(intent);
        return show(
                model,
                view,
                forumId,
                refused == null ? FormResult.of(typed) : refused,
                preview,
                refused == null ? body[0].fingerprint() : null,
                changed,
                forums.myForums());
    }

    @GetMapping("/population/{estimateId}")
    public String estimate(@PathVariable UUID estimateId, @ModelAttribute("page") Page view, Model model) {
        Estimate estimate = assessments.estimate(estimateId);
        boolean mine = estimate.ownerId().equals(view.signedInUser().organisationId());
        Map<UUID, String> forumNames = new java.util.LinkedHashMap<>();
        forums.myForums().forEach(f -> forumNames.put(f.forumId(), f.name()));
        model.addAttribute(
                "estimate",
                new EstimatePage(
                        estimate,
                        organisations.of(List.of(estimate.ownerId())).get(estimate.ownerId()),
                        mine,
                        estimate.sharedWithForums().stream()
                                .map(forumNames::get)
                                .filter(java.util.Objects::nonNull)
                                .toList()));
        return "population/estimate";
    }

    private String show(
            Model model,
            Page view,
            @Nullable UUID forumId,
            FormResult form,
            @Nullable List<PreviewRow> preview,
            @Nullable String previewed,
            boolean changed,
            List<ForumSummary> mine) {
        List<Choice> groups = java.util.Arrays.stream(PopulationGroup.values())
                .map(g -> new Choice(g.name(), view.label("PopulationGroup", g.name())))
                .sorted(java.util.Comparator.comparing(Choice::label, java.text.Collator.getInstance(view.locale())))
                .toList();
        List<Choice> classifications = java.util.Arrays.stream(DataClassification.values())
                .map(c -> new Choice(
                        c.name(),
                        view.label("DataClassification", c.name()),
                        view.t("needForm.classification." + c.name())))
                .toList();
        List<Choice> forumChoices = mine.stream()
                .map(f -> new Choice(f.forumId().toString(), f.name() == null ? view.t("forums.unnamed") : f.name()))
                .toList();
        model.addAttribute(
                "estimateForm",
                new Form(
                        forumId,
                        form,
                        preview,
                        previewed,
                        changed,
                        groups,
                        classifications,
                        forumChoices,
                        EstimateForm.DIMENSIONS));
        return "population/form";
    }

    /** The counts entered beside the preview's: registered, estimated, then each cell of the breakdown given. */
    static List<PreviewRow> previewRows(Page page, Map<String, String> typed, ShownCounts shown) {
        List<PreviewRow> rows = new ArrayList<>();
        rows.add(new PreviewRow(
                page.t("population.registered"),
                EstimateForm.typedCount(typed, EstimateForm.REGISTERED),
                shown.registered()));
        rows.add(new PreviewRow(
                page.t("population.estimated"),
                EstimateForm.typedCount(typed, EstimateForm.ESTIMATED),
                shown.estimated()));
        for (Cell c : shown.breakdown()) {
            rows.add(new PreviewRow(
                    cellLabel(page, c.dimension(), c.category()),
                    EstimateForm.typedCount(typed, EstimateForm.cell(c.dimension(), c.category())),
                    c.count()));
        }
        return rows;
    }

    /** "Age 0 to 4", "Sex: female": a breakdown cell as the reader reads it. */
    public static String cellLabel(Page page, String dimension, String category) {
        return page.t(
                "population.cell",
                "dimension",
                page.t("population.dimension." + dimension),
                "category",
                categoryLabel(page, category));
    }

    public static String categoryLabel(Page page, String category) {
        String key = "population.category." + category;
        String label = page.t(key);
        return label.equals(key) ? category : label; // a category the bundles do not know yet reads as its code
    }

    private static void requireEditor(Page view) {
        if (!view.signedInUser().editsForOrganisation()) {
            throw new ServiceProblem(Service.ASSESSMENTS, 403, null, null, List.of());
        }
    }
}
