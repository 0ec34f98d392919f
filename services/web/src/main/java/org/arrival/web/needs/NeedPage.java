package org.arrival.web.needs;

import java.util.UUID;

import org.arrival.web.api.assessments.AssessmentsApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A need's page. For now its statement, sector, groups and status as the assessments service shows them to the
 * reader; the full page (evidence, inputs, lifecycle) comes with the member journeys.
 */
@Controller
public class NeedPage {

    private final AssessmentsApi assessments;

    public NeedPage(AssessmentsApi assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/needs/{needId}")
    public String need(@PathVariable UUID needId, Model model) {
        model.addAttribute("need", assessments.need(needId));
        return "needs/need";
    }
}
