package org.arrival.web.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.registry.PeopleApi;
import org.arrival.web.api.registry.PeopleApi.PeopleChange;
import org.arrival.web.api.registry.PeopleApi.Person;
import org.arrival.web.api.registry.RegistryApi;
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

/**
 * The people of an organisation, for its administrators (and platform administrators): who acts for it with which
 * roles, an invitation by e-mail, roles given and taken, removal, and who did what. The registry decides who may; a
 * refusal goes to the error page (403), bad input and a taken address come back at the fields with what was typed.
 */
@Controller
public class PeoplePage {

    /** The roles an organisation gives, in the order the page shows them. */
    public static final List<String> ROLES = List.of("member", "org-editor", "forum-coordinator", "org-admin");

    static final Set<String> INVITE_FIELDS = Set.of("email", "firstName", "lastName", "roles");

    private final PeopleApi people;
    private final RegistryApi registry;

    public PeoplePage(PeopleApi people, RegistryApi registry) {
        this.people = people;
        this.registry = registry;
    }

    /** The signed-in administrator's own organisation. */
    @GetMapping("/organisations/people")
    public String own(@ModelAttribute("page") Page page) {
        SignedInUser user = page.signedInUser();
        if (user.organisationId() == null) {
            return "redirect:/admin/organisations";
        }
        return "redirect:/organisations/" + user.organisationId() + "/people";
    }

    @GetMapping("/organisations/{id}/people")
    public String show(
            @PathVariable UUID id,
            @RequestParam(name = "firstAdministrator", required = false) @Nullable String firstAdministrator,
            @ModelAttribute("page") Page page,
            Model model) {
        // from the joining queue: the organisation's contact address, to become its first administrator
        FormResult form = firstAdministrator == null
                ? FormResult.of(Map.of("roles", "member"))
                : FormResult.of(Map.of("email", firstAdministrator, "roles", "org-admin\nmember"));
        return render(id, page, model, form);
    }

    @PostMapping("/organisations/{id}/people")
    public String invite(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("email", "firstName", "lastName")) {
            typed.put(
                    field, Objects.requireNonNullElse(sent.getFirst(field), "").strip());
        }
        List<String> roles = chosen(sent);
        typed.put("roles", String.join("\n", roles));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", typed.getOrDefault("email", ""));
        String first = typed.getOrDefault("firstName", "");
        String last = typed.getOrDefault("lastName", "");
        body.put("firstName", first.isEmpty() ? null : first);
        body.put("lastName", last.isEmpty() ? null : last);
        body.put("roles", roles);
        Person[] invited = new Person[1];
        FormResult refused =
                FormResult.submit(typed, INVITE_FIELDS, e -> word(page, e), () -> invited[0] = people.invite(id, body));
        if (refused != null) {
            return render(id, page, model, refused);
        }
        redirect.addFlashAttribute("notice", page.t("people.invited", "email", invited[0].email()));
        return "redirect:/organisations/" + id + "/people";
    }

    @PostMapping("/organisations/{id}/people/{personId}/roles")
    public String roles(
            @PathVariable UUID id,
            @PathVariable String personId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        try {
            Person changed = people.setRoles(id, personId, chosen(sent));
            redirect.addFlashAttribute("notice", page.t("people.rolesChanged", "name", changed.name()));
        } catch (ServiceProblem problem) {
            if (!problem.invalidInput()) {
                throw problem;
            }
            redirect.addFlashAttribute("refused", page.t("people.roles.none"));
        }
        return "redirect:/organisations/" + id + "/people";
    }

    @PostMapping("/organisations/{id}/people/{personId}/remove")
    public String remove(
            @PathVariable UUID id,
            @PathVariable String personId,
            @RequestParam(required = false) @Nullable String email,
            @ModelAttribute("page") Page page,
            RedirectAttributes redirect) {
        people.remove(id, personId);
        redirect.addFlashAttribute("notice", page.t("people.removed", "email", email == null ? "" : email));
        return "redirect:/organisations/" + id + "/people";
    }

    private String render(UUID id, Page page, Model model, FormResult form) {
        List<Person> list = people.people(id);
        List<PeopleChange> history = people.history(id);
        model.addAttribute(
                "view", new PeopleView(id, registry.organisation(id).name(), list, history, form, labels(page)));
        return "people/people";
    }

    /** The roles ticked in a form, each once, in the order sent (people's and API clients' forms). */
    public static List<String> chosen(MultiValueMap<String, String> sent) {
        List<String> roles = new ArrayList<>();
        for (String role : sent.getOrDefault("roles", List.of())) {
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    static Map<String, String> labels(Page page) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("email", page.t("people.invite.email"));
        labels.put("firstName", page.t("people.invite.firstName"));
        labels.put("lastName", page.t("people.invite.lastName"));
        labels.put("roles", page.t("people.invite.roles"));
        return labels;
    }

    /** The registry's own complaints about an invitation, in the reader's words. */
    static String word(Page page, ServiceProblem.FieldError error) {
        String code = error.code() == null ? "" : error.code();
        return switch (code) {
            case "people.email-taken" -> page.t("people.error.taken");
            case "people.no-role" -> page.t("people.roles.none");
            case "people.role-unknown" -> page.t("people.error.role");
            default ->
                "email".equals(error.field()) && !"validation.Size".equals(code)
                        ? page.t("people.error.email")
                        : page.fieldError(error);
        };
    }

    /** What the people page shows. */
    public record PeopleView(
            UUID organisationId,
            String organisationName,
            List<Person> people,
            List<PeopleChange> history,
            FormResult form,
            Map<String, String> labels) {

        public String path() {
            return "/organisations/" + organisationId + "/people";
        }

        public List<String> roles() {
            return ROLES;
        }

        public List<org.arrival.web.problems.Choice> roleChoices(Page page) {
            return ROLES.stream()
                    .map(r -> new org.arrival.web.problems.Choice(
                            r, page.t("people.role." + r), page.t("people.role." + r + ".hint")))
                    .toList();
        }
    }
}
