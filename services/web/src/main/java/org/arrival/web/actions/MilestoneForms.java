package org.arrival.web.actions;

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
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.Milestone;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
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
 * Scheduling a milestone of one of the person's organisation's actions, and renaming or rescheduling a planned one
 * (with the version it was opened on: when someone else changed it meanwhile, the form shows it as it is now beside
 * what the person typed, ready to save again).
 */
@Controller
public class MilestoneForms {

    static final Set<String> FIELDS = Set.of("title", "dueOn");

    private final ActionPlansApi actions;

    public MilestoneForms(ActionPlansApi actions) {
        this.actions = actions;
    }

    @GetMapping("/actions/{actionId}/milestones/new")
    public String newMilestone(@PathVariable UUID actionId, @ModelAttribute("page") Page page, Model model) {
        Action action = Owned.action(actions, actionId, page);
        return show(model, action, null, FormResult.of(Map.of("title", "", "dueOn", "")), null);
    }

    @PostMapping("/actions/{actionId}/milestones/new")
    public String schedule(
            @PathVariable UUID actionId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String dueOn,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        Action action = Owned.action(actions, actionId, page);
        Map<String, String> typed = typed(title, dueOn, null);
        FormResult result = submit(page, typed, dueOn, due -> actions.schedule(actionId, title, due));
        if (result != null) {
            return show(model, action, null, result, null);
        }
        redirect.addFlashAttribute("done", "actions.milestone.done.scheduled");
        return "redirect:/actions/" + actionId + "#milestones";
    }

    @GetMapping("/actions/{actionId}/milestones/{milestoneId}/edit")
    public String edit(
            @PathVariable UUID actionId,
            @PathVariable UUID milestoneId,
            @ModelAttribute("page") Page page,
            Model model) {
        Action action = Owned.action(actions, actionId, page);
        Milestone milestone = actions.milestone(actionId, milestoneId);
        return show(
                model,
                action,
                milestone,
                FormResult.of(typed(
                        milestone.title(),
                        milestone.dueOn() == null ? "" : milestone.dueOn().toString(),
                        Long.toString(milestone.version()))),
                null);
    }

    @PostMapping("/actions/{actionId}/milestones/{milestoneId}/edit")
    public String reschedule(
            @PathVariable UUID actionId,
            @PathVariable UUID milestoneId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String dueOn,
            @RequestParam(defaultValue = "-1") long version,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        Action action = Owned.action(actions, actionId, page);
        Map<String, String> typed = typed(title, dueOn, Long.toString(version));
        FormResult result =
                submit(page, typed, dueOn, due -> actions.reschedule(actionId, milestoneId, version, title, due));
        if (result == null) {
            redirect.addFlashAttribute("done", "actions.milestone.done.saved");
            return "redirect:/actions/" + actionId + "#milestones";
        }
        Milestone now = actions.milestone(actionId, milestoneId);
        if (result.conflict()) {
            // the form on the new version, with what the person typed; the milestone as it is now beside it
            typed.put("version", Long.toString(now.version()));
            result = FormResult.refused(
                    typed, FIELDS, new ServiceProblem(Service.ACTION_PLANS, 412, null, null, List.of()));
            return show(model, action, now, result, now);
        }
        return show(model, action, now, result, null);
    }

    private static Map<String, String> typed(String title, String dueOn, @Nullable String version) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("dueOn", dueOn);
        if (version != null) {
            typed.put("version", version);
        }
        return typed;
    }

    private static @Nullable FormResult submit(
            Page page, Map<String, String> typed, String dueOn, java.util.function.Consumer<@Nullable LocalDate> call) {
        @Nullable LocalDate due;
        try {
            due = dueOn.isBlank() ? null : LocalDate.parse(dueOn.strip());
        } catch (DateTimeParseException e) {
            return FormResult.refused(
                    typed,
                    FIELDS,
                    new ServiceProblem(
                            Service.ACTION_PLANS,
                            400,
                            null,
                            null,
                            List.of(new ServiceProblem.FieldError(
                                    "dueOn", "must be a date such as 2026-12-31", "format.date", Map.of()))),
                    page::fieldError);
        }
        return FormResult.submit(typed, FIELDS, page::fieldError, () -> call.accept(due));
    }

    private static String show(
            Model model, Action action, @Nullable Milestone milestone, FormResult result, @Nullable Milestone current) {
        model.addAttribute("action", action);
        model.addAttribute("milestone", milestone);
        model.addAttribute("result", result);
        model.addAttribute("current", current);
        return "actions/milestoneForm";
    }
}
