package org.arrival.forum.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.PlanType;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.projection.EventLog;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.domain.InMemoryStore;
import org.arrival.forum.projection.domain.Projector;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Scopes;
import org.arrival.forum.views.ChangesSince;
import org.arrival.forum.views.ChangesSince.Change;
import org.arrival.forum.views.ForumListings;
import org.arrival.forum.views.ForumListings.ActionFilter;
import org.arrival.forum.views.ForumListings.EstimateFilter;
import org.arrival.forum.views.ForumListings.PlanFilter;
import org.arrival.forum.views.ForumViews;
import org.arrival.forum.views.ForumViews.TrackerItem;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A forum's shared views, for its members (and platform administrators); read-only. Listings filter, sort and page
 * in the database; a page holds at most 200 items.
 */
@RestController
@RequestMapping(path = "/forums/{forumId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Forum views",
        description = "Action tracker, plans, who does what where, needs coverage, population, " + "readiness, as-of")
public class ForumController {

    private final Generations generations;
    private final Organisations organisations;
    private final EventLog log;
    private final ForumListings listings;
    private final ForumMembers members;
    private final Clock clock;

    public ForumController(
            Generations generations,
            Organisations organisations,
            EventLog log,
            ForumListings listings,
            ForumMembers members,
            Clock clock) {
        this.clock = clock;
        this.generations = generations;
        this.organisations = organisations;
        this.log = log;
        this.listings = listings;
        this.members = members;
    }

    @Operation(
            summary = "The shared action tracker: every member's actions shared with the forum, with their reports "
                    + "overdue and milestones late or missed as of today")
    @GetMapping("/tracker")
    @Transactional(readOnly = true)
    public PageResult<TrackerItem> tracker(
            Caller caller,
            @PathVariable UUID forumId,
            @Parameter(description = "owning organisation") @RequestParam(required = false) @Nullable UUID org,
            @Parameter(description = "a sector, e.g. HOUSING") @RequestParam(required = false) @Nullable String sector,
            @Parameter(description = "area code, area name, subdivision or country, any case")
                    @RequestParam(required = false)
                    @Nullable
                    String area,
            @Parameter(description = "a population group, e.g. REFUGEES") @RequestParam(required = false) @Nullable
                    String group,
            @Parameter(description = "a framework item, e.g. SDG-11.1") @RequestParam(required = false) @Nullable
                    String frameworkItem,
            @Parameter(description = "an action status, e.g. IN_PROGRESS") @RequestParam(required = false) @Nullable
                    String status,
            @Parameter(description = "the plan the actions belong to") @RequestParam(required = false) @Nullable
                    UUID plan,
            @Parameter(description = "page number, from 0") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) @Nullable
                    Integer size,
            @Parameter(description = "title, status, startDate or endDate; prefix - for descending (title)")
                    @RequestParam(required = false)
                    @Nullable
                    String sort) {
        ActionFilter filter = new ActionFilter(
                org,
                known(Sector.class, "sector", sector),
                blankToNull(area),
                known(PopulationGroup.class, "group", group),
                blankToNull(frameworkItem),
                known(ActionStatus.class, "status", status),
                plan);
        PageQuery paging = paging(page, size, sort, List.copyOf(ForumListings.ACTION_SORTS.keySet()), "title");
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        ForumViews views = new ForumViews(store, organisations, viewer, today());
        return listings.actions(store.generation(), forumId, viewer, filter, paging)
                .map(views::item);
    }

    @Operation(
            summary = "What the tracker adds up to: how many actions the caller sees in it, how many each owner has, "
                    + "and each sector's actions not cancelled with their average percent complete",
            description = "Counted in the database over exactly the actions the tracker lists for the caller: an"
                    + " enforcement body never counts a RESTRICTED action nor one of an organisation hidden from it,"
                    + " so such an organisation is not among the owners. An owner's name is null when the forum view"
                    + " does not know it, as in the tracker; owners are ordered by name. An action counts in each of"
                    + " its sectors; an action without a report counts as 0 % in the average.")
    @GetMapping("/tracker/summary")
    @Transactional(readOnly = true)
    public ForumViews.TrackerSummary trackerSummary(Caller caller, @PathVariable UUID forumId) {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        return new ForumViews(store, organisations, viewer, today())
                .trackerSummary(listings.trackerCounts(store.generation(), forumId, viewer));
    }

    @Operation(summary = "Who does what where: organisation x sector x area x status, counting actions")
    @GetMapping("/who-what-where")
    @Transactional(readOnly = true)
    public List<ForumViews.WhoWhatWhere> whoWhatWhere(Caller caller, @PathVariable UUID forumId) {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        return new ForumViews(store, organisations, viewer, today())
                .whoWhatWhere(listings.whoWhatWhere(store.generation(), forumId, viewer));
    }

    @Operation(
            summary = "Needs coverage: sector x population group x area, covered, partly covered or uncovered, "
                    + "with the inputs other organisations contributed to each need")
    @GetMapping("/needs-coverage")
    @Transactional(readOnly = true)
    public List<ForumViews.CoverageCell> needsCoverage(Caller caller, @PathVariable UUID forumId) {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        ForumRow forum = store.forum(forumId).orElse(null);
        List<NeedRow> needs = listings.openNeeds(store.generation(), forum, viewer);
        List<ActionRow> actions = listings.actionsForCoverage(store.generation(), forumId, viewer);
        Map<UUID, Integer> inputs = listings.inputsPerNeed(
                store.generation(), needs.stream().map(n -> n.id).toList(), viewer);
        return new ForumViews(store, organisations, viewer, today()).needsCoverage(needs, actions, inputs);
    }

    @Operation(
            summary = "Readiness: the latest checklist scores, their trend and where respondents diverge",
            description = "Scores carry their coverage: a question nobody answered is not assessed, assessedMax is"
                    + " the maximum of the assessed questions and questionsAssessed of questions; percent is out of"
                    + " assessedMax. Rounds published before scores carried coverage have it null, and percent out"
                    + " of max.")
    @GetMapping("/readiness")
    @Transactional(readOnly = true)
    public ForumViews.Readiness readiness(Caller caller, @PathVariable UUID forumId) {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        ForumRow forum = store.forum(forumId).orElse(null);
        return new ForumViews(store, organisations, viewer, today())
                .readiness(
                        listings.publishedRounds(store.generation(), forum, forumId, viewer),
                        round -> listings.gapsOf(store.generation(), round, viewer));
    }

    @Operation(summary = "The plans members shared with the forum, with how many of the forum's actions are in each")
    @GetMapping("/plans")
    @Transactional(readOnly = true)
    public PageResult<ForumViews.PlanItem> plans(
            Caller caller,
            @PathVariable UUID forumId,
            @Parameter(description = "owning organisation") @RequestParam(required = false) @Nullable UUID org,
            @Parameter(description = "DRAFT, ADOPTED, IN_IMPLEMENTATION or CLOSED")
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @Parameter(description = "a plan type, e.g. MUNICIPAL_ACTION_PLAN")
                    @RequestParam(required = false)
                    @Nullable
                    String type,
            @Parameter(description = "page number, from 0") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) @Nullable
                    Integer size,
            @Parameter(description = "title, status, periodStart or periodEnd; prefix - for descending (title)")
                    @RequestParam(required = false)
                    @Nullable
                    String sort) {
        PlanFilter filter =
                new PlanFilter(org, known(PlanStatus.class, "status", status), known(PlanType.class, "type", type));
        PageQuery paging = paging(page, size, sort, List.copyOf(ForumListings.PLAN_SORTS.keySet()), "title");
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        PageResult<PlanRow> plans = listings.plans(store.generation(), forumId, viewer, filter, paging);
        Map<UUID, Integer> actions = listings.actionsPerPlan(
                store.generation(),
                forumId,
                viewer,
                plans.items().stream().map(p -> p.id).toList());
        ForumViews views = new ForumViews(store, organisations, viewer, today());
        return plans.map(p -> views.plan(p, actions.getOrDefault(p.id, 0)));
    }

    @Operation(
            summary = "Population estimates within the forum's area; counts below 5 read \"<5\" and the others "
                    + "are rounded to a multiple of 5, for every member")
    @GetMapping("/population")
    @Transactional(readOnly = true)
    public PageResult<ForumViews.EstimateItem> population(
            Caller caller,
            @PathVariable UUID forumId,
            @Parameter(description = "a population group, e.g. REFUGEES") @RequestParam(required = false) @Nullable
                    String group,
            @Parameter(description = "area code, area name, subdivision or country, any case")
                    @RequestParam(required = false)
                    @Nullable
                    String area,
            @Parameter(description = "page number, from 0") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) @Nullable
                    Integer size,
            @Parameter(description = "asOf, area or group; prefix - for descending (-asOf)")
                    @RequestParam(required = false)
                    @Nullable
                    String sort) {
        EstimateFilter filter = new EstimateFilter(known(PopulationGroup.class, "group", group), blankToNull(area));
        PageQuery paging = paging(page, size, sort, List.copyOf(ForumListings.ESTIMATE_SORTS.keySet()), "-asOf");
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore store = generations.activeStore();
        ForumViews views = new ForumViews(store, organisations, viewer, today());
        return listings.estimates(store.generation(), store.forum(forumId).orElse(null), viewer, filter, paging)
                .map(views::estimate);
    }

    /**
     * @param changesSince the newest changes since, at most as many as asked, oldest first
     * @param changesTotal how many changes since the caller sees in all
     */
    public record AsOf(Instant at, List<TrackerItem> tracker, List<Change> changesSince, long changesTotal) {}

    /** How many of the newest changes the as-of view lists unless asked otherwise, and at most. */
    static final int CHANGES = 200;

    static final int MOST_CHANGES = 1_000;

    @Operation(
            summary = "The forum's tracker as it stood at a time, from the event history, and what changed since "
                    + "in every record of the forum the caller sees (then or now)",
            description = "The changes since are the newest ones (200 unless `changes` says otherwise, at most "
                    + "1000), oldest first; `changesTotal` counts them all. One of the service's expensive reads: "
                    + "rate limited, and answered 503 with Retry-After when the service is already replaying as "
                    + "many histories as it can hold.")
    @GetMapping("/as-of")
    @Transactional(readOnly = true)
    public AsOf asOf(
            Caller caller,
            @PathVariable UUID forumId,
            @Parameter(description = "an ISO-8601 instant between the years 1900 and 2200, e.g. 2025-01-31T12:00:00Z")
                    @RequestParam
                    String at,
            @Parameter(description = "how many of the newest changes since to list, 0 to 1000 (200)")
                    @RequestParam(required = false)
                    @Nullable
                    Integer changes) {
        Instant instant = instant(at);
        int limit = changes == null ? CHANGES : changes;
        if (limit < 0 || limit > MOST_CHANGES) {
            throw InvalidInput.field("changes", "must be between 0 and " + MOST_CHANGES);
        }
        Viewer viewer = members.viewer(caller, forumId);
        InMemoryStore then = new InMemoryStore();
        log.replayUpTo(forumId, instant, event -> Projector.apply(then, event));
        ForumViews thenViews =
                new ForumViews(then, organisations, viewer, LocalDate.ofInstant(instant, ZoneOffset.UTC));
        List<TrackerItem> tracker = thenViews.tracker(forumId, ActionFilter.NONE);
        JdbcStore now = generations.activeStore();
        ForumViews nowViews = new ForumViews(now, organisations, viewer, today());
        Map<String, Set<UUID>> visible = new LinkedHashMap<>();
        merge(visible, thenViews.visibleRecords(forumId));
        merge(visible, nowViews.visibleRecords(forumId));
        // records are named as they are now, or as they were then if the viewer no longer sees them
        Map<UUID, String> titles = new HashMap<>(thenViews.visibleTitles(forumId));
        titles.putAll(nowViews.visibleTitles(forumId));
        ChangesSince.Newest since = new ChangesSince.Newest(forumId, visible, viewer, limit);
        log.eachAfter(forumId, instant, since);
        // a record a flag names is read as it is now, or as it was then if the projection no longer knows it
        Set<UUID> flagged = since.flaggedRecords();
        Map<UUID, List<RecordScope>> scopes = new HashMap<>(Scopes.known(then, flagged));
        scopes.putAll(now.scopes(flagged));
        ChangesSince.Counted counted = since.finish(id -> scopes.getOrDefault(id, List.of()));
        return new AsOf(
                instant,
                tracker,
                counted.changes().stream()
                        .map(c -> c.titled(titles.get(c.recordId())))
                        .toList(),
                counted.total());
    }

    /** The earliest and latest instants a view may be asked about, as every date the platform accepts. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("2201-01-01T00:00:00Z");

    static Instant instant(String at) {
        Instant instant;
        try {
            instant = Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("at", "must be an ISO-8601 instant, e.g. 2025-01-31T12:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new InvalidInput(
                    "at: must lie between the years 1900 and 2200",
                    List.of(new ApiException.FieldError(
                            "at",
                            "must lie between the years 1900 and 2200",
                            "date.out-of-range",
                            Map.of("from", 1900, "to", 2200))));
        }
        return instant;
    }

    /** The day lateness is read on: today, as the action-plans service counts due dates (UTC). */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void merge(Map<String, Set<UUID>> into, Map<String, Set<UUID>> more) {
        more.forEach(
                (type, ids) -> into.computeIfAbsent(type, t -> new HashSet<>()).addAll(ids));
    }

    /** The page asked for; absent parameters take {@link PageQuery#parse}'s defaults. */
    private static PageQuery paging(
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable String sort,
            List<String> sortable,
            String defaultSort) {
        return PageQuery.parse(page, size, sort, sortable, defaultSort);
    }

    /** The value as the enum's constant name, or 400 if it names none. */
    private static <E extends Enum<E>> @Nullable String known(Class<E> type, String field, @Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "unknown value " + v);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
