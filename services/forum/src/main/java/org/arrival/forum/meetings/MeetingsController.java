package org.arrival.forum.meetings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.forum.coherence.CoherenceChecker;
import org.arrival.forum.coherence.CoherenceFlagRow;
import org.arrival.forum.projection.EventLog;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.domain.InMemoryStore;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.ProjectionStore;
import org.arrival.forum.projection.domain.Projector;
import org.arrival.forum.projection.domain.Rows.MeetingRow;
import org.arrival.forum.views.ForumListings.ActionFilter;
import org.arrival.forum.views.ForumViews;
import org.arrival.forum.views.ForumViews.DecisionOutcome;
import org.arrival.forum.views.ForumViews.FlagState;
import org.arrival.forum.views.ForumViews.MeetingPack;
import org.arrival.forum.web.ForumMembers;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.InvalidInput;
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

/**
 * What came of a forum's decisions, now or as of a date, and the pack of one of its meetings: read-only views over the
 * meetings, decisions and assignments the registry publishes, for the forum's members (and platform administrators),
 * through the same read policy as the forum's other views.
 */
@RestController
@RequestMapping(path = "/forums/{forumId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Forum meetings", description = "What came of the forum's decisions; a meeting's pack")
public class MeetingsController {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private final Generations generations;
    private final Organisations organisations;
    private final EventLog log;
    private final ForumMembers members;
    private final CoherenceChecker checker;
    private final Clock clock;

    public MeetingsController(
            Generations generations,
            Organisations organisations,
            EventLog log,
            ForumMembers members,
            CoherenceChecker checker,
            Clock clock) {
        this.generations = generations;
        this.organisations = organisations;
        this.log = log;
        this.members = members;
        this.checker = checker;
        this.clock = clock;
    }

    @Operation(
            summary = "What came of the forum's decisions: each decision, newest first, with the records it concerns, "
                    + "its assignments, the actions that took them on, their latest progress and what is overdue",
            description = "As of the end of a date when asOf is given (from the event history), else now. A record, "
                    + "action or organisation the caller may not read is left out, and an assignment's action is "
                    + "shown only when it is the assignee's own.")
    @GetMapping("/decisions")
    @Transactional(readOnly = true)
    public PageResult<DecisionOutcome> decisions(
            Caller caller,
            @PathVariable UUID forumId,
            @Parameter(description = "a date, YYYY-MM-DD: the decisions as they stood at its end (today)")
                    @RequestParam(required = false)
                    @Nullable
                    String asOf,
            @Parameter(description = "page number, from 0") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) @Nullable
                    Integer size) {
        LocalDate date = date(asOf);
        PageQuery paging = PageQuery.parse(page, size, null, List.of("decidedOn"), "-decidedOn");
        Viewer viewer = members.viewer(caller, forumId);
        List<DecisionOutcome> all;
        if (date == null) {
            JdbcStore now = generations.activeStore();
            all = new ForumViews(now, organisations, viewer, today()).decisions(forumId, liveFlags(forumId));
        } else {
            List<ProjectedEvent> events = log.upTo(forumId, endOf(date));
            all = new ForumViews(replay(events), organisations, viewer, date)
                    .decisions(forumId, ForumViews.flagsFrom(events, forumId));
        }
        HiddenNames hidden = members.hiddenNames(viewer);
        all = all.stream().map(d -> shown(hidden, d)).toList();
        int from = (int) Math.min(all.size(), paging.offset());
        int to = Math.min(all.size(), from + paging.size());
        return PageResult.of(all.subList(from, to), paging, all.size());
    }

    @Operation(
            summary = "A meeting's pack: the meeting and its agenda's records, the tracker and the open flags as they "
                    + "stood at the end of its date, and what came of the previous meeting's decisions by then",
            description = "For a meeting still to come, as things stand now. The same read policy as the forum's "
                    + "other views: a record, action or organisation the caller may not read is left out.")
    @GetMapping("/meetings/{meetingId}/pack")
    @Transactional(readOnly = true)
    public MeetingPack pack(Caller caller, @PathVariable UUID forumId, @PathVariable UUID meetingId) {
        Viewer viewer = members.viewer(caller, forumId);
        JdbcStore now = generations.activeStore();
        MeetingRow meeting = now.meeting(meetingId)
                .filter(m -> forumId.equals(m.forumId))
                .orElseThrow(() -> new RecordNotFound("meeting", meetingId));
        ForumViews current = new ForumViews(now, organisations, viewer, today());
        Instant end = endOf(meeting.date);
        ForumViews then;
        Map<UUID, FlagState> flags;
        if (end.isBefore(clock.instant())) {
            List<ProjectedEvent> events = log.upTo(forumId, end);
            then = new ForumViews(replay(events), organisations, viewer, meeting.date);
            flags = ForumViews.flagsFrom(events, forumId);
        } else {
            // a meeting today or still to come: things as they stand now, without replaying the history
            then = current;
            flags = liveFlags(forumId);
        }
        ForumViews.MeetingRef previous = current.previousMeeting(meeting);
        HiddenNames hidden = members.hiddenNames(viewer);
        return new MeetingPack(
                shown(
                        hidden,
                        namedAsThenOrNow(
                                then.packMeeting(meeting, flags), current.packMeeting(meeting, liveFlags(forumId)))),
                then.tracker(forumId, ActionFilter.NONE),
                then.openFlags(flags).stream().map(f -> shown(hidden, f)).toList(),
                previous == null
                        ? null
                        : new ForumViews.MeetingRef(
                                previous.meetingId(), hidden.redactText(previous.title()), previous.date()),
                previous == null
                        ? List.of()
                        : then.decisions(forumId, flags).stream()
                                .filter(d -> d.meetingId().equals(previous.meetingId()))
                                .map(d -> shown(hidden, d))
                                .toList());
    }

    /**
     * The agenda's records as they stood on the meeting's date, and those recorded after it (a meeting written up
     * later) as they are now; each only where the caller may read it then or now.
     */
    private static ForumViews.PackMeeting namedAsThenOrNow(ForumViews.PackMeeting then, ForumViews.PackMeeting now) {
        List<ForumViews.AgendaEntry> agenda = new ArrayList<>();
        for (int i = 0; i < then.agenda().size(); i++) {
            ForumViews.AgendaEntry item = then.agenda().get(i);
            Map<UUID, ForumViews.RecordItem> records = new LinkedHashMap<>();
            now.agenda().get(i).records().forEach(r -> records.put(r.recordId(), r));
            item.records().forEach(r -> records.put(r.recordId(), r));
            agenda.add(new ForumViews.AgendaEntry(
                    item.itemId(), item.title(), item.note(), List.copyOf(records.values())));
        }
        return new ForumViews.PackMeeting(
                then.meetingId(),
                then.title(),
                then.date(),
                then.startTime(),
                then.place(),
                then.onlineLink(),
                then.status(),
                then.minutes(),
                then.cancellationReason(),
                then.attendance(),
                agenda);
    }

    /*
     * What people typed in the forum's meetings, decisions and assignments, and the titles of the records they point
     * at, with the names of the organisations hidden from the reader taken out (for an enforcement body).
     */
    private static ForumViews.PackMeeting shown(HiddenNames hidden, ForumViews.PackMeeting m) {
        if (hidden.isEmpty()) {
            return m;
        }
        return new ForumViews.PackMeeting(
                m.meetingId(),
                hidden.redactText(m.title()),
                m.date(),
                m.startTime(),
                hidden.redact(m.place()),
                m.onlineLink(),
                m.status(),
                hidden.redact(m.minutes()),
                hidden.redact(m.cancellationReason()),
                m.attendance(),
                m.agenda().stream()
                        .map(i -> new ForumViews.AgendaEntry(
                                i.itemId(),
                                hidden.redactText(i.title()),
                                hidden.redact(i.note()),
                                shown(hidden, i.records())))
                        .toList());
    }

    private static ForumViews.DecisionOutcome shown(HiddenNames hidden, ForumViews.DecisionOutcome d) {
        if (hidden.isEmpty()) {
            return d;
        }
        return new ForumViews.DecisionOutcome(
                d.decisionId(),
                d.meetingId(),
                hidden.redact(d.meetingTitle()),
                d.decidedOn(),
                hidden.redactText(d.text()),
                d.type(),
                d.method(),
                d.votes(),
                d.dissent().stream()
                        .map(x -> new ForumViews.DissentItem(
                                x.stakeholderId(), x.organisationName(), hidden.redactText(x.reason())))
                        .toList(),
                shown(hidden, d.concerns()),
                d.assignments().stream().map(a -> shown(hidden, a)).toList(),
                d.overdue());
    }

    private static ForumViews.AssignmentOutcome shown(HiddenNames hidden, ForumViews.AssignmentOutcome a) {
        ForumViews.LinkedAction action = a.action();
        ForumViews.ProgressItem progress = action == null ? null : action.latestProgress();
        return new ForumViews.AssignmentOutcome(
                a.assignmentId(),
                a.assigneeId(),
                a.assigneeName(),
                hidden.redactText(a.expected()),
                a.dueOn(),
                a.status(),
                hidden.redact(a.declineReason()),
                a.overdue(),
                a.overdueReasons(),
                action == null
                        ? null
                        : new ForumViews.LinkedAction(
                                action.actionId(),
                                hidden.redactText(action.title()),
                                action.status(),
                                action.reportingOverdue(),
                                progress == null
                                        ? null
                                        : new ForumViews.ProgressItem(
                                                progress.periodStart(),
                                                progress.periodEnd(),
                                                progress.rag(),
                                                hidden.redact(progress.summary()))));
    }

    private static ForumViews.FlagItem shown(HiddenNames hidden, ForumViews.FlagItem f) {
        if (hidden.isEmpty()) {
            return f;
        }
        return new ForumViews.FlagItem(
                f.flagId(),
                f.version(),
                f.forumId(),
                f.checkCode(),
                f.severity(),
                f.status(),
                hidden.redactText(f.summary()),
                f.recordIds(),
                f.records().stream()
                        .map(r -> new FlaggedRecord(r.recordId(), r.kind(), hidden.redact(r.title())))
                        .toList(),
                f.conditionHolds(),
                f.parameters() == null ? null : CoherenceFlagRow.shownWith(hidden, f.parameters()));
    }

    private static List<ForumViews.RecordItem> shown(HiddenNames hidden, List<ForumViews.RecordItem> records) {
        return records.stream()
                .map(r -> new ForumViews.RecordItem(r.kind(), r.recordId(), hidden.redact(r.title()), r.status()))
                .toList();
    }

    /** The forum's flags as they are now. */
    private Map<UUID, FlagState> liveFlags(UUID forumId) {
        Map<UUID, FlagState> out = new LinkedHashMap<>();
        checker.flags(forumId, null, null).forEach(f -> out.put(f.flagId(), FlagState.of(f.toContract())));
        return out;
    }

    private static ProjectionStore replay(List<ProjectedEvent> events) {
        InMemoryStore store = new InMemoryStore();
        for (ProjectedEvent event : events) {
            Projector.apply(store, event);
        }
        return store;
    }

    /** The last instant of the day (UTC), as the event history is read up to and including an instant. */
    private static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("asOf", "must be a date, YYYY-MM-DD, e.g. 2025-06-30");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw InvalidInput.field("asOf", "must lie between the years 1900 and 2200");
        }
        return date;
    }
}
