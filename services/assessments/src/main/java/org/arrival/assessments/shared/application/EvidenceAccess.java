package org.arrival.assessments.shared.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

import org.arrival.platform.directory.Organisations;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
import org.arrival.platform.security.Viewer;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.web.AccessRefused;
import org.springframework.stereotype.Component;

/**
 * The access rules every evidence record follows: who may read it ({@link Viewer#mayRead}, and records of
 * organisations hidden from enforcement bodies never reach them), who may write (editors and administrators of
 * an organisation), and what "today" is for dates that may not lie in the future.
 */
@Component
public class EvidenceAccess {

    private final Organisations organisations;
    private final Clock clock;

    public EvidenceAccess(Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    public Viewer viewer(Caller caller) {
        return organisations.viewer(caller);
    }

    public boolean mayRead(Viewer viewer, UUID owner, DataClassification classification,
            Collection<UUID> sharedWithForums) {
        if (!viewer.mayRead(owner, classification, sharedWithForums)) {
            return false;
        }
        if (viewer.enforcementBody() && !viewer.owns(owner)) {
            return !organisations.find(owner).map(KnownOrganisation::hidden).orElse(false);
        }
        return true;
    }

    /** The caller may write their organisation's records: an editor or administrator acting for one. */
    public static void requireEditor(Caller caller, String what) {
        if (caller.organisationId() == null
                || !(caller.hasRole(Roles.ORG_EDITOR) || caller.hasRole(Roles.ORG_ADMIN))) {
            throw new AccessRefused("Only editors and administrators of an organisation may " + what);
        }
    }

    /** The latest date it is anywhere on Earth, so a date that is today for the person entering it is accepted. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
    }

    public Clock clock() {
        return clock;
    }
}
