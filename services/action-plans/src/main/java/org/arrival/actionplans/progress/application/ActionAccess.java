package org.arrival.actionplans.progress.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.actionplans.progress.persistence.ActionFacts;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.RecordNotFound;
import org.springframework.stereotype.Component;

/**
 * The access rules of what is recorded about an action (milestones, reports, funding, contributions, reminders):
 * whoever may read the action ({@link Viewer#mayRead}, the platform's one read policy) reads them, apart from what
 * their own services leave out for a viewer; an action the caller may not read is as if it did not exist (404); its
 * owner's editors and administrators write them (others 403), apart from funders and contributors, whose own
 * rules their services add.
 */
@Component
public class ActionAccess {

    private final ActionFacts actions;
    private final Organisations organisations;
    private final Clock clock;

    public ActionAccess(ActionFacts actions, Organisations organisations, Clock clock) {
        this.actions = actions;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The action if the caller may read it; otherwise 404. */
    public ActionState readable(Caller caller, UUID actionId) {
        return readable(viewer(caller), actionId);
    }

    /** The action if the viewer may read it; otherwise 404. */
    public ActionState readable(Viewer viewer, UUID actionId) {
        return actions.find(actionId)
                .filter(a -> mayRead(viewer, a))
                .orElseThrow(() -> new RecordNotFound("action", actionId));
    }

    /** The action, locked for recording something about it, if the caller may read it; otherwise 404. */
    public ActionState lockedReadable(Caller caller, UUID actionId) {
        return lockedReadable(viewer(caller), actionId);
    }

    public ActionState lockedReadable(Viewer viewer, UUID actionId) {
        return actions.lock(actionId)
                .filter(a -> mayRead(viewer, a))
                .orElseThrow(() -> new RecordNotFound("action", actionId));
    }

    /**
     * The action, locked, for its owner's editors and administrators: 404 if unseen, 403 for anyone else. The owner's
     * people may always read their own action, so only others are looked up in the replica (for 404 or 403).
     */
    public ActionState lockedForOwner(Caller caller, UUID actionId, String what) {
        Optional<ActionState> locked = actions.lock(actionId);
        if (locked.isPresent() && caller.actsFor(locked.get().ownerId())) {
            requireEditor(caller, what);
            return locked.get();
        }
        Viewer viewer = organisations.viewer(caller);
        ActionState action =
                locked.filter(a -> mayRead(viewer, a)).orElseThrow(() -> new RecordNotFound("action", actionId));
        requireOwnerEditor(caller, action, what);
        return action;
    }

    public static void requireOwnerEditor(Caller caller, ActionState action, String what) {
        if (!caller.actsFor(action.ownerId())) {
            throw new AccessRefused("Only the organisation that owns an action may " + what);
        }
        requireEditor(caller, what);
    }

    /** An editor or administrator acting for an organisation; returns that organisation. */
    public static UUID requireEditor(Caller caller, String what) {
        UUID organisation = caller.organisationId();
        if (organisation == null || !isEditor(caller)) {
            throw new AccessRefused("Only editors and administrators of an organisation may " + what);
        }
        return organisation;
    }

    public static boolean isEditor(Caller caller) {
        return caller.organisationId() != null && (caller.hasRole(Roles.ORG_EDITOR) || caller.hasRole(Roles.ORG_ADMIN));
    }

    /** The platform's one read policy, applied to the action. */
    public static boolean mayRead(Viewer viewer, ActionState a) {
        return viewer.mayRead(a.scope());
    }

    public Viewer viewer(Caller caller) {
        return organisations.viewer(caller);
    }

    public Organisations organisations() {
        return organisations;
    }

    /** The latest date it is anywhere on Earth: a date that is today for the person entering it is not "future". */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
    }

    /**
     * The day lateness is counted on: the platform's calendar (UTC), as the reporting schedule counts due dates. A
     * report or milestone due on a day is late from the first minute of the next.
     */
    public LocalDate lateAsOf() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Clock clock() {
        return clock;
    }
}
