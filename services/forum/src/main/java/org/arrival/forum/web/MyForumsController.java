package org.arrival.forum.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.domain.Places;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The forums a caller may look at: those their organisation sits in (every forum, for platform administrators). */
@RestController
@Tag(name = "Forum views")
public class MyForumsController {

    private final Generations generations;
    private final Organisations organisations;

    public MyForumsController(Generations generations, Organisations organisations) {
        this.generations = generations;
        this.organisations = organisations;
    }

    /** A forum as the list shows it; {@code seat} is the caller's organisation's seat, if it has one. */
    public record ForumSummary(
            UUID forumId,
            @Nullable String name,
            @Nullable String type,
            @Nullable String status,
            @Nullable String area,
            @Nullable String seat) {}

    @Operation(
            summary = "The forums the caller's organisation holds a seat in (all forums for platform administrators)")
    @GetMapping(path = "/forums", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    public List<ForumSummary> mine(Caller caller) {
        Viewer viewer = organisations.viewer(caller);
        JdbcStore store = generations.activeStore();
        Set<UUID> ids = new java.util.HashSet<>(viewer.forums());
        if (caller.isPlatformAdmin()) {
            store.forums().forEach(f -> ids.add(f.id));
        }
        List<ForumSummary> out = new ArrayList<>();
        for (UUID id : ids) {
            ForumRow forum = store.forum(id).orElse(null);
            String seat = store.membershipsOf(id).stream()
                    .filter(m -> m.active() && caller.actsFor(m.stakeholderId))
                    .map((MembershipRow m) -> m.seat)
                    .findFirst()
                    .orElse(null);
            out.add(
                    forum == null
                            ? new ForumSummary(id, null, null, null, null, seat)
                            : new ForumSummary(
                                    id,
                                    forum.name,
                                    forum.type,
                                    forum.status,
                                    forum.geographicScope == null ? null : Places.name(forum.geographicScope),
                                    seat));
        }
        out.sort(Comparator.comparing(
                        (ForumSummary f) -> f.name() == null ? "" : f.name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(ForumSummary::forumId));
        return out;
    }
}
