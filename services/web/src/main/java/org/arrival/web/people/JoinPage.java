package org.arrival.web.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.web.api.registry.PeopleApi;
import org.arrival.web.api.registry.PeopleApi.Candidate;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation asks to join: its profile (name, type, level, where it acts, sectors, an identifier in another
 * register such as its IATI organisation identifier) and the address of its first administrator. It waits, proposed,
 * in the platform administrators' queue. The form's fields carry the registry's JSON names, so a refusal lands at its
 * field; the registry takes proposals from organisation and platform administrators.
 */
@Controller
public class JoinPage {

    static final List<String> TEXT = List.of(
            "name",
            "acronym",
            "jurisdiction.country",
            "jurisdiction.subdivision",
            "externalIdentifiers[0].scheme",
            "externalIdentifiers[0].identifier",
            "contact.email");
    static final Set<String> FIELDS = fields();

    private final PeopleApi registry;

    public JoinPage(PeopleApi registry) {
        this.registry = registry;
    }

    @GetMapping("/organisations/join")
    public String form(@ModelAttribute("page") Page page, Model model) {
        return show(page, model, FormResult.of(Map.of("externalIdentifiers[0].scheme", "XI-IATI")));
    }

    @PostMapping("/organisations/join")
    public String join(
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            typed.put(
                    field,
                    String.join("\n", sent.getOrDefault(field, List.of())).strip());
        }
        Candidate[] proposed = new Candidate[1];
        FormResult refused = FormResult.submit(typed, FIELDS, () -> proposed[0] = registry.propose(body(typed)));
        if (refused != null) {
            return show(page, model, refused);
        }
        redirect.addFlashAttribute("notice", page.t("join.sent", "name", proposed[0].name()));
        return "redirect:/organisations/join";
    }

    static Map<String, Object> body(Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", typed.getOrDefault("name", ""));
        putIfTyped(body, "acronym", typed.getOrDefault("acronym", ""));
        putIfTyped(body, "type", typed.getOrDefault("type", ""));
        putIfTyped(body, "governmentLevel", typed.getOrDefault("governmentLevel", ""));
        Map<String, Object> place = new LinkedHashMap<>();
        putIfTyped(place, "country", upper(typed.getOrDefault("jurisdiction.country", "")));
        putIfTyped(place, "subdivision", upper(typed.getOrDefault("jurisdiction.subdivision", "")));
        if (!place.isEmpty()) {
            body.put("jurisdiction", place);
        }
        List<String> sectors = typed.getOrDefault("sectors", "")
                .lines()
                .filter(s -> !s.isBlank())
                .toList();
        if (!sectors.isEmpty()) {
            body.put("sectors", sectors);
        }
        String identifier = typed.getOrDefault("externalIdentifiers[0].identifier", "");
        if (!identifier.isEmpty()) {
            Map<String, Object> id = new LinkedHashMap<>();
            id.put("scheme", upper(typed.getOrDefault("externalIdentifiers[0].scheme", "")));
            id.put("identifier", identifier);
            body.put("externalIdentifiers", List.of(id));
        }
        String email = typed.getOrDefault("contact.email", "");
        if (!email.isEmpty()) {
            body.put("contact", Map.of("email", email));
        }
        return body;
    }

    private String show(Page page, Model model, FormResult form) {
        model.addAttribute("form", form);
        model.addAttribute("types", choices(page, "StakeholderType", StakeholderType.values()));
        model.addAttribute("levels", choices(page, "GovernmentLevel", GovernmentLevel.values()));
        model.addAttribute("sectors", choices(page, "Sector", Sector.values()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String field : FIELDS) {
            labels.put(field, page.t("join.field." + field.replace("[0]", "")));
        }
        model.addAttribute("labels", labels);
        return "people/join";
    }

    private static List<Choice> choices(Page page, String kind, Enum<?>[] values) {
        return Arrays.stream(values)
                .map(v -> new Choice(v.name(), page.label(kind, v.name())))
                .toList();
    }

    private static void putIfTyped(Map<String, Object> body, String field, String value) {
        if (!value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    private static String upper(String value) {
        return Objects.requireNonNullElse(value, "").strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static Set<String> fields() {
        List<String> all = new ArrayList<>(TEXT);
        all.addAll(List.of("type", "governmentLevel", "sectors"));
        return new java.util.LinkedHashSet<>(all);
    }
}
