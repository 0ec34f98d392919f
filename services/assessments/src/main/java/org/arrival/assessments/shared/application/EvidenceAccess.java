package org.arrival.assessments.shared.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Predicate;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.springframework.stereotype.Component;

/**
 * What every evidence record's rules need: who is looking (a {@link Viewer}, whose {@link Viewer#mayRead} is the
 * one read policy, organisations hidden from enforcement bodies included), who may write (editors and administrators
 * of an organisation), and what "today" is for dates that may not lie in the future.
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

    /** Organisations hidden from enforcement bodies, for the classification of events that name them. */
    public Predicate<UUID> hiddenFromEnforcementBodies() {
        return organisations.hiddenFromEnforcementBodies()::contains;
    }

    /**
     * The caller may write their organisation's records: an editor or administrator acting for one. Returns that
     * organisation.
     */
    public static UUID requireEditor(Caller caller, String what) {
        UUID organisation = caller.organisationId();
        if (organisation == null || !(caller.hasRole(Roles.ORG_EDITOR) || caller.hasRole(Roles.ORG_ADMIN))) {
            throw new AccessRefused("Only editors and administrators of an organisation may " + what);
        }
        return organisation;
    }

    /** The latest date it is anywhere on Earth, so a date that is today for the person entering it is accepted. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
    }

    public Clock clock() {
        return clock;
    }
}
