package org.arrival.web.records;

import java.util.UUID;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.registry.RegistryApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages of the records notifications and e-mails link to that have no page of their own yet: an assessment
 * round, an organisation (a plan has its own page, with its actions). Each shows the record's title and main facts as its
 * service shows them to the reader (a hidden record is not found, like a missing one), so every link leads
 * somewhere; the full pages come with the features that own these records.
 */
@Controller
public class RecordPages {

    private final AssessmentsApi assessments;
    private final RegistryApi registry;

    public RecordPages(AssessmentsApi assessments, RegistryApi registry) {
        this.assessments = assessments;
        this.registry = registry;
    }

    @GetMapping("/rounds/{roundId}")
    public String round(@PathVariable UUID roundId, Model model) {
        model.addAttribute("round", assessments.round(roundId));
        return "records/round";
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
