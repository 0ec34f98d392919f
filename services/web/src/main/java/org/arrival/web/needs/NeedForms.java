package org.arrival.web.needs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.arrival.web.problems.ListFields;
import org.arrival.web.signin.SignedInUser;
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
 * Recording a need for the person's organisation and editing one of its open needs ({@code If-Match} with the
 * version the form was opened on; when someone else changed it meanwhile, the form comes back with what the person
 * typed, the need as it is now where it differs, and the current version, so saving again applies the same edit).
 */
@Controller
public class NeedForms {

    private final AssessmentsApi assessments;
    private final ForumApi forums;
    private final RegistryApi registry;

    public NeedForms(AssessmentsApi assessments, ForumApi forums, RegistryApi registry) {
        this.assessments = assessments;
        this.forums = forums;
        this.registry = registry;
    }

    /** What the form shows: its values and refusals, the choices, and for a conflict the need as it is now. */
    public record Form(
            String action,
            FormResult form,
            boolean editing,
            @Nullable Need current,
            List<String> differences,
            List<Choice> sectors,
            List<Choice> groups,
            List<Choice> severities,
            List<Choice> barriers,
            List<Choice> classifications,
            List<Choice> forums) {}

    @GetMapping("/needs/new")
    public String recordForm(@ModelAttribute("page") Page view, Model model) {
        RegistryApi.@Nullable Place place = null;
        UUID organisation = view.signedInUser().organisationId();
        try {
            place = organisation == null
                    ? null
                    : registry.organisation(organisation).jurisdiction();
        } catch (ServiceProblem | ServiceUnavailable e) {
            place = null; // the person types the country
        }
        List<ForumApi.ForumSummary> mine = forums.myForums();
        FormResult form = FormResult.of(NeedForm.fresh(
                place, mine.stream().map(ForumApi.ForumSummary::forumId).toList()));
        return show(model, view, "/needs/new", form, false, null, List.of(), mine);
    }

    @PostMapping("/needs/new")
    public String record(
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = NeedForm.typed(sent);
        Need[] recorded = new Need[1];
        FormResult refused = FormResult.submit(
                typed,
                Set.copyOf(NeedForm.FIELDS),
                view::fieldError,
                () -> onTheForm(() -> recorded[0] = assessments.recordNeed(NeedForm.body(typed))));
        if (refused == null) {
            redirect.addFlashAttribute("notice", view.t("need.recorded"));
            return "redirect:/needs/" + recorded[0].id();
        }
        return show(model, view, "/needs/new", refused, false, null, List.of(), forums.myForums());
    }

    @GetMapping("/needs/{needId}/edit")
    public String editForm(@PathVariable UUID needId, @ModelAttribute("page") Page view, Model model) {
        Need need = editable(assessments.need(needId), view);
        return show(
                model,
                view,
                "/needs/" + needId + "/edit",
                FormResult.of(NeedForm.of(need)),
                true,
                null,
                List.of(),
                forums.myForums());
    }

    @PostMapping("/needs/{needId}/edit")
    public String edit(
            @PathVariable UUID needId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = NeedForm.typed(sent);
        FormResult refused = FormResult.submit(
                typed,
                Set.copyOf(NeedForm.FIELDS),
                view::fieldError,
                () -> onTheForm(() -> assessments.reviseNeed(needId, NeedForm.version(typed), NeedForm.body(typed))));
        if (refused == null) {
            redirect.addFlashAttribute("notice", view.t("need.saved"));
            return "redirect:/needs/" + needId;
        }
        @Nullable Need current = null;
        List<String> differences = List.of();
        if (refused.conflict()) {
            current = assessments.need(needId);
            differences = NeedForm.differences(typed, current);
            // saving again applies the person's edit to the version they have now seen
            refused.values().put(NeedForm.VERSION, String.valueOf(current.version()));
        }
        return show(model, view, "/needs/" + needId + "/edit", refused, true, current, differences, forums.myForums());
    }

    private String show(
            Model model,
            Page view,
            String action,
            FormResult form,
            boolean editing,
            @Nullable Need current,
            List<String> differences,
            List<ForumApi.ForumSummary> mine) {
        List<Choice> forumChoices = mine.stream()
                .map(f -> new Choice(f.forumId().toString(), f.name() == null ? view.t("forums.unnamed") : f.name()))
                .toList();
        List<Choice> classifications = java.util.Arrays.stream(DataClassification.values())
                .map(c -> new Choice(
                        c.name(),
                        view.label("DataClassification", c.name()),
                        view.t("needForm.classification." + c.name())))
                .toList();
        List<Choice> severities = java.util.Arrays.stream(Severity.values())
                .map(s -> new Choice(s.name(), view.label("Severity", s.name())))
                .toList();
        model.addAttribute(
                "needForm",
                new Form(
                        action,
                        form,
                        editing,
                        current,
                        differences,
                        NeedPages.choices(view, "Sector", Sector.values()),
                        NeedPages.choices(view, "PopulationGroup", PopulationGroup.values()),
                        severities,
                        NeedPages.choices(view, "BarrierType", BarrierType.values()),
                        classifications,
                        forumChoices));
        return "needs/form";
    }

    /** Runs the call; a refusal of one item of a list (populationGroups[1]) is shown at the list's field. */
    private static void onTheForm(Runnable call) {
        try {
            call.run();
        } catch (ServiceProblem problem) {
            throw ListFields.atTheirField(problem, NeedForm.FIELDS);
        }
    }

    /** Only the owner's editors edit an open need: anyone else is told plainly, as the service would. */
    private static Need editable(Need need, Page view) {
        SignedInUser user = view.signedInUser();
        boolean mine = user.organisationId() != null && user.organisationId().equals(need.ownerId());
        if (!mine || !user.editsForOrganisation() || !NeedView.open(need)) {
            throw new ServiceProblem(Service.ASSESSMENTS, 403, null, null, List.of());
        }
        return need;
    }
}
