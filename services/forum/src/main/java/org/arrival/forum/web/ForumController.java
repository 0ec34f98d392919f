package org.arrival.forum.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.arrival.forum.projection.EventLog;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.domain.InMemoryStore;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.ProjectionStore;
import org.arrival.forum.projection.domain.Projector;
import org.arrival.forum.views.ForumViews;
import org.arrival.forum.views.ForumViews.TrackerFilter;
import org.arrival.forum.views.ForumViews.TrackerItem;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.directory.Viewer;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A forum's shared views, for its members (and platform administrators); read-only. */
@RestController
@RequestMapping(path = "/forums/{forumId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Forum views", description = "Action tracker, who does what where, needs coverage, readiness, as-of")
public class ForumController {

    private final Generations generations;
    private final Organisations organisations;
    private final EventLog log;

    private final ForumMembers members;

    public ForumController(Generations generations, Organisations organisations, EventLog log, ForumMembers members) {
        this.members = members;
        this.generations = generations;
        this.organisations = organisations;
        this.log = log;
    }

    @Operation(summary = "The shared action tracker: every member's actions shared with the forum")
    @GetMapping("/tracker")
    @Transactional(readOnly = true)
    public PageResult<TrackerItem> tracker(Caller caller, @PathVariable UUID forumId,
            @RequestParam(required = false) UUID org, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String area, @RequestParam(required = false) String group,
            @RequestParam(required = false) String frameworkItem, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.parse(page, size, null, List.of("title"), "title");
        List<TrackerItem> all = views(caller, forumId, generations.activeStore())
                .tracker(forumId, new TrackerFilter(org, sector, area, group, frameworkItem));
        return page(all, paging);
    }

    @Operation(summary = "Who does what where: organisation x sector x area x status, counting actions")
    @GetMapping("/who-what-where")
    @Transactional(readOnly = true)
    public List<ForumViews.WhoWhatWhere> whoWhatWhere(Caller caller, @PathVariable UUID forumId) {
        return views(caller, forumId, generations.activeStore()).whoWhatWhere(forumId);
    }

    @Operation(summary = "Needs coverage: sector x population group x area, covered, partly covered or uncovered")
    @GetMapping("/needs-coverage")
    @Transactional(readOnly = true)
    public List<ForumViews.CoverageCell> needsCoverage(Caller caller, @PathVariable UUID forumId) {
        return views(caller, forumId, generations.activeStore()).needsCoverage(forumId);
    }

    @Operation(summary = "Readiness: the latest checklist scores, their trend and where respondents diverge")
    @GetMapping("/readiness")
    @Transactional(readOnly = true)
    public ForumViews.Readiness readiness(Caller caller, @PathVariable UUID forumId) {
        return views(caller, forumId, generations.activeStore()).readiness(forumId);
    }

    public record Change(String eventId, String type, Instant time, UUID actionId) {
    }

    public record AsOf(Instant at, List<TrackerItem> tracker, List<Change> changesSince) {
    }

    @Operation(summary = "The forum's tracker as it stood at a time, from the event history, and what changed since")
    @GetMapping("/as-of")
    @Transactional(readOnly = true)
    public AsOf asOf(Caller caller, @PathVariable UUID forumId, @RequestParam String at) {
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("at", "must be an ISO-8601 instant, e.g. 2025-01-31T12:00:00Z");
        }
        Viewer viewer = members.viewer(caller, forumId);
        InMemoryStore then = new InMemoryStore();
        for (ProjectedEvent event : log.upTo(instant)) {
            Projector.apply(then, event);
        }
        ForumViews thenViews = new ForumViews(then, organisations, viewer);
        List<TrackerItem> tracker = thenViews.tracker(forumId, TrackerFilter.NONE);
        // changes since: events about the forum's actions the viewer may see, then or now
        ForumViews nowViews = new ForumViews(generations.activeStore(), organisations, viewer);
        Set<String> actions = new java.util.HashSet<>();
        tracker.forEach(t -> actions.add(t.actionId().toString()));
        nowViews.visibleActions(forumId).forEach(a -> actions.add(a.id.toString()));
        List<Change> changes = new ArrayList<>();
        for (ProjectedEvent e : log.after(instant)) {
            if (e.topic().equals("arrival.action-plans.actions.v1") && actions.contains(e.key())) {
                changes.add(new Change(e.id(), e.type(), e.time(), UUID.fromString(e.key())));
            }
        }
        changes.sort(Comparator.comparing(Change::time));
        return new AsOf(instant, tracker, changes);
    }

    private ForumViews views(Caller caller, UUID forumId, ProjectionStore store) {
        return new ForumViews(store, organisations, members.viewer(caller, forumId));
    }


    private static <T> PageResult<T> page(List<T> all, PageQuery paging) {
        List<T> items = all.stream().skip(paging.offset()).limit(paging.size()).collect(Collectors.toList());
        return PageResult.of(items, paging, all.size());
    }
}
