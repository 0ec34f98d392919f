package org.arrival.web.progress;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.Report;
import org.arrival.web.api.actionplans.ActionPlansApi.Reporting;
import org.arrival.web.layout.Page;
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
 * Publishing a progress report on one of the person's organisation's actions: the period whose report is due
 * proposed first (the action-plans service's reporting standing), and the last report's percent, rating and
 * indicators filled in, to be updated. A plain form (POST, then a redirect to My work), so it works without
 * JavaScript; "add an indicator" posts the form back with one more row and what was typed kept. The service's
 * refusals come back at the fields they name, in the reader's language where the service gives a code.
 */
@Controller
public class ProgressReportPage {

    /** What My work says after a report was published (kept for the one redirect). */
    public record Published(
            UUID actionId,
            String actionTitle,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd) implements Serializable {}

    public static final String PUBLISHED = "published";

    private final ActionPlansApi actions;

    public ProgressReportPage(ActionPlansApi actions) {
        this.actions = actions;
    }

    @GetMapping("/actions/{actionId}/reports/new")
    public String form(@PathVariable UUID actionId, @ModelAttribute("page") Page page, Model model) {
        Action action = ownAction(actionId, page);
        Reporting reporting = actions.reporting(actionId);
        @Nullable
        Report last = reporting.lastReport() == null
                ? null
                : actions.report(actionId, reporting.lastReport().id());
        ReportForm form = ReportForm.proposed(reporting.nextDue(), last);
        return show(model, page, action, reporting, last, form, FormResult.of(form.values()));
    }

    @PostMapping("/actions/{actionId}/reports/new")
    public String publish(
            @PathVariable UUID actionId,
            @RequestParam Map<String, String> params,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        Action action = ownAction(actionId, page);
        ReportForm form = ReportForm.posted(params);
        if (params.containsKey("add") || !takesReports(action)) {
            ReportForm more = form.full() ? form : form.withAnotherRow();
            return context(model, page, action, more, FormResult.of(more.values()));
        }
        ReportForm.Parsed parsed = form.parse();
        if (!parsed.unreadable().isEmpty()) {
            List<ServiceProblem.FieldError> errors = new ArrayList<>();
            parsed.unreadable().forEach((field, key) -> errors.add(new ServiceProblem.FieldError(field, page.t(key))));
            // read here, never sent: the same form result as a refusal of the service
            return context(
                    model,
                    page,
                    action,
                    form,
                    FormResult.refused(
                            form.values(),
                            form.fields(),
                            new ServiceProblem(Service.ACTION_PLANS, 400, null, null, errors)));
        }
        try {
            actions.publishReport(actionId, parsed.draft());
        } catch (ServiceProblem problem) {
            if (problem.status() == 409) {
                // the period has a report already (the page leaves out actions that take none)
                return context(
                        model,
                        page,
                        action,
                        form,
                        FormResult.refused(
                                form.values(),
                                form.fields(),
                                new ServiceProblem(
                                        problem.service(),
                                        400,
                                        null,
                                        null,
                                        List.of(new ServiceProblem.FieldError(
                                                ReportForm.PERIOD_START, page.t("progress.error.periodTaken"))))));
            }
            if (problem.invalidInput()) {
                return context(
                        model,
                        page,
                        action,
                        form,
                        FormResult.refused(form.values(), form.fields(), parsed.onForm(problem), page::fieldError));
            }
            throw problem;
        }
        redirect.addFlashAttribute(
                PUBLISHED,
                new Published(
                        actionId,
                        action.title(),
                        parsed.draft().periodStart(),
                        parsed.draft().periodEnd()));
        return "redirect:/";
    }

    /** Reports are taken once an action is committed, and never once it is cancelled. */
    static boolean takesReports(Action action) {
        return !Set.of("PROPOSED", "CANCELLED").contains(action.status());
    }

    /** The action, if it is the person's organisation's and they may record its progress; otherwise 403 or 404. */
    private Action ownAction(UUID actionId, Page page) {
        Action action = actions.action(actionId);
        SignedInUser user = page.user();
        if (user == null || !user.editsForOrganisation() || !action.ownerId().equals(user.organisationId())) {
            throw new ServiceProblem(Service.ACTION_PLANS, 403, null, null, List.of());
        }
        return action;
    }

    /** The form again (after a refusal or a new row), with the action's standing and last report read again. */
    private String context(Model model, Page page, Action action, ReportForm form, FormResult result) {
        Reporting reporting = actions.reporting(action.id());
        Report last = reporting.lastReport() == null
                ? null
                : actions.report(action.id(), reporting.lastReport().id());
        return show(model, page, action, reporting, last, form, result);
    }

    private String show(
            Model model,
            Page page,
            Action action,
            Reporting reporting,
            @Nullable Report last,
            ReportForm form,
            FormResult result) {
        model.addAttribute("view", new ReportFormView(action, reporting, last, form, result, labels(page, form)));
        return "progress/reportForm";
    }

    /** The fields' labels, for the error summary's links. */
    static Map<String, String> labels(Page page, ReportForm form) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ReportForm.PERIOD_START, page.t("progress.periodStart"));
        labels.put(ReportForm.PERIOD_END, page.t("progress.periodEnd"));
        labels.put(ReportForm.PERCENT, page.t("progress.percent"));
        labels.put(ReportForm.RAG, page.t("progress.rag"));
        labels.put(ReportForm.NARRATIVE, page.t("progress.narrative"));
        for (int i = 0; i < form.rows(); i++) {
            for (String f : ReportForm.INDICATOR_FIELDS) {
                labels.put(
                        ReportForm.field(i, f),
                        page.t(
                                "progress.indicator.field",
                                "number",
                                i + 1,
                                "field",
                                page.t("progress.indicator." + f)));
            }
        }
        return labels;
    }

    /** Everything the form's template shows. */
    public record ReportFormView(
            Action action,
            Reporting reporting,
            @Nullable Report last,
            ReportForm form,
            FormResult result,
            Map<String, String> labels) {

        public boolean takesReports() {
            return ProgressReportPage.takesReports(action);
        }

        /** The last report's indicator of this name, to show what was reported last time. */
        public ActionPlansApi.@Nullable Indicator lastIndicator(@Nullable String name) {
            if (last == null || name == null) {
                return null;
            }
            return last.indicators().stream()
                    .filter(i -> name.equalsIgnoreCase(i.name()))
                    .findFirst()
                    .orElse(null);
        }

        /** The period due next has not ended yet: its report can be published once it has. */
        public boolean dueNotYetEnded() {
            return reporting.nextDue() != null
                    && reporting.asOf() != null
                    && reporting.nextDue().periodEnd().isAfter(reporting.asOf());
        }
    }
}
