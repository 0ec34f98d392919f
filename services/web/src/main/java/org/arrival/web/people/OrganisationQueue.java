package org.arrival.web.people;

import java.util.List;
import java.util.UUID;
import org.arrival.web.api.registry.PeopleApi;
import org.arrival.web.api.registry.PeopleApi.Candidate;
import org.arrival.web.layout.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform administrators' queue of organisations asking to join: proposed ones to verify, verified ones to
 * activate; once active, the organisation's first administrator is invited from its people page. The registry
 * refuses anyone else (403, the error page).
 */
@Controller
public class OrganisationQueue {

    private final PeopleApi registry;

    public OrganisationQueue(PeopleApi registry) {
        this.registry = registry;
    }

    @GetMapping("/admin/organisations")
    public String queue(@ModelAttribute("page") Page page, Model model) {
        if (!page.signedInUser().platformAdmin()) {
            throw new org.arrival.web.api.ServiceProblem(
                    org.arrival.web.api.Service.REGISTRY, 403, null, null, List.of());
        }
        model.addAttribute("proposed", registry.inStatus("PROPOSED"));
        model.addAttribute("verified", registry.inStatus("VERIFIED"));
        return "people/queue";
    }

    @PostMapping("/admin/organisations/{id}/{step:verify|activate}")
    public String step(
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestParam long version,
            @ModelAttribute("page") Page page,
            RedirectAttributes redirect) {
        Candidate done;
        try {
            done = registry.step(id, step, version);
        } catch (org.arrival.web.api.ServiceProblem problem) {
            if (!problem.staleVersion() && problem.status() != 409) {
                throw problem;
            }
            // someone else moved it meanwhile: the queue as it is now says where it stands
            redirect.addFlashAttribute("refused", page.t("queue.changed"));
            return "redirect:/admin/organisations";
        }
        if ("activate".equals(step)) {
            String contact = done.contactEmail();
            redirect.addFlashAttribute("notice", page.t("queue.activated", "name", done.name()));
            return "redirect:/organisations/" + id + "/people"
                    + (contact == null
                            ? ""
                            : "?firstAdministrator="
                                    + java.net.URLEncoder.encode(contact, java.nio.charset.StandardCharsets.UTF_8));
        }
        redirect.addFlashAttribute("notice", page.t("queue.verified", "name", done.name()));
        return "redirect:/admin/organisations";
    }
}
