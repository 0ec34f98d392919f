package org.arrival.web.actions;

import java.math.BigDecimal;
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
import org.arrival.web.api.actionplans.ActionPlansApi.FundingBody;
import org.arrival.web.api.actionplans.ActionPlansApi.FundingLine;
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
 * A funding line of an action: recorded by the action's owner, changed by the owner or by the organisation it names
 * as its source, with the version it was opened on (412: the line as it is now beside what the person typed).
 * The gap is never typed: the service derives it from what is required and committed.
 */
@Controller
public class FundingForms {

    static final Set<String> FIELDS =
            Set.of("sourceId", "sourceName", "currency", "required", "committed", "disbursed");
    private static final List<String> AMOUNTS = List.of("required", "committed", "disbursed");

    private final ActionPlansApi actions;
    private final References references;

    public FundingForms(ActionPlansApi actions, References references) {
        this.actions = actions;
        this.references = references;
    }

    @GetMapping("/actions/{actionId}/funding/new")
    public String newLine(@PathVariable UUID actionId, @ModelAttribute("page") Page page, Model model) {
        Action action = Owned.action(actions, actionId, page);
        String currency = actions.funding(actionId).totals().stream()
                .map(t -> t.currency())
                .findFirst()
                .orElse("");
        Map<String, String> values = typed("", "", currency, "0", "0", "0", null);
        return show(page, model, action, null, FormResult.of(values), null);
    }

    @PostMapping("/actions/{actionId}/funding/new")
    public String record(
            @PathVariable UUID actionId,
            @RequestParam Map<String, String> params,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        Action action = Owned.action(actions, actionId, page);
        Map<String, String> typed = typed(params, null);
        FormResult result = submit(page, typed, body -> actions.recordFunding(actionId, body));
        if (result != null) {
            return show(page, model, action, null, result, null);
        }
        redirect.addFlashAttribute("done", "actions.funding.done.recorded");
        return "redirect:/actions/" + actionId + "#funding";
    }

    @GetMapping("/actions/{actionId}/funding/{lineId}/edit")
    public String edit(
            @PathVariable UUID actionId, @PathVariable UUID lineId, @ModelAttribute("page") Page page, Model model) {
        Action action = actions.action(actionId);
        FundingLine line = actions.fundingLine(actionId, lineId);
        requireWriter(page, action, line);
        return show(page, model, action, line, FormResult.of(typed(line)), null);
    }

    @PostMapping("/actions/{actionId}/funding/{lineId}/edit")
    public String revise(
            @PathVariable UUID actionId,
            @PathVariable UUID lineId,
            @RequestParam Map<String, String> params,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        Action action = actions.action(actionId);
        FundingLine line = actions.fundingLine(actionId, lineId);
        requireWriter(page, action, line);
        long version = parseLong(params.get("version"));
        Map<String, String> typed = typed(params, Long.toString(version));
        FormResult result = submit(page, typed, body -> actions.reviseFunding(actionId, lineId, version, body));
        if (result == null) {
            redirect.addFlashAttribute("done", "actions.funding.done.saved");
            return "redirect:/actions/" + actionId + "#funding";
        }
        FundingLine now = actions.fundingLine(actionId, lineId);
        if (result.conflict()) {
            typed.put("version", Long.toString(now.version()));
            result = FormResult.refused(
                    typed, FIELDS, new ServiceProblem(Service.ACTION_PLANS, 412, null, null, List.of()));
            return show(page, model, action, now, result, now);
        }
        return show(page, model, action, now, result, null);
    }

    private static Map<String, String> typed(Map<String, String> p, @Nullable String version) {
        return typed(
                p.getOrDefault("sourceId", ""),
                p.getOrDefault("sourceName", ""),
                p.getOrDefault("currency", ""),
                p.getOrDefault("required", ""),
                p.getOrDefault("committed", ""),
                p.getOrDefault("disbursed", ""),
                version);
    }

    private static Map<String, String> typed(FundingLine l) {
        return typed(
                l.sourceId() == null ? "" : l.sourceId().toString(),
                l.sourceName() == null ? "" : l.sourceName(),
                l.currency(),
                plain(l.required()),
                plain(l.committed()),
                plain(l.disbursed()),
                Long.toString(l.version()));
    }

    private static Map<String, String> typed(
            String sourceId,
            String sourceName,
            String currency,
            String required,
            String committed,
            String disbursed,
            @Nullable String version) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("sourceId", sourceId.strip());
        typed.put("sourceName", sourceName.strip());
        typed.put("currency", currency.strip().toUpperCase(java.util.Locale.ROOT));
        typed.put("required", required.strip());
        typed.put("committed", committed.strip());
        typed.put("disbursed", disbursed.strip());
        if (version != null) {
            typed.put("version", version);
        }
        return typed;
    }

    private static @Nullable FormResult submit(
            Page page, Map<String, String> typed, java.util.function.Consumer<FundingBody> call) {
        List<ServiceProblem.FieldError> unreadable = new ArrayList<>();
        Map<String, @Nullable BigDecimal> amounts = new LinkedHashMap<>();
        for (String field : AMOUNTS) {
            String value = typed.getOrDefault(field, "")
                    .replace(" ", "")
                    .replace("\u00a0", "")
                    .replace("\u202f", "");
            try {
                amounts.put(field, value.isEmpty() ? null : new BigDecimal(value));
            } catch (NumberFormatException e) {
                unreadable.add(new ServiceProblem.FieldError(
                        field, "must be an amount such as 250000", "format.amount", Map.of()));
            }
        }
        @Nullable UUID source = null;
        String sourceId = typed.getOrDefault("sourceId", "");
        if (!sourceId.isBlank()) {
            try {
                source = UUID.fromString(sourceId);
            } catch (IllegalArgumentException e) {
                source = null;
            }
        }
        if (!unreadable.isEmpty()) {
            return FormResult.refused(
                    typed,
                    FIELDS,
                    new ServiceProblem(Service.ACTION_PLANS, 400, null, null, unreadable),
                    page::fieldError);
        }
        String sourceName = typed.getOrDefault("sourceName", "");
        String currency = typed.getOrDefault("currency", "");
        FundingBody body = new FundingBody(
                source,
                sourceName.isBlank() ? null : sourceName,
                currency.isBlank() ? null : currency,
                amounts.get("required"),
                amounts.get("committed"),
                amounts.get("disbursed"));
        return FormResult.submit(typed, FIELDS, page::fieldError, () -> call.accept(body));
    }

    private String show(
            Page page,
            Model model,
            Action action,
            @Nullable FundingLine line,
            FormResult result,
            @Nullable FundingLine current) {
        References.Lookup names = references.lookup();
        model.addAttribute("action", action);
        model.addAttribute("line", line);
        model.addAttribute("result", result);
        model.addAttribute("current", current);
        model.addAttribute(
                "currentSource",
                current == null
                        ? null
                        : current.sourceId() != null ? names.organisation(current.sourceId()) : current.sourceName());
        model.addAttribute(
                "organisations",
                names.organisations().stream()
                        .filter(o -> o.canTakePart() || (line != null && o.id().equals(line.sourceId())))
                        .toList());
        return "actions/fundingForm";
    }

    /** The action's owner's editors, or the editors of the organisation the line names as its source. */
    private static void requireWriter(Page page, Action action, FundingLine line) {
        SignedInUser user = page.user();
        boolean writer = user != null
                && user.editsForOrganisation()
                && user.organisationId() != null
                && (user.organisationId().equals(action.ownerId())
                        || user.organisationId().equals(line.sourceId()));
        if (!writer) {
            throw new ServiceProblem(Service.ACTION_PLANS, 403, null, null, List.of());
        }
        if (!Lifecycle.open(action.status())) {
            throw new ServiceProblem(
                    Service.ACTION_PLANS,
                    409,
                    null,
                    page.t("actions.form.closed", "status", page.label("ActionStatus", action.status())),
                    List.of());
        }
    }

    private static String plain(@Nullable BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    private static long parseLong(@Nullable String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
