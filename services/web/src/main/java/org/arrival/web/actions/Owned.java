package org.arrival.web.actions;

import java.util.List;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.layout.Page;
import org.arrival.web.signin.SignedInUser;

/**
 * The forms that change an action and its milestones open only for its owner's editors, and only while it is open:
 * others get the plain "you may not do this" page (the service would refuse them too).
 */
final class Owned {

    private Owned() {}

    static Action action(ActionPlansApi actions, UUID actionId, Page page) {
        Action action = actions.action(actionId);
        SignedInUser user = page.user();
        if (user == null || !user.editsForOrganisation() || !action.ownerId().equals(user.organisationId())) {
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
        return action;
    }
}
