package org.arrival.web.inputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.InputKind;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.assessments.AssessmentsApi.Input;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.api.assessments.AssessmentsApi.Round;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.registry.OrganisationNames;
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
 * Contributing an input to another organisation's need or assessment round: the person's organisation's own record
 * about it (what it observed or heard, who collected it and how, when, from how many people), which never changes
 * the other's record. Plain forms that work without JavaScript; refusals (personal data above all) at the field, in
 * the reader's language. And the inputs the person's organisation contributed, with the rounds it may add to.
 */
@Controller
public class InputPages {

    private final AssessmentsApi assessments;
    private final ForumApi forums;
    private final OrganisationNames organisations;

    public InputPages(AssessmentsApi assessments, ForumApi forums, OrganisationNames organisations) {
        this.assessments = assessments;
        this.forums = forums;
        this.organisations = organisations;
    }

    /** What the input is about, as the form names it. */
    public record Subject(
            String type,
            UUID id,
            String title,
            UUID ownerId,
            @Nullable String ownerName,
            String path,
            List<UUID> sharedWithForums) {

        public String formPath() {
            return (type.equals("NEED") ? "/needs/" : "/rounds/") + id + "/inputs";
        }
    }

    /** The form: its subject, its values and refusals, its choices; {@code own} when the subject is ours. */
    public record Form(
            Subject subject,
            FormResult form,
            boolean own,
            String organisationName,
            List<Choice> kinds,
            List<Choice> classifications,
            List<Choice> forums) {}

    /** An input of the person's organisation, with what it is about. */
    public record Contributed(
            Input input,
            @Nullable String subjectTitle,
            @Nullable String subjectPath) {}

    @GetMapping("/needs/{needId}/inputs/new")
    public String needForm(@PathVariable UUID needId, @ModelAttribute("page") Page view, Model model) {
        return fresh(needSubject(assessments.need(needId)), view, model);
    }

    @PostMapping("/needs/{needId}/inputs")
    public String contributeToNeed(
            @PathVariable UUID needId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        return contribute(needSubject(assessments.need(needId)), sent, view, model, redirect);
    }

    @GetMapping("/rounds/{roundId}/inputs/new")
    public String roundForm(@PathVariable UUID roundId, @ModelAttribute("page") Page view, Model model) {
        return fresh(roundSubject(assessments.round(roundId)), view, model);
    }

    @PostMapping("/rounds/{roundId}/inputs")
    public String contributeToRound(
            @PathVariable UUID roundId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        return contribute(roundSubject(assessments.round(roundId)), sent, view, model, redirect);
    }

    /** The inputs the person's organisation contributed, and the others' rounds it may contribute to. */
    @GetMapping("/inputs")
    public String contributed(@ModelAttribute("page") Page view, Model model) {
        SignedInUser user = view.signedInUser();
        List<Contributed> ours = new ArrayList<>();
        Map<UUID, String> needTitles = new LinkedHashMap<>();
        List<Round> rounds = assessments.rounds();
        Map<UUID, String> roundTitles = new LinkedHashMap<>();
        rounds.forEach(r -> roundTitles.put(r.id(), r.title()));
        if (user.organisationId() != null) {
            for (Input i : assessments.inputs(null, null, user.organisationId())) {
                @Nullable String title;
                @Nullable String path = null;
                if ("NEED".equals(i.subjectType())) {
                    title = needTitles.computeIfAbsent(i.subjectId(), this::needStatement);
                    path = title == null ? null : "/needs/" + i.subjectId();
                } else {
                    title = roundTitles.get(i.subjectId());
                }
                ours.add(new Contributed(i, title, path));
            }
        }
        List<Round> open = rounds.stream()
                .filter(r ->
                        !"DRAFT".equals(r.status()) && !java.util.Objects.equals(r.convenorId(), user.organisationId()))
                .toList();
        model.addAttribute("contributed", ours);
        model.addAttribute("rounds", open);
        model.addAttribute(
                "convenors",
                organisations.of(open.stream().map(Round::convenorId).toList()));
        model.addAttribute("mayContribute", mayContribute(user));
        return "inputs/list";
    }

    private @Nullable String needStatement(UUID needId) {
        try {
            return assessments.need(needId).statement();
        } catch (ServiceProblem e) {
            if (e.notFound() || e.forbidden()) {
                return null;
            }
            throw e;
        }
    }

    private String fresh(Subject subject, Page view, Model model) {
        List<ForumApi.ForumSummary> mine = forums.myForums();
        // shared by default with the forums of ours that the subject is shared with, else with all of ours
        List<UUID> common = mine.stream()
                .map(ForumApi.ForumSummary::forumId)
                .filter(subject.sharedWithForums()::contains)
                .toList();
        List<UUID> shared = common.isEmpty()
                ? mine.stream().map(ForumApi.ForumSummary::forumId).toList()
                : common;
        return show(model, view, subject, FormResult.of(InputForm.fresh(shared)), mine);
    }

    private String contribute(
            Subject subject, MultiValueMap<String, String> sent, Page view, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = InputForm.typed(sent);
        Input[] recorded = new Input[1];
        FormResult refused = FormResult.submit(typed, Set.copyOf(InputForm.FIELDS), view::fieldError, () -> {
            try {
                recorded[0] = assessments.contribute(InputForm.body(subject.type(), subject.id(), typed));
            } catch (ServiceProblem problem) {
                throw ListFields.atTheirField(problem, InputForm.FIELDS);
            }
        });
        if (refused == null) {
            redirect.addFlashAttribute("notice", view.t("input.recorded", "owner", ownerName(subject, view)));
            return "redirect:"
                    + ("NEED".equals(subject.type()) ? subject.path() + "#input-" + recorded[0].id() : "/inputs");
        }
        return show(model, view, subject, refused, forums.myForums());
    }

    private String show(Model model, Page view, Subject subject, FormResult form, List<ForumApi.ForumSummary> mine) {
        SignedInUser user = view.signedInUser();
        boolean own = user.organisationId() != null && user.organisationId().equals(subject.ownerId());
        if (!own && !mayContribute(user)) {
            throw new ServiceProblem(org.arrival.web.api.Service.ASSESSMENTS, 403, null, null, List.of());
        }
        List<Choice> kinds = java.util.Arrays.stream(InputKind.values())
                .map(k -> new Choice(k.name(), view.label("InputKind", k.name()), view.t("inputForm.kind." + k.name())))
                .toList();
        List<Choice> classifications = java.util.Arrays.stream(DataClassification.values())
                .map(c -> new Choice(
                        c.name(),
                        view.label("DataClassification", c.name()),
                        view.t("inputForm.classification." + c.name())))
                .toList();
        List<Choice> forumChoices = mine.stream()
                .map(f -> new Choice(f.forumId().toString(), f.name() == null ? view.t("forums.unnamed") : f.name()))
                .toList();
        String organisation =
                view.organisationName() == null ? view.t("inputForm.yourOrganisation") : view.organisationName();
        model.addAttribute(
                "inputForm", new Form(subject, form, own, organisation, kinds, classifications, forumChoices));
        return "inputs/form";
    }

    private Subject needSubject(Need need) {
        return new Subject(
                "NEED",
                need.id(),
                need.statement(),
                need.ownerId(),
                name(need.ownerId()),
                "/needs/" + need.id(),
                need.sharedWithForums());
    }

    private Subject roundSubject(Round round) {
        return new Subject(
                "ROUND",
                round.id(),
                round.title(),
                round.convenorId(),
                name(round.convenorId()),
                "/inputs",
                round.sharedWithForums());
    }

    private @Nullable String name(UUID organisation) {
        return organisations.of(List.of(organisation)).get(organisation);
    }

    private static String ownerName(Subject subject, Page view) {
        return subject.ownerName() == null ? view.t("common.unknownOrganisation") : subject.ownerName();
    }

    /** Inputs come from an organisation's editors, administrators and forum coordinators. */
    static boolean mayContribute(SignedInUser user) {
        return user.organisationId() != null
                && (user.editsForOrganisation() || user.has(SignedInUser.FORUM_COORDINATOR));
    }
}
