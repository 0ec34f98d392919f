package org.arrival.web.actions;

import java.util.UUID;

import org.arrival.web.api.actionplans.ActionPlansApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An action's page. For now its title, status and dates as the action-plans service shows them to the reader, so
 * the tracker's, flags' and notifications' links lead somewhere; the full page comes with the member journeys.
 */
@Controller
public class ActionPage {

    private final ActionPlansApi actions;

    public ActionPage(ActionPlansApi actions) {
        this.actions = actions;
    }

    @GetMapping("/actions/{actionId}")
    public String action(@PathVariable UUID actionId, Model model) {
        model.addAttribute("action", actions.action(actionId));
        return "actions/action";
    }
}
