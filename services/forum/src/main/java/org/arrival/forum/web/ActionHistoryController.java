package org.arrival.forum.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.views.ActionHistory;
import org.arrival.forum.views.ForumListings;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the forum view has received about one of the forum's actions, for the members who see that action. */
@RestController
@RequestMapping(path = "/forums/{forumId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Forum views")
public class ActionHistoryController {

    private final Generations generations;
    private final ForumListings listings;
    private final ForumMembers members;
    private final ActionHistory history;

    public ActionHistoryController(
            Generations generations, ForumListings listings, ForumMembers members, ActionHistory history) {
        this.generations = generations;
        this.listings = listings;
        this.members = members;
        this.history = history;
    }

    @Operation(
            summary = "The events the forum view holds about an action, newest first: the action's own, its reports,"
                    + " milestones, funding and contributions",
            description = "Each item names the event (eventId, eventType), the record it is about (subjectId: the"
                    + " action, or e.g. a progress report) and when it happened; no content. An event listed here is"
                    + " applied to the forum's views too. 404 unless the caller sees the action in the forum's"
                    + " tracker now; each event is read as it was published (its owner and classification then),"
                    + " so an enforcement body gets none made while the action was RESTRICTED or its owner hidden.")
    @GetMapping("/actions/{actionId}/history")
    @Transactional(readOnly = true)
    public PageResult<ActionHistory.Event> history(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID actionId,
            @Parameter(description = "page number, from 0") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) @Nullable
                    Integer size) {
        // one order only: newest first
        PageQuery paging = PageQuery.parse(page, size, "-occurredAt", List.of("occurredAt"), "-occurredAt");
        Viewer viewer = members.viewer(caller, forumId);
        if (!listings.showsAction(generations.activeStore().generation(), forumId, viewer, actionId)) {
            throw new RecordNotFound("action", actionId);
        }
        return history.of(forumId, actionId, viewer, paging);
    }
}
