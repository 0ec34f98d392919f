package org.arrival.registry.meetings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.Attendance;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.registry.meetings.application.MeetingService;
import org.arrival.registry.meetings.application.Reads.DecisionRead;
import org.arrival.registry.meetings.application.Reads.MeetingRead;
import org.arrival.registry.meetings.persistence.DecisionRepository;
import org.arrival.registry.meetings.persistence.MeetingRepository;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/forums/{forumId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Meetings", description = "A forum's meetings, the decisions recorded at them and agenda proposals")
public class MeetingController {

    private final MeetingService service;

    public MeetingController(MeetingService service) {
        this.service = service;
    }

    @Operation(summary = "The forum's meetings, newest first (its seated members and those who run it)")
    @GetMapping("/meetings")
    public PageResult<MeetingView> list(
            Caller caller,
            @PathVariable UUID forumId,
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.parse(page, size, null, MeetingRepository.sortable(), "-date");
        return service.list(caller, forumId, status, paging).map(MeetingView::of);
    }

    @Operation(summary = "Schedule a meeting (coordinators of the forum's convenor, chair or secretariat)")
    @PostMapping(path = "/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MeetingView> schedule(
            Caller caller, @PathVariable UUID forumId, @Valid @RequestBody MeetingInput input) {
        MeetingRead m = service.schedule(caller, forumId, input.details(), input.agendaDrafts());
        return ResponseEntity.created(URI.create(
                        "/forums/" + forumId + "/meetings/" + m.meeting().id()))
                .eTag(ETags.of(m.meeting().version()))
                .body(MeetingView.of(m));
    }

    @Operation(summary = "Read a meeting with its decisions")
    @GetMapping("/meetings/{meetingId}")
    public ResponseEntity<MeetingView> get(Caller caller, @PathVariable UUID forumId, @PathVariable UUID meetingId) {
        return respond(service.get(caller, forumId, meetingId));
    }

    @Operation(summary = "Replace a scheduled or held meeting's details and agenda; needs If-Match")
    @PutMapping(path = "/meetings/{meetingId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MeetingView> update(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MeetingInput input) {
        return respond(service.update(
                caller, forumId, meetingId, ETags.requiredVersion(ifMatch), input.details(), input.agendaDrafts()));
    }

    @Operation(summary = "Record who attended (organisations seated in the forum); needs If-Match")
    @PutMapping(path = "/meetings/{meetingId}/attendance", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MeetingView> attendance(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AttendanceInput input) {
        List<Attendance> rows = input.attendance().stream()
                .map(r -> new Attendance(r.stakeholderId(), r.status()))
                .toList();
        return respond(service.attendance(caller, forumId, meetingId, ETags.requiredVersion(ifMatch), rows));
    }

    @Operation(summary = "Write a held meeting's minutes; needs If-Match")
    @PutMapping(path = "/meetings/{meetingId}/minutes", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MeetingView> minutes(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MinutesInput input) {
        return respond(service.minutes(caller, forumId, meetingId, ETags.requiredVersion(ifMatch), input.minutes()));
    }

    @Operation(summary = "Mark a meeting HELD, approve its minutes (MINUTES_APPROVED) or cancel it with a reason")
    @PostMapping(path = "/meetings/{meetingId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MeetingView> changeStatus(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MeetingStatusInput input) {
        return respond(service.changeStatus(
                caller, forumId, meetingId, ETags.requiredVersion(ifMatch), input.status(), input.reason()));
    }

    /** A decision has no address of its own: it is shown with its meeting, where Location points. */
    @Operation(summary = "Record a decision taken at a held meeting, with the work it assigns")
    @PostMapping(path = "/meetings/{meetingId}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DecisionView> decide(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @Valid @RequestBody DecisionInput input) {
        DecisionRead d = service.decide(caller, forumId, meetingId, input.draft());
        return ResponseEntity.created(URI.create("/forums/" + forumId + "/meetings/" + meetingId))
                .eTag(ETags.of(d.decision().version()))
                .body(DecisionView.of(d));
    }

    @Operation(summary = "Who changed the meeting, its decisions and their assignments (those who run the forum)")
    @GetMapping("/meetings/{meetingId}/history")
    public List<RecordHistory.Revision> history(
            Caller caller, @PathVariable UUID forumId, @PathVariable UUID meetingId) {
        return service.history(caller, forumId, meetingId);
    }

    @Operation(summary = "The forum's decisions, newest first")
    @GetMapping("/decisions")
    public PageResult<DecisionView> decisions(
            Caller caller,
            @PathVariable UUID forumId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.parse(page, size, null, DecisionRepository.sortable(), "-decidedOn");
        return service.decisions(caller, forumId, paging).map(DecisionView::of);
    }

    @Operation(summary = "Items nested forums escalated to this forum's agenda, and the meeting that took each up")
    @GetMapping("/agenda-proposals")
    public List<AgendaProposalView> proposals(Caller caller, @PathVariable UUID forumId) {
        return service.proposals(caller, forumId).stream()
                .map(AgendaProposalView::of)
                .toList();
    }

    private static ResponseEntity<MeetingView> respond(MeetingRead m) {
        return ResponseEntity.ok().eTag(ETags.of(m.meeting().version())).body(MeetingView.of(m));
    }
}
