package org.arrival.web.needs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.Listing;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.assessments.AssessmentsApi.Input;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.registry.OrganisationNames;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The needs the person's organisation may see, a need's page with its evidence, the actions that address it and the
 * inputs others contributed, and the lifecycle steps its owner takes from that page.
 */
@Controller
public class NeedPages {

    static final String STATUS = "status";
    static final String REASON = "reason";
    static final String ACTION = "actionId";

    private final AssessmentsApi assessments;
    private final ActionPlansApi actionPlans;
    private final ForumApi forums;
    private final OrganisationNames organisations;

    public NeedPages(
            AssessmentsApi assessments, ActionPlansApi actionPlans, ForumApi forums, OrganisationNames organisations) {
        this.assessments = assessments;
        this.actionPlans = actionPlans;
        this.forums = forums;
        this.organisations = organisations;
    }

    @GetMapping("/needs")
    public String list(
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String sector,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Boolean mine,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(name = "page", required = false) @Nullable Integer pageNumber,
            @ModelAttribute("page") Page view,
            Model model) {
        NeedFilter filter = NeedFilter.of(area, sector, group, status, mine, sort, pageNumber);
        SignedInUser user = view.signedInUser();
        Listing<Need> shown = assessments.needs(filter.query(user.organisationId()));
        model.addAttribute(
                "needs",
                new NeedList(
                        filter,
                        shown,
                        organisations.of(
                                shown.items().stream().map(Need::ownerId).toList()),
                        choices(view, "Sector", Sector.values()),
                        choices(view, "PopulationGroup", PopulationGroup.values()),
                        choices(view, "NeedStatus", NeedStatus.values()),
                        user.editsForOrganisation()));
        return "needs/list";
    }

    @GetMapping("/needs/{needId}")
    public String need(@PathVariable UUID needId, @ModelAttribute("page") Page view, Model model) {
        model.addAttribute("view", view(assessments.need(needId), view.signedInUser()));
        model.addAttribute("statusForm", FormResult.empty());
        model.addAttribute("linkForm", FormResult.empty());
        return "needs/need";
    }

    /** A lifecycle step: the status to move to, and why (required to deprioritise). */
    @PostMapping("/needs/{needId}/status")
    public String move(
            @PathVariable UUID needId,
            @RequestParam(name = "version", required = false) @Nullable Long version,
            @RequestParam(name = STATUS, required = false) @Nullable String status,
            @RequestParam(name = REASON, required = false) @Nullable String reason,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put(STATUS, status == null ? "" : status);
        typed.put(REASON, reason == null ? "" : reason);
        FormResult refused = FormResult.submit(typed, Set.of(STATUS, REASON), view::fieldError, () -> {
            if (status == null || status.isBlank()) {
                throw required(STATUS);
            }
            assessments.moveNeed(needId, version == null ? -1 : version, status, reason);
        });
        if (refused == null) {
            redirect.addFlashAttribute("notice", view.t("need.moved", "status", view.label("NeedStatus", status)));
            return "redirect:/needs/" + needId;
        }
        model.addAttribute("view", view(assessments.need(needId), view.signedInUser()));
        model.addAttribute("statusForm", refused);
        model.addAttribute("linkForm", FormResult.empty());
        return "needs/need";
    }

    /** Links one of the owner's actions to the need, and marks a prioritised need as being addressed by it. */
    @PostMapping("/needs/{needId}/actions")
    public String link(
            @PathVariable UUID needId,
            @RequestParam(name = "version", required = false) @Nullable Long version,
            @RequestParam(name = ACTION, required = false) @Nullable String actionId,
            @RequestParam(name = "address", required = false) @Nullable Boolean address,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of(ACTION, actionId == null ? "" : actionId);
        boolean[] addressed = {false};
        FormResult refused = FormResult.submit(typed, Set.of(ACTION), view::fieldError, () -> {
            UUID action = uuid(actionId);
            if (action == null) {
                throw required(ACTION);
            }
            Need linked = assessments.linkAction(needId, version == null ? -1 : version, action);
            if (Boolean.TRUE.equals(address) && "PRIORITISED".equals(linked.status())) {
                assessments.moveNeed(needId, linked.version(), "ADDRESSED", null);
                addressed[0] = true;
            }
        });
        if (refused == null) {
            redirect.addFlashAttribute("notice", addressed[0] ? view.t("need.addressed") : view.t("need.linked"));
            return "redirect:/needs/" + needId;
        }
        model.addAttribute("view", view(assessments.need(needId), view.signedInUser()));
        model.addAttribute("statusForm", FormResult.empty());
        model.addAttribute("linkForm", refused);
        return "needs/need";
    }

    private NeedView view(Need need, SignedInUser user) {
        boolean mine = user.organisationId() != null && user.organisationId().equals(need.ownerId());
        boolean editable = mine && user.editsForOrganisation() && NeedView.open(need);
        List<NeedView.LinkedAction> actions = new ArrayList<>();
        int hidden = 0;
        for (UUID id : need.actionIds()) {
            try {
                actions.add(new NeedView.LinkedAction(id, actionPlans.action(id).title()));
            } catch (ServiceProblem e) {
                if (!e.notFound() && !e.forbidden()) {
                    throw e;
                }
                hidden++;
            }
        }
        List<Input> inputs = assessments.inputsAboutNeed(need.id());
        Map<UUID, String> names = organisations.of(
                concat(need.ownerId(), inputs.stream().map(Input::contributorId).toList()));
        List<NeedView.InputItem> items = inputs.stream()
                .map(i -> new NeedView.InputItem(
                        i,
                        names.get(i.contributorId()),
                        user.organisationId() != null && user.organisationId().equals(i.contributorId())))
                .toList();
        Map<UUID, String> forumNames = new LinkedHashMap<>();
        forums.myForums().forEach(f -> forumNames.put(f.forumId(), f.name()));
        List<String> sharedWith = need.sharedWithForums().stream()
                .map(forumNames::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        List<Choice> linkable = List.of();
        if (editable) {
            linkable = actionPlans.actionsOwnedBy(need.ownerId()).stream()
                    .filter(a -> !need.actionIds().contains(a.id()))
                    .map(a -> new Choice(a.id().toString(), a.title()))
                    .toList();
        }
        boolean contributes = !mine
                && user.organisationId() != null
                && (user.editsForOrganisation() || user.has(SignedInUser.FORUM_COORDINATOR));
        return new NeedView(
                need,
                names.get(need.ownerId()),
                mine,
                editable,
                editable ? NeedView.nextSteps(need) : List.of(),
                actions,
                hidden,
                items,
                roundTitle(need),
                sharedWith,
                contributes,
                linkable);
    }

    private @Nullable String roundTitle(Need need) {
        if (need.roundId() == null) {
            return null;
        }
        try {
            return assessments.round(need.roundId()).title();
        } catch (ServiceProblem e) {
            if (e.notFound() || e.forbidden()) {
                return null;
            }
            throw e;
        }
    }

    private static List<UUID> concat(UUID first, List<UUID> rest) {
        List<UUID> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static List<Choice> choices(Page page, String kind, Enum<?>[] values) {
        return java.util.Arrays.stream(values)
                .map(v -> new Choice(v.name(), page.label(kind, v.name())))
                .sorted(Comparator.comparing(Choice::label, java.text.Collator.getInstance(page.locale())))
                .toList();
    }

    static @Nullable UUID uuid(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A field the person left empty, refused here as the service would refuse it. */
    static ServiceProblem required(String field) {
        return new ServiceProblem(
                org.arrival.web.api.Service.ASSESSMENTS,
                400,
                null,
                null,
                List.of(new ServiceProblem.FieldError(field, "is required", "validation.NotNull", Map.of())));
    }
}
