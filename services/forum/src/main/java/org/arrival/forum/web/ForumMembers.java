package org.arrival.forum.web;

import java.util.UUID;

import org.arrival.forum.projection.Generations;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.security.Caller;
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
        Viewer viewer = organisations.viewer(caller);
        boolean known = generations.activeStore().forum(forumId).isPresent() || viewer.forums().contains(forumId);
        if (!known || !(viewer.forums().contains(forumId) || caller.isPlatformAdmin())) {
            throw new RecordNotFound("forum", forumId);
        }
        return viewer;
    }
}
