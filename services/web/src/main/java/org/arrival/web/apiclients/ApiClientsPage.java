package org.arrival.web.apiclients;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.registry.ApiClientsApi;
import org.arrival.web.api.registry.ApiClientsApi.ApiClient;
import org.arrival.web.api.registry.ApiClientsApi.ApiClientChange;
import org.arrival.web.api.registry.ApiClientsApi.Issued;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.layout.Page;
import org.arrival.web.people.PeoplePage;
import org.arrival.web.problems.Choice;
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

/**
 * An organisation's API clients, for its administrators (and platform administrators): the clients its own systems
 * sign in with, when each last got a token, a form to make one (a name and its roles), rotating a secret and revoking a
 * client, and who did what. A new secret is shown on the page that answers the form, once, and never kept in the
 * session; that page is not stored by the browser. The registry decides who may; a refusal goes to the error page
 * (403); a client changed meanwhile reloads the list with a notice.
 */
@Controller
public class ApiClientsPage {

    /** The roles a client may hold, in the order the page shows them. */
    public static final List<String> ROLES = List.of("member", "org-editor", "forum-coordinator");

    static final Set<String> FIELDS = Set.of("name", "roles");

    private final ApiClientsApi clients;
    private final RegistryApi registry;

    public ApiClientsPage(ApiClientsApi clients, RegistryApi registry) {
        this.clients = clients;
        this.registry = registry;
    }

    /** The signed-in administrator's own organisation. */
    @GetMapping("/organisations/api-clients")
    public String own(@ModelAttribute("page") Page page) {
        SignedInUser user = page.signedInUser();
        if (user.organisationId() == null) {
            return "redirect:/admin/organisations";
        }
        return "redirect:/organisations/" + user.organisationId() + "/api-clients";
    }

    @GetMapping("/organisations/{id}/api-clients")
    public String show(@PathVariable UUID id, @ModelAttribute("page") Page page, Model model) {
        return render(id, page, model, FormResult.of(Map.of("roles", "member")), null);
    }

    @PostMapping("/organisations/{id}/api-clients")
    public String create(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", Objects.requireNonNullElse(sent.getFirst("name"), "").strip());
        List<String> roles = PeoplePage.chosen(sent);
        typed.put("roles", String.join("\n", roles));
        Issued[] issued = new Issued[1];
        FormResult refused = FormResult.submit(
                typed, FIELDS, e -> word(page, e), () -> issued[0] = clients.create(id, typed.get("name"), roles));
        if (refused != null) {
            return render(id, page, model, refused, null);
        }
        return secretShown(id, page, model, response, issued[0], "apiclients.created");
    }

    @PostMapping("/organisations/{id}/api-clients/{clientId}/secret")
    public String rotate(
            @PathVariable UUID id,
            @PathVariable UUID clientId,
            @RequestParam long version,
            @ModelAttribute("page") Page page,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Issued issued;
        try {
            issued = clients.rotate(id, clientId, version);
        } catch (ServiceProblem problem) {
            return changedMeanwhile(id, page, problem, redirect);
        }
        return secretShown(id, page, model, response, issued, "apiclients.rotated");
    }

    @PostMapping("/organisations/{id}/api-clients/{clientId}/revoke")
    public String revoke(
            @PathVariable UUID id,
            @PathVariable UUID clientId,
            @RequestParam long version,
            @ModelAttribute("page") Page page,
            RedirectAttributes redirect) {
        try {
            ApiClient revoked = clients.revoke(id, clientId, version);
            redirect.addFlashAttribute("notice", page.t("apiclients.revoked", "client", revoked.clientId()));
        } catch (ServiceProblem problem) {
            return changedMeanwhile(id, page, problem, redirect);
        }
        return "redirect:/organisations/" + id + "/api-clients";
    }

    private String secretShown(
            UUID id, Page page, Model model, HttpServletResponse response, Issued issued, String notice) {
        // the secret is on this page only: not in the session, not in the browser's cache or history's copy
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("notice", page.t(notice, "client", issued.client().clientId()));
        return render(id, page, model, FormResult.of(Map.of("roles", "member")), issued);
    }

    /** A stale version (someone rotated or revoked the client meanwhile) or a revoked client: the list again. */
    private static String changedMeanwhile(UUID id, Page page, ServiceProblem problem, RedirectAttributes redirect) {
        if (!problem.staleVersion() && problem.status() != 409) {
            throw problem;
        }
        redirect.addFlashAttribute("refused", page.t("apiclients.stale"));
        return "redirect:/organisations/" + id + "/api-clients";
    }

    private String render(UUID id, Page page, Model model, FormResult form, @Nullable Issued issued) {
        List<ApiClient> list = clients.clients(id);
        List<ApiClientChange> history = clients.history(id);
        model.addAttribute(
                "view",
                new ApiClientsView(id, registry.organisation(id).name(), list, history, form, labels(page), issued));
        return "apiclients/apiclients";
    }

    static Map<String, String> labels(Page page) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", page.t("apiclients.create.name"));
        labels.put("roles", page.t("apiclients.create.roles"));
        return labels;
    }

    /** The registry's own complaints about a new client, in the reader's words. */
    static String word(Page page, ServiceProblem.FieldError error) {
        String code = error.code() == null ? "" : error.code();
        return switch (code) {
            case "api-clients.no-role" -> page.t("apiclients.error.noRole");
            case "api-clients.role-unknown" -> page.t("apiclients.error.role");
            case "api-clients.name-taken" -> page.t("apiclients.error.taken");
            default -> page.fieldError(error);
        };
    }

    /** What the API clients page shows; {@code issued} is a client whose secret is shown this once. */
    public record ApiClientsView(
            UUID organisationId,
            String organisationName,
            List<ApiClient> clients,
            List<ApiClientChange> history,
            FormResult form,
            Map<String, String> labels,
            @Nullable Issued issued) {

        public String path() {
            return "/organisations/" + organisationId + "/api-clients";
        }

        public List<Choice> roleChoices(Page page) {
            return ROLES.stream()
                    .map(r -> new Choice(r, page.t("apiclients.role." + r), page.t("apiclients.role." + r + ".hint")))
                    .toList();
        }

        public String roleNames(Page page, List<String> roles) {
            return page.format()
                    .list(roles.stream()
                            .map(r -> page.t("apiclients.role." + r))
                            .toList());
        }
    }
}
