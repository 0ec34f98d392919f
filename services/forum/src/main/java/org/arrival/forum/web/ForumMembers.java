package org.arrival.forum.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;
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

    /**
     * The names and acronyms of the organisations hidden from the viewer, as the replica or the projection knows them,
     * to be taken out of what people typed; none for a viewer who is not an enforcement body.
     */
    public HiddenNames hiddenNames(Viewer viewer) {
        if (!viewer.enforcementBody() || viewer.hiddenOrganisations().isEmpty()) {
            return HiddenNames.none();
        }
        JdbcStore store = generations.activeStore();
        Map<UUID, List<@Nullable String>> names = new HashMap<>();
        for (UUID id : viewer.hiddenOrganisations()) {
            List<@Nullable String> known = new ArrayList<>();
            store.organisation(id).ifPresent(o -> {
                known.add(o.name);
                known.add(o.acronym);
            });
            organisations.find(id).ifPresent(o -> known.add(o.name()));
            names.put(id, known);
        }
        return HiddenNames.from(viewer, names);
    }

    /** The organisations hidden from enforcement bodies, as the replica or the projection knows them. */
    public Set<UUID> hiddenFromEnforcementBodies() {
        Set<UUID> hidden = new HashSet<>(organisations.hiddenFromEnforcementBodies());
        hidden.addAll(generations.activeStore().hiddenOrganisations());
        return hidden;
    }
}
