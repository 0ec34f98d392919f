package org.arrival.web.rounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.assessments.AssessmentsApi.Response;
import org.arrival.web.api.assessments.AssessmentsApi.Round;
import org.arrival.web.api.registry.OrganisationNames;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.arrival.web.problems.ListFields;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
 * The rounds: their list, convening a new one, a round's page (its respondents and how far each is, as far as the
 * reader may see, and the steps its convenor may take) and one respondent's answers. The service decides; the pages
 * only leave out what they know the reader cannot do or see.
 */
@Controller
public class RoundPages {

    static final Set<String> STEPS = Set.of("open", "close", "publish");

    private final AssessmentsApi assessments;
    private final RegistryApi registry;
    private final OrganisationNames names;

    public RoundPages(AssessmentsApi assessments, RegistryApi registry, OrganisationNames names) {
        this.assessments = assessments;
        this.registry = registry;
        this.names = names;
    }

    /** A respondent as a round's page lists it: how far it is, when the reader may see that, and its answers' page. */
    public record Respondent(UUID id, String name, @Nullable Integer answered, int questions, boolean answersShown) {}

    /** What a round's page shows. */
    public record RoundView(
            Round round,
            String convenor,
            List<Respondent> respondents,
            boolean manages,
            boolean answers,
            List<String> steps) {}

    public record NewRound(FormResult form, List<Choice> organisations) {}

    @GetMapping("/rounds")
    public String list(@ModelAttribute("page") Page view, Model model) {
        List<Round> rounds = assessments.rounds();
        model.addAttribute("rounds", rounds);
        model.addAttribute("convenes", view.signedInUser().editsForOrganisation());
        return "rounds/list";
    }

    @GetMapping("/rounds/new")
    public String newForm(@ModelAttribute("page") Page view, Model model) {
        RegistryApi.@Nullable Place place = null;
        UUID organisation = view.signedInUser().organisationId();
        try {
            place = organisation == null
                    ? null
                    : registry.organisation(organisation).jurisdiction();
        } catch (ServiceProblem | ServiceUnavailable e) {
            place = null; // the convenor types the place
        }
        return showNew(model, FormResult.of(RoundForm.fresh(place)));
    }

    @PostMapping("/rounds/new")
    public String create(
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = RoundForm.typed(sent);
        Round[] created = new Round[1];
        FormResult refused = FormResult.submit(typed, Set.copyOf(RoundForm.FIELDS), view::fieldError, () -> {
            try {
                created[0] = assessments.createRound(
                        RoundForm.body(typed, view.signedInUser().organisationId()));
            } catch (ServiceProblem problem) {
                throw ListFields.atTheirField(problem, RoundForm.FIELDS);
            }
        });
        if (refused == null) {
            redirect.addFlashAttribute("notice", view.t("rounds.created"));
            return "redirect:/rounds/" + created[0].id();
        }
        return showNew(model, refused);
    }

    private String showNew(Model model, FormResult form) {
        List<Choice> organisations = registry.organisations().stream()
                .filter(RegistryApi.Organisation::canTakePart)
                .sorted(Comparator.comparing(o -> o.name() == null ? "" : o.name()))
                .map(o -> new Choice(
                        o.id().toString(),
                        o.acronym() == null || o.acronym().isBlank() ? o.name() : o.name() + " (" + o.acronym() + ")"))
                .toList();
        model.addAttribute("newRound", new NewRound(form, organisations));
        return "rounds/form";
    }

    @GetMapping("/rounds/{roundId}")
    public String round(@PathVariable UUID roundId, @ModelAttribute("page") Page view, Model model) {
        Round round = assessments.round(roundId);
        SignedInUser user = view.signedInUser();
        boolean manages = manages(user, round);
        boolean respondent =
                user.organisationId() != null && round.respondentIds().contains(user.organisationId());
        Map<UUID, String> known = names.of(concat(round.convenorId(), round.respondentIds()));
        List<Respondent> respondents = new ArrayList<>();
        for (UUID id : round.respondentIds()) {
            boolean sees = !"DRAFT".equals(round.status()) && seesAnswersOf(user, round, id);
            Integer answered = null;
            int questions = 0;
            if (sees) {
                Response r = assessments.response(roundId, id);
                answered = r.answered();
                questions = r.questions();
            }
            respondents.add(new Respondent(
                    id, known.getOrDefault(id, view.t("rounds.anOrganisation")), answered, questions, sees));
        }
        List<String> steps = new ArrayList<>();
        if (manages) {
            switch (round.status()) {
                case "DRAFT" -> steps.add("open");
                case "OPEN" -> steps.add("close");
                case "CLOSED" -> steps.add("publish");
                default -> {}
            }
        }
        model.addAttribute(
                "roundView",
                new RoundView(
                        round,
                        known.getOrDefault(round.convenorId(), view.t("rounds.anOrganisation")),
                        respondents,
                        manages,
                        respondent && user.editsForOrganisation() && "OPEN".equals(round.status()),
                        steps));
        return "rounds/round";
    }

    @PostMapping("/rounds/{roundId}/{step}")
    public String step(
            @PathVariable UUID roundId,
            @PathVariable String step,
            @RequestParam(defaultValue = "-1") long version,
            @ModelAttribute("page") Page view,
            RedirectAttributes redirect) {
        if (!STEPS.contains(step)) {
            throw new ServiceProblem(Service.ASSESSMENTS, 404, null, null, List.of());
        }
        try {
            assessments.moveRound(roundId, version, step);
            redirect.addFlashAttribute("notice", view.t("rounds.step.done." + step));
        } catch (ServiceProblem problem) {
            if (!problem.invalidInput() && !problem.staleVersion()) {
                throw problem;
            }
            // the round's page again, as it is now, with the service's reason
            redirect.addFlashAttribute(
                    "refusal",
                    problem.staleVersion()
                            ? view.t("rounds.step.stale")
                            : problem.detail() == null ? view.t("rounds.step.refused") : problem.detail());
        }
        return "redirect:/rounds/" + roundId;
    }

    /** One respondent's answers, read only; a reader who may not see them is told so plainly. */
    @GetMapping("/rounds/{roundId}/responses/{respondentId}")
    public String response(
            @PathVariable UUID roundId,
            @PathVariable UUID respondentId,
            @ModelAttribute("page") Page view,
            Model model,
            jakarta.servlet.http.HttpServletResponse http) {
        Round round = assessments.round(roundId);
        model.addAttribute("round", round);
        model.addAttribute(
                "respondent",
                names.of(List.of(respondentId)).getOrDefault(respondentId, view.t("rounds.anOrganisation")));
        try {
            Response response = assessments.response(roundId, respondentId);
            model.addAttribute("response", response);
            model.addAttribute("checklist", assessments.checklist());
        } catch (ServiceProblem problem) {
            if (!problem.forbidden()) {
                throw problem;
            }
            http.setStatus(HttpStatus.FORBIDDEN.value());
            return "rounds/refused";
        }
        return "rounds/response";
    }

    static boolean manages(SignedInUser user, Round round) {
        return user.platformAdmin()
                || (round.convenorId().equals(user.organisationId()) && user.editsForOrganisation());
    }

    /** Who said what: the convenor, the respondent itself and platform administrators. */
    static boolean seesAnswersOf(SignedInUser user, Round round, UUID respondent) {
        return user.platformAdmin()
                || round.convenorId().equals(user.organisationId())
                || respondent.equals(user.organisationId());
    }

    private static List<UUID> concat(UUID first, List<UUID> rest) {
        List<UUID> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
