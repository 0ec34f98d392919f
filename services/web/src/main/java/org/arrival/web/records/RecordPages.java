package org.arrival.web.records;

import java.util.UUID;
import org.arrival.web.api.registry.RegistryApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages of the records notifications and e-mails link to that have no page of their own yet: an organisation
 * (rounds and plans have their own pages, in {@code web/rounds} and {@code web/plans}). Each shows the record's title
 * and main facts as its
 * service shows them to the reader (a hidden record is not found, like a missing one), so every link leads
 * somewhere; the full pages come with the features that own these records.
 */
@Controller
public class RecordPages {

    private final RegistryApi registry;

    public RecordPages(RegistryApi registry) {
        this.registry = registry;
    }

    /** Links to an estimate (as notifications name it) lead to its page among the population estimates. */
    @GetMapping("/estimates/{estimateId}")
    public String estimate(@PathVariable UUID estimateId) {
        return "redirect:/population/" + estimateId;
    }

    @GetMapping("/stakeholders/{organisationId}")
    public String organisation(@PathVariable UUID organisationId, Model model) {
        model.addAttribute("organisation", registry.organisation(organisationId));
        return "records/organisation";
    }
}
