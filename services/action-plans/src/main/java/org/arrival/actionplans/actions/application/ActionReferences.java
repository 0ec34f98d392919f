package org.arrival.actionplans.actions.application;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.actions.domain.Action;
import org.arrival.actionplans.actions.domain.ActionDetails;
import org.arrival.actionplans.actions.persistence.ActionRepository;
import org.arrival.actionplans.actions.persistence.ActionRepository.StoredAction;
import org.arrival.actionplans.evidence.persistence.KnownEvidence;
import org.arrival.actionplans.plans.persistence.PlanRepository;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.springframework.stereotype.Component;

/**
 * What actions refer to, as a viewer may see it, so that no id the viewer may not see reaches them through an
 * action: organisations hidden from the viewer ({@link Viewer#maySeeOrganisation}) leave the participants and
 * expected implementers, needs of such organisations leave the needs; and for viewers other than the action's owner,
 * a plan or a commitment they may not read ({@link Viewer#mayRead}) is left out too. Owners keep the plan and the
 * commitment they linked themselves, so that an edit sent back as read does not unlink them.
 */
@Component
public class ActionReferences {

    private final ActionRepository actions;
    private final PlanRepository plans;
    private final KnownEvidence evidence;

    public ActionReferences(ActionRepository actions, PlanRepository plans, KnownEvidence evidence) {
        this.actions = actions;
        this.plans = plans;
        this.evidence = evidence;
    }

    public StoredAction seenBy(Viewer viewer, StoredAction action) {
        return seenBy(viewer, List.of(action)).getFirst();
    }

    /** The actions as the viewer may see them, in their order; reads what they refer to in three queries at most. */
    public List<StoredAction> seenBy(Viewer viewer, List<StoredAction> stored) {
        Set<UUID> plansOfOthers = new HashSet<>();
        Set<UUID> parentsOfOthers = new HashSet<>();
        Set<UUID> needs = new HashSet<>();
        for (StoredAction s : stored) {
            ActionDetails d = s.action().details();
            if (!viewer.owns(s.action().ownerId())) {
                if (d.planId() != null) {
                    plansOfOthers.add(d.planId());
                }
                if (d.implementsActionId() != null) {
                    parentsOfOthers.add(d.implementsActionId());
                }
            }
            if (!viewer.hiddenOrganisations().isEmpty()) {
                needs.addAll(d.needIds());
            }
        }
        Set<UUID> unreadable = new HashSet<>();
        unreadable(viewer, plans.scopes(plansOfOthers), unreadable);
        unreadable(viewer, actions.scopes(parentsOfOthers), unreadable);
        Set<UUID> hiddenNeeds = new HashSet<>();
        evidence.needOwners(needs).forEach((need, owner) -> {
            if (!viewer.maySeeOrganisation(owner)) {
                hiddenNeeds.add(need);
            }
        });
        return stored.stream()
                .map(s -> {
                    Action a = s.action();
                    boolean own = viewer.owns(a.ownerId());
                    ActionDetails shown = a.details()
                            .withReferences(
                                    viewer::maySeeOrganisation,
                                    id -> !hiddenNeeds.contains(id) && (own || !unreadable.contains(id)));
                    return shown.equals(a.details())
                            ? s
                            : new StoredAction(
                                    new Action(a.id(), a.version(), a.ownerId(), shown, a.status()),
                                    s.createdAt(),
                                    s.updatedAt());
                })
                .toList();
    }

    private static void unreadable(Viewer viewer, Map<UUID, RecordScope> scopes, Set<UUID> into) {
        scopes.forEach((id, scope) -> {
            if (!viewer.mayRead(scope)) {
                into.add(id);
            }
        });
    }
}
