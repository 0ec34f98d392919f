package org.arrival.web.decisions;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.registry.AssignmentsApi;
import org.arrival.web.api.registry.AssignmentsApi.Assignment;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
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
 * An assignment a forum's decision gave an organisation, with its decision. While it is open, the assignee's editors,
 * coordinators and administrators accept it by linking one of their organisation's actions (or by recording a new
 * one, which comes back here) or decline it with a reason; each is sent with the version shown (If-Match), and a
 * stale one brings the form back with what was typed.
 */
@Controller
public class AssignmentPage {

    /** The flash attribute naming the text of what was just done. */
    public static final String NOTICE = "assignmentNotice";

    static final Set<String> ACCEPT_FIELDS = Set.of("actionId");
    static final Set<String> DECLINE_FIELDS = Set.of("reason");
    /** Actions that can no longer carry new work. */
    static final Set<String> ENDED = Set.of("CANCELLED", "COMPLETED", "EVALUATED");

    private final AssignmentsApi assignments;
    private final ActionPlansApi actions;

    public AssignmentPage(AssignmentsApi assignments, ActionPlansApi actions) {
        this.assignments = assignments;
        this.actions = actions;
    }

    /** Who may accept or decline: editors, coordinators and administrators acting for the assignee. */
    public static boolean mayAnswer(@Nullable SignedInUser user, Assignment assignment) {
        return user != null
                && assignment.assigneeId().equals(user.organisationId())
                && (user.has(SignedInUser.ORG_EDITOR)
                        || user.has(SignedInUser.FORUM_COORDINATOR)
                        || user.has(SignedInUser.ORG_ADMIN));
    }

    @GetMapping("/assignments/{assignmentId}")
    public String assignment(@PathVariable UUID assignmentId, @ModelAttribute("page") Page page, Model model) {
        Assignment a = assignments.assignment(assignmentId);
        Map<String, String> version = Map.of("version", String.valueOf(a.version()));
        return show(page, model, a, FormResult.of(version), FormResult.of(version));
    }

    @PostMapping("/assignments/{assignmentId}/acceptance")
    public String accept(
            @PathVariable UUID assignmentId,
            @RequestParam(required = false) @Nullable String actionId,
            @RequestParam(required = false) @Nullable String version,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Assignment before = answerable(assignmentId, page);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("actionId", actionId == null ? "" : actionId.strip());
        typed.put("version", version == null ? "" : version);
        UUID action = uuid(actionId);
        if (action == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            FormResult refused = FormResult.refused(
                    typed, ACCEPT_FIELDS, problem("actionId", page.t("decisions.accept.action.required")));
            return show(page, model, before, refused, versionOnly(before));
        }
        long read = version(version, before.version());
        FormResult refused = FormResult.submit(
                typed, ACCEPT_FIELDS, page::fieldError, () -> assignments.accept(assignmentId, read, action));
        if (refused == null) {
            redirect.addFlashAttribute(NOTICE, "decisions.accepted");
            return "redirect:/assignments/" + assignmentId;
        }
        Assignment now = again(refused, assignmentId, response);
        return show(page, model, now, refused, versionOnly(now));
    }

    @PostMapping("/assignments/{assignmentId}/decline")
    public String decline(
            @PathVariable UUID assignmentId,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String version,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Assignment before = answerable(assignmentId, page);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("reason", reason == null ? "" : reason);
        typed.put("version", version == null ? "" : version);
        if (reason == null || reason.isBlank()) {
            // the registry refuses it too; said here, at the field, before asking it
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            FormResult refused = FormResult.refused(
                    typed, DECLINE_FIELDS, problem("reason", page.t("decisions.decline.reason.required")));
            return show(page, model, before, versionOnly(before), refused);
        }
        long read = version(version, before.version());
        String why = reason.strip();
        FormResult refused = FormResult.submit(
                typed, DECLINE_FIELDS, page::fieldError, () -> assignments.decline(assignmentId, read, why));
        if (refused == null) {
            redirect.addFlashAttribute(NOTICE, "decisions.declined");
            return "redirect:/assignments/" + assignmentId;
        }
        Assignment now = again(refused, assignmentId, response);
        return show(page, model, now, versionOnly(now), refused);
    }

    /** The assignment as it is now after a refusal; on a stale version, the form is carried on to the new one. */
    private Assignment again(FormResult refused, UUID assignmentId, HttpServletResponse response) {
        response.setStatus(
                refused.conflict() ? HttpStatus.PRECONDITION_FAILED.value() : HttpStatus.BAD_REQUEST.value());
        Assignment now = assignments.assignment(assignmentId);
        if (refused.conflict()) {
            refused.values().put("version", String.valueOf(now.version()));
        }
        return now;
    }

    private String show(Page page, Model model, Assignment a, FormResult accept, FormResult decline) {
        boolean answering = a.open() && mayAnswer(page.user(), a);
        List<Choice> choices = answering ? ownActions(a.assigneeId()) : List.of();
        model.addAttribute("assignment", a);
        model.addAttribute("linked", linked(a));
        model.addAttribute("answering", answering);
        model.addAttribute("choices", choices);
        model.addAttribute("accept", accept);
        model.addAttribute("decline", decline);
        Object notice = model.getAttribute(NOTICE);
        model.addAttribute("notice", notice instanceof String key ? page.t(key) : null);
        return "decisions/assignment";
    }

    /** The linked action's title and status, when the reader may read it (null title: they may not). */
    public record Linked(
            UUID actionId, @Nullable String title, @Nullable String status) {}

    private @Nullable Linked linked(Assignment a) {
        UUID id = a.actionId();
        if (id == null) {
            return null;
        }
        try {
            Action action = actions.action(id);
            return new Linked(id, action.title(), action.status());
        } catch (ServiceProblem e) {
            if (e.notFound() || e.forbidden()) {
                return new Linked(id, null, null);
            }
            throw e;
        }
    }

    /** The organisation's own actions that can still take on the work, by title. */
    private List<Choice> ownActions(UUID organisation) {
        return actions.actionsOwnedBy(organisation).stream()
                .filter(a -> organisation.equals(a.ownerId()) && !ENDED.contains(a.status()))
                .sorted(Comparator.comparing(Action::title, String.CASE_INSENSITIVE_ORDER))
                .map(a -> new Choice(a.id().toString(), a.title()))
                .toList();
    }

    /** The assignment, when the person may answer it while it is open; nothing is sent otherwise. */
    private Assignment answerable(UUID assignmentId, Page page) {
        Assignment a = assignments.assignment(assignmentId);
        if (!mayAnswer(page.user(), a)) {
            throw new ServiceProblem(Service.REGISTRY, 403, null, null, List.of());
        }
        return a;
    }

    private static FormResult versionOnly(Assignment a) {
        return FormResult.of(Map.of("version", String.valueOf(a.version())));
    }

    static @Nullable UUID uuid(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long version(@Nullable String version, long fallback) {
        try {
            return version == null ? fallback : Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static ServiceProblem problem(String field, String message) {
        return new ServiceProblem(
                Service.REGISTRY, 400, null, null, List.of(new ServiceProblem.FieldError(field, message)));
    }
}
