package org.arrival.actionplans.shared.application;

import java.time.Clock;
import java.util.UUID;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.springframework.stereotype.Component;

/**
 * The access rules every plan and action follows: who may read it is the platform's one read policy
 * ({@link Viewer#mayRead}: classification, forum scope, the enforcement-body firewall and organisations hidden from
 * enforcement bodies); who may write is an editor or administrator of the owning organisation, or a platform
 * administrator acting for it.
 */
@Component
public class PlanningAccess {

    private final Organisations organisations;
    private final Clock clock;

    public PlanningAccess(Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    public Viewer viewer(Caller caller) {
        return organisations.viewer(caller);
    }

    public Organisations organisations() {
        return organisations;
    }

    /**
     * The caller may write their organisation's records: an editor or administrator acting for one. Returns that
     * organisation.
     */
    public static UUID requireEditor(Caller caller, String what) {
        UUID organisation = caller.organisationId();
        if (organisation == null
                || !(caller.hasRole(Roles.ORG_EDITOR) || caller.hasRole(Roles.ORG_ADMIN) || caller.isPlatformAdmin())) {
            throw new AccessRefused("Only editors and administrators of an organisation may " + what);
        }
        return organisation;
    }

    public Clock clock() {
        return clock;
    }
}
