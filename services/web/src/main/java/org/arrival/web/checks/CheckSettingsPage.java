package org.arrival.web.checks;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.CoherenceSettings;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
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
 * A forum's coherence checks: every member reads how they are set and when they last ran; the forum's coordinators
 * change them ({@code If-Match} with the version the form was opened on). The forum service decides who may: the form
 * is offered to people with the coordinator role, and a refusal is said plainly. After someone else saved meanwhile
 * (412), the form comes back with what the person typed, where the settings now differ, and the current version.
 */
@Controller
public class CheckSettingsPage {

    private final ForumApi forums;

    public CheckSettingsPage(ForumApi forums) {
        this.forums = forums;
    }

    @GetMapping("/forums/{forumId}/checks")
    public String checks(@PathVariable UUID forumId, @ModelAttribute("page") Page page, Model model) {
        ForumSummary forum = forum(forumId);
        CoherenceSettings current = forums.checkSettings(forumId);
        FormResult form = FormResult.of(CheckSettingsForm.of(current));
        return show(model, page, forum, current, editable(page), form, null, List.of());
    }

    @PostMapping("/forums/{forumId}/checks")
    public String save(
            @PathVariable UUID forumId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ForumSummary forum = forum(forumId);
        Map<String, String> typed = CheckSettingsForm.typed(sent);
        CoherenceSettings[] saved = new CoherenceSettings[1];
        FormResult refused;
        try {
            refused = FormResult.submit(
                    typed,
                    CheckSettingsForm.FIELDS,
                    e -> CheckSettingsForm.word(page, e),
                    () -> saved[0] = forums.replaceCheckSettings(
                            forumId, CheckSettingsForm.version(typed), CheckSettingsForm.body(page, typed)));
        } catch (ServiceProblem problem) {
            if (!problem.forbidden()) {
                throw problem;
            }
            // not one of the forum's coordinators after all: the settings as they are, and why not
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("refused", page.t("checks.refused.explain"));
            CoherenceSettings current = forums.checkSettings(forumId);
            return show(model, page, forum, current, false, FormResult.of(typed), null, List.of());
        }
        if (refused == null) {
            redirect.addFlashAttribute("notice", notice(page, saved[0]));
            return "redirect:/forums/" + forumId + "/checks";
        }
        CoherenceSettings current = forums.checkSettings(forumId);
        Map<String, String> now = null;
        List<String> differences = List.of();
        if (refused.conflict()) {
            now = CheckSettingsForm.of(current);
            differences = CheckSettingsForm.differences(typed, current);
            // saving again applies what the person typed to the version they have now seen
            refused.values().put(CheckSettingsForm.VERSION, String.valueOf(current.version()));
        }
        return show(model, page, forum, current, true, refused, now, differences);
    }

    private String show(
            Model model,
            Page page,
            ForumSummary forum,
            CoherenceSettings current,
            boolean editable,
            FormResult form,
            @Nullable Map<String, String> now,
            List<String> differences) {
        String name = forum.name() == null ? page.t("forums.unnamed") : forum.name();
        model.addAttribute(
                "checks", CheckSettingsView.of(page, forum.forumId(), name, current, editable, form, now, differences));
        return "checks/checks";
    }

    /** What the person reads once the settings are saved: that the checks ran again, and what they found. */
    private static String notice(Page page, CoherenceSettings saved) {
        var run = saved.lastRun();
        return run == null
                ? page.t("checks.saved.notRun")
                : page.t(
                        "checks.saved",
                        "at",
                        page.format().dateTime(run.at()),
                        "actions",
                        run.actions(),
                        "findings",
                        run.findings());
    }

    /** The forum's coordinators change its checks (the forum service says who they are); administrators too. */
    private static boolean editable(Page page) {
        SignedInUser user = page.signedInUser();
        return user.has(SignedInUser.FORUM_COORDINATOR) || user.platformAdmin();
    }

    private ForumSummary forum(UUID forumId) {
        return forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.FORUM, 404, null, null, List.of()));
    }
}
