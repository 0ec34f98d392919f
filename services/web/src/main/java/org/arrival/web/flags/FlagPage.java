package org.arrival.web.flags;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.actions.References;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.FlagDecision;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.registry.OrganisationNames;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coherence flag of a forum on a page of its own (where notifications and e-mails about it lead): its check, status,
 * severity and finding in the reader's language, the check's rule, source and suggestion, the records it names linked
 * to their pages (with their questions' texts for checklist gaps), and the forum's decision on it. A flag the reader
 * may not see, or of a forum they have no seat in, is not found. Below, every decision taken on it (who, for which
 * organisation, when, from and to which status, why) and, for the forum's coordinators while it is open or
 * acknowledged, the form to acknowledge, resolve or dismiss it with a reason. The forum service decides who may: a
 * refusal is said plainly, and after someone else decided meanwhile (412) the form comes back with the reason typed.
 */
@Controller
public class FlagPage {

    static final Set<String> DECISIONS = Set.of("acknowledge", "resolve", "dismiss");
    static final Set<String> FIELDS = Set.of("reason", "decision");

    private final ForumApi forums;
    private final References references;
    private final OrganisationNames names;

    public FlagPage(ForumApi forums, References references, OrganisationNames names) {
        this.forums = forums;
        this.references = references;
        this.names = names;
    }

    @GetMapping("/forums/{forumId}/flags/{flagId}")
    public String flag(
            @PathVariable UUID forumId, @PathVariable UUID flagId, @ModelAttribute("page") Page page, Model model) {
        Flag flag = flagOf(forumId, flagId);
        return show(model, page, forumId, flag, FormResult.of(Map.of("version", String.valueOf(flag.version()))));
    }

    @PostMapping("/forums/{forumId}/flags/{flagId}")
    public String decide(
            @PathVariable UUID forumId,
            @PathVariable UUID flagId,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String version,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Flag before = flagOf(forumId, flagId);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("reason", reason == null ? "" : reason);
        typed.put("version", version == null ? "" : version);
        if (decision == null || !DECISIONS.contains(decision)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(
                    model,
                    page,
                    forumId,
                    before,
                    FormResult.refused(typed, FIELDS, problem(400, "decision", page.t("flag.decide.choose"))));
        }
        if (why == null && !"acknowledge".equals(decision)) {
            // the forum service says so too; said here, at the field, before asking it
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(
                    model,
                    page,
                    forumId,
                    before,
                    FormResult.refused(typed, FIELDS, problem(400, "reason", page.t("flag.decide.reasonRequired"))));
        }
        long read = parseVersion(version, before.version());
        FormResult refused;
        try {
            refused = FormResult.submit(typed, FIELDS, () -> forums.decide(forumId, flagId, decision, read, why));
        } catch (ServiceProblem problem) {
            if (!problem.forbidden()) {
                throw problem;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("refused", page.t("flag.decide.refused"));
            return show(model, page, forumId, before, FormResult.of(typed));
        }
        if (refused == null) {
            redirect.addFlashAttribute("notice", page.t("flag.decide.done." + decision));
            return "redirect:/forums/" + forumId + "/flags/" + flagId;
        }
        response.setStatus(
                refused.conflict() ? HttpStatus.PRECONDITION_FAILED.value() : HttpStatus.BAD_REQUEST.value());
        Flag now = flagOf(forumId, flagId);
        if (refused.conflict()) {
            // deciding again applies to the flag as the person now sees it
            refused.values().put("version", String.valueOf(now.version()));
        }
        return show(model, page, forumId, now, refused);
    }

    private String show(Model model, Page page, UUID forumId, Flag flag, FormResult form) {
        ForumSummary forum = forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(FlagPage::notFound);
        List<FlagDecision> history = history(forumId, flag.flagId());
        Map<UUID, String> organisations = names.of(history.stream()
                .map(FlagDecision::byOrganisation)
                .filter(java.util.Objects::nonNull)
                .toList());
        model.addAttribute("forum", forum);
        model.addAttribute("flag", FlagView.of(page, flag, questions(flag)));
        model.addAttribute("history", FlagHistoryView.of(page, history, organisations));
        model.addAttribute("decisions", mayDecide(page) ? open(flag) : List.of());
        model.addAttribute("form", form);
        return "flags/flag";
    }

    /** The decisions taken on the flag; none from a forum service that does not keep them yet (404). */
    private List<FlagDecision> history(UUID forumId, UUID flagId) {
        try {
            return forums.flagHistory(forumId, flagId);
        } catch (ServiceProblem e) {
            if (e.notFound()) {
                return List.of();
            }
            throw e;
        }
    }

    /** The decisions the flag's status still allows. */
    static List<String> open(Flag flag) {
        return switch (flag.status()) {
            case "OPEN" -> List.of("acknowledge", "resolve", "dismiss");
            case "ACKNOWLEDGED" -> List.of("resolve", "dismiss");
            default -> List.of();
        };
    }

    /** The forum's coordinators decide on flags (the forum service says who they are); administrators too. */
    static boolean mayDecide(Page page) {
        SignedInUser user = page.signedInUser();
        return user.has(SignedInUser.FORUM_COORDINATOR) || user.platformAdmin();
    }

    private Flag flagOf(UUID forumId, UUID flagId) {
        return forums.flag(forumId, flagId).orElseThrow(FlagPage::notFound);
    }

    private static long parseVersion(@Nullable String version, long fallback) {
        try {
            return version == null ? fallback : Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static ServiceProblem problem(int status, String field, String message) {
        return new ServiceProblem(
                Service.FORUM, status, null, null, List.of(new ServiceProblem.FieldError(field, message)));
    }

    /** The checklist's question texts for a flag naming gaps; none when the assessments service does not answer. */
    private Map<String, String> questions(Flag flag) {
        if (!"GAP_WITHOUT_ACTION".equals(flag.checkCode())) {
            return Map.of();
        }
        try {
            return references.checklistQuestions();
        } catch (ServiceProblem | ServiceUnavailable e) {
            return Map.of();
        }
    }

    private static ServiceProblem notFound() {
        return new ServiceProblem(Service.FORUM, 404, null, null, List.of());
    }
}
