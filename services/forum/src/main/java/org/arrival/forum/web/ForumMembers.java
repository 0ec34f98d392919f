package org.arrival.forum.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.RecordNotFound;
import org.springframework.stereotype.Component;

/** Who may look at a forum: members holding a seat and platform administrators; to anyone else it does not exist. */
@Component
public class ForumMembers {

    private final Generations generations;
    private final Organisations organisations;

    public ForumMembers(Generations generations, Organisations organisations) {
        this.generations = generations;
        this.organisations = organisations;
    }

    /** The viewer, if they may see the forum; otherwise 404. */
    public Viewer viewer(Caller caller, UUID forumId) {
        Viewer viewer = viewer(caller);
        boolean known = generations.activeStore().forum(forumId).isPresent()
                || viewer.forums().contains(forumId);
        if (!known || !(viewer.forums().contains(forumId) || caller.isPlatformAdmin())) {
            throw new RecordNotFound("forum", forumId);
        }
        return viewer;
    }

    /**
     * The caller as the platform's read policy sees them, with every organisation hidden from enforcement bodies
     * that the registry replica or the projection knows of (both follow the registry's events, each at its own pace).
     */
    public Viewer viewer(Caller caller) {
        Viewer viewer = organisations.viewer(caller);
        if (!viewer.enforcementBody()) {
            return viewer;
        }
        return new Viewer(caller, true, viewer.forums(), hiddenFromEnforcementBodies());
    }

    /** The organisations hidden from enforcement bodies, as the replica or the projection knows them. */
    public Set<UUID> hiddenFromEnforcementBodies() {
        Set<UUID> hidden = new HashSet<>(organisations.hiddenFromEnforcementBodies());
        hidden.addAll(generations.activeStore().hiddenOrganisations());
        return hidden;
    }
}
