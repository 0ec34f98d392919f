package org.arrival.web.actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.ActionBody;
import org.arrival.web.api.actionplans.ActionPlansApi.Revision;
import org.arrival.web.api.registry.AssignmentsApi.Assignment;
import org.arrival.web.decisions.NewActionForAssignment;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Recording an action for the person's organisation and editing it: every field of the API, participants, needs,
 * gaps, framework items and forums chosen by name. An edit is sent with the version the form was opened on; when
 * someone else saved in between (412), the form comes back with what they changed beside what the person typed, on
 * the new version, so saving again applies the person's edit.
 */
@Controller
public class ActionForms {

    private final ActionPlansApi actions;
    private final References references;
    private final ActionFieldText fieldText;
    private final JsonMapper json;
    private final NewActionForAssignment assignments;

    public ActionForms(
            ActionPlansApi actions,
            References references,
            ActionFieldText fieldText,
            JsonMapper json,
            NewActionForAssignment assignments) {
        this.actions = actions;
        this.references = references;
        this.fieldText = fieldText;
        this.json = json;
        this.assignments = assignments;
    }

    /**
     * A new action; with {@code ?assignment=} an open assignment of the person's organisation, the work it expects
     * proposed and, once recorded, the assignment accepted with it.
     */
    @GetMapping("/actions/new")
    public String newAction(
            @RequestParam(name = "assignment", required = false) @Nullable String assignmentId,
            @ModelAttribute("page") Page page,
            Model model) {
        requireEditor(page);
        ActionForm form =
                ActionForm.blank(fieldText.jurisdiction(page.signedInUser().organisationId()));
        Assignment assignment = assignments.answerable(page, assignmentId);
        if (assignment != null && assignment.open()) {
            model.addAttribute("assignment", assignment);
            model.addAttribute("assignmentVersion", String.valueOf(assignment.version()));
            form = form.proposing(
                    assignment.expected() == null ? "" : assignment.expected(),
                    assignment.decisionText() == null ? "" : assignment.decisionText(),
                    List.of(assignment.forumId().toString()));
        }
        return show(page, model, null, form, FormResult.of(form.values()), null);
    }

    @PostMapping("/actions/new")
    public String record(
            @RequestParam MultiValueMap<String, String> params,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        requireEditor(page);
        ActionForm form = ActionForm.of(params);
        Assignment assignment = assignments.answerable(page, params.getFirst("assignment"));
        if (assignment != null) {
            model.addAttribute("assignment", assignment);
            model.addAttribute("assignmentVersion", params.getFirst("assignmentVersion"));
        }
        if (params.containsKey("more")) {
            return show(page, model, null, form.withEmptyRows(), FormResult.of(form.values()), null);
        }
        Action[] saved = new Action[1];
        FormResult result = submit(page, form, () -> saved[0] = actions.record(form.body()));
        if (result != null) {
            return show(page, model, null, form.withEmptyRows(), result, null);
        }
        if (assignment != null) {
            return assignments.accept(assignment, params.getFirst("assignmentVersion"), saved[0].id(), redirect);
        }
        redirect.addFlashAttribute("done", "actions.form.recorded");
        return "redirect:/actions/" + saved[0].id();
    }

    @GetMapping("/actions/{actionId}/edit")
    public String edit(@PathVariable UUID actionId, @ModelAttribute("page") Page page, Model model) {
        Action action = editable(actionId, page);
        ActionForm form = formOf(action);
        return show(page, model, action, form, FormResult.of(form.values()), null);
    }

    @PostMapping("/actions/{actionId}/edit")
    public String revise(
            @PathVariable UUID actionId,
            @RequestParam MultiValueMap<String, String> params,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        Action action = editable(actionId, page);
        ActionForm form = ActionForm.of(params);
        if (params.containsKey("more")) {
            return show(page, model, action, form.withEmptyRows(), FormResult.of(form.values()), null);
        }
        FormResult result = submit(page, form, () -> actions.revise(actionId, form.versionNumber(), form.body()));
        if (result == null) {
            redirect.addFlashAttribute("done", "actions.form.saved");
            return "redirect:/actions/" + actionId;
        }
        if (result.conflict()) {
            // the record as it is now (read again: the action above may be older than the refusal), what changed
            // since the person opened the form, and their changes on the new version, to save again
            Action current = actions.action(actionId);
            Merge merge = merge(current, form);
            Conflict conflict = conflict(page, current, form, merge);
            ActionForm merged = ActionForm.of(merge.body(), current.version(), write(ActionFieldText.bodyOf(current)));
            return show(
                    page,
                    model,
                    current,
                    merged,
                    FormResult.refused(
                            merged.values(),
                            merged.fields(),
                            new ServiceProblem(Service.ACTION_PLANS, 412, null, null, List.of())),
                    conflict);
        }
        return show(page, model, action, form.withEmptyRows(), result, null);
    }

    /** Someone else's changes since the version the person opened: who, when, and each field now and in the form. */
    public record Conflict(List<ActionView.HistoryRow> by, List<Change> changes) {}

    /**
     * A field someone else changed: its label, its value now, the person's value, and whether the form now holds
     * the new value (the person had not changed it) or keeps the person's (both changed it).
     */
    public record Change(String field, String label, String now, String yours, boolean keptYours) {}

    /** The person's edit laid over the record as it is now, and the fields both changed. */
    record Merge(ActionBody body, Set<String> theirs, Set<String> both) {}

    /**
     * Three-way: a field only someone else changed takes its new value, a field only the person changed keeps
     * theirs, a field both changed keeps theirs (and is shown side by side). Without the values the form opened
     * with, every field keeps the person's value and the fields that differ are shown.
     */
    Merge merge(Action current, ActionForm typed) {
        Map<String, Object> now = fields(ActionFieldText.bodyOf(current));
        Map<String, Object> yours = fields(typed.body());
        Map<String, Object> original = read(typed.original());
        Map<String, Object> merged = new java.util.LinkedHashMap<>(yours);
        Set<String> theirs = new LinkedHashSet<>();
        Set<String> both = new LinkedHashSet<>();
        for (String field : ActionFieldText.FIELDS) {
            Object n = now.get(field);
            Object y = yours.get(field);
            if (original == null) {
                if (!same(n, y)) {
                    theirs.add(field);
                    both.add(field);
                }
                continue;
            }
            Object o = original.get(field);
            if (!same(n, o)) {
                theirs.add(field);
                if (same(y, o)) {
                    merged.put(field, n);
                } else if (!same(y, n)) {
                    both.add(field);
                }
            }
        }
        return new Merge(json.convertValue(merged, ActionBody.class), theirs, both);
    }

    private Conflict conflict(Page page, Action current, ActionForm typed, Merge merge) {
        long from = typed.versionNumber();
        List<Revision> since = List.of();
        try {
            since = actions.history(current.id()).stream()
                    .filter(r -> r.version() > from)
                    .toList();
        } catch (ServiceProblem e) {
            if (!e.notFound() && !e.forbidden()) {
                throw e;
            }
        }
        References.Lookup names = references.lookup();
        ActionBody now = ActionFieldText.bodyOf(current);
        ActionBody yours = typed.body();
        List<Change> changes = new ArrayList<>();
        for (String field : merge.theirs()) {
            changes.add(new Change(
                    field,
                    page.t("actions.form.field." + field),
                    fieldText.text(page, names, field, now),
                    fieldText.text(page, names, field, yours),
                    merge.both().contains(field)));
        }
        SignedInUser user = page.user();
        List<ActionView.HistoryRow> by = since.stream()
                .map(r -> new ActionView.HistoryRow(
                        r,
                        user != null && Objects.equals(user.subject(), r.userId()),
                        r.organisationId() == null ? null : names.organisation(UUID.fromString(r.organisationId()))))
                .toList();
        return new Conflict(by, changes);
    }

    private ActionForm formOf(Action action) {
        ActionBody body = ActionFieldText.bodyOf(action);
        return ActionForm.of(body, action.version(), write(body));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(ActionBody body) {
        return json.convertValue(body, Map.class);
    }

    private String write(ActionBody body) {
        return json.writeValueAsString(body);
    }

    /** The values the form opened with, or null when they are missing or unreadable. */
    @SuppressWarnings("unchecked")
    private @Nullable Map<String, Object> read(@Nullable String original) {
        if (original == null || original.isBlank()) {
            return null;
        }
        try {
            return json.readValue(original, Map.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Equal values; lists in any order, as the service compares them. */
    private static boolean same(@Nullable Object a, @Nullable Object b) {
        Object x = a instanceof List<?> l ? new java.util.HashSet<>(l) : a;
        Object y = b instanceof List<?> l ? new java.util.HashSet<>(l) : b;
        if (x instanceof java.util.Set<?> s && s.isEmpty()) {
            x = null;
        }
        if (y instanceof java.util.Set<?> s && s.isEmpty()) {
            y = null;
        }
        return Objects.equals(x, y);
    }

    private @Nullable FormResult submit(Page page, ActionForm form, Runnable call) {
        List<ServiceProblem.FieldError> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            return FormResult.refused(
                    form.values(),
                    form.fields(),
                    new ServiceProblem(Service.ACTION_PLANS, 400, null, null, unreadable),
                    page::fieldError);
        }
        return FormResult.submit(form.values(), form.fields(), page::fieldError, call);
    }

    private String show(
            Page page,
            Model model,
            @Nullable Action action,
            ActionForm form,
            FormResult result,
            @Nullable Conflict conflict) {
        References.Lookup names = references.lookup();
        UUID self = action == null ? null : action.id();
        model.addAttribute("action", action);
        model.addAttribute("form", form);
        model.addAttribute("result", result);
        model.addAttribute("conflict", conflict);
        model.addAttribute(
                "choices", ActionChoices.of(names, actions, page.signedInUser().organisationId(), self, form));
        model.addAttribute("labels", labels(page, form));
        return "actions/actionForm";
    }

    /** The fields' labels for the error summary, which links each message to its field. */
    static Map<String, String> labels(Page page, ActionForm form) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (String field : form.fields()) {
            String base = field.replaceAll("\\[\\d+]", "");
            String key = "actions.form.field." + base;
            int row = field.indexOf('[');
            String label = page.t(key);
            if (row >= 0) {
                int n = Integer.parseInt(field.substring(row + 1, field.indexOf(']'))) + 1;
                label = page.t("actions.form.row", "field", label, "row", n);
            }
            labels.put(field, label);
        }
        return labels;
    }

    private Action editable(UUID actionId, Page page) {
        return Owned.action(actions, actionId, page);
    }

    private static void requireEditor(Page page) {
        if (page.user() == null || !page.user().editsForOrganisation()) {
            throw new ServiceProblem(Service.ACTION_PLANS, 403, null, null, List.of());
        }
    }
}
