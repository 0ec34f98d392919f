package org.arrival.web.actions;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
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
 * An action's page: everything about it the reader may see, and the small forms that act on it there: its owner's
 * editors move it along its lifecycle and mark its milestones reached, missed or cancelled; other organisations'
 * editors comment on, endorse or object to it. Each form posts, and comes back to the page (with the service's
 * refusal next to the form's fields when it refused).
 */
@Controller
public class ActionPage {

    /** The forms of the page, each shown again with its refusal: the lifecycle, a milestone's step, a contribution. */
    public record PageForm(String id, @Nullable FormResult result) {

        public @Nullable FormResult of(String form) {
            return id.equals(form) ? result : null;
        }
    }

    private final ActionPlansApi actions;
    private final ActionViews views;

    public ActionPage(ActionPlansApi actions, ActionViews views) {
        this.actions = actions;
        this.views = views;
    }

    @GetMapping("/actions/{actionId}")
    public String action(@PathVariable UUID actionId, @ModelAttribute("page") Page page, Model model) {
        return show(actionId, page, model, new PageForm("", null));
    }

    @PostMapping("/actions/{actionId}/status")
    public String move(
            @PathVariable UUID actionId,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "-1") long version,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = Map.of("status", status, "reason", reason);
        FormResult result = FormResult.submit(
                typed,
                Set.of("status", "reason"),
                page::fieldError,
                () -> actions.move(actionId, version, status, reason));
        if (result == null) {
            redirect.addFlashAttribute("done", "actions.lifecycle.moved");
            redirect.addFlashAttribute("doneStatus", status);
            return "redirect:/actions/" + actionId;
        }
        return refused(
                actionId, page, model, response, Lifecycle.CANCELLED.equals(status) ? "cancel" : "lifecycle", result);
    }

    @PostMapping("/actions/{actionId}/contributions")
    public String contribute(
            @PathVariable UUID actionId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String text,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = Map.of("kind", kind, "text", text);
        FormResult result = FormResult.submit(
                typed,
                Set.of("kind", "text"),
                page::fieldError,
                () -> actions.contribute(actionId, kind.isBlank() ? null : kind, text));
        if (result == null) {
            redirect.addFlashAttribute("done", "actions.contribution.done." + (kind.isBlank() ? "COMMENT" : kind));
            return "redirect:/actions/" + actionId + "#contributions";
        }
        return refused(actionId, page, model, response, "contribution", result);
    }

    @PostMapping("/actions/{actionId}/milestones/{milestoneId}/{step:reach|miss|cancel}")
    public String milestoneStep(
            @PathVariable UUID actionId,
            @PathVariable UUID milestoneId,
            @PathVariable String step,
            @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String reachedOn,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("reachedOn", reachedOn);
        String form = "milestone-" + milestoneId;
        FormResult result;
        if ("reach".equals(step)) {
            @Nullable LocalDate on;
            try {
                on = reachedOn.isBlank() ? null : LocalDate.parse(reachedOn.strip());
            } catch (DateTimeParseException e) {
                result = FormResult.refused(
                        typed,
                        Set.of("reachedOn"),
                        new ServiceProblem(
                                Service.ACTION_PLANS,
                                400,
                                null,
                                null,
                                List.of(new ServiceProblem.FieldError(
                                        "reachedOn", "must be a date such as 2026-12-31", "format.date", Map.of()))),
                        page::fieldError);
                return refused(actionId, page, model, response, form, result);
            }
            result = FormResult.submit(
                    typed,
                    Set.of("reachedOn"),
                    page::fieldError,
                    () -> actions.reach(actionId, milestoneId, version, on));
        } else {
            result = FormResult.submit(
                    typed, Set.of(), page::fieldError, () -> actions.step(actionId, milestoneId, version, step));
        }
        if (result == null) {
            redirect.addFlashAttribute("done", "actions.milestone.done." + step);
            return "redirect:/actions/" + actionId + "#milestones";
        }
        return refused(actionId, page, model, response, form, result);
    }

    private String refused(
            UUID actionId, Page page, Model model, HttpServletResponse response, String form, FormResult result) {
        response.setStatus(
                result.conflict() ? HttpStatus.PRECONDITION_FAILED.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        return show(actionId, page, model, new PageForm(form, result));
    }

    private String show(UUID actionId, Page page, Model model, PageForm form) {
        model.addAttribute("view", views.of(actionId, page.user()));
        model.addAttribute("forms", form);
        model.addAttribute("today", views.today());
        return "actions/action";
    }
}
