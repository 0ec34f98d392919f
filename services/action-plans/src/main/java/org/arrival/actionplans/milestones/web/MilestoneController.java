package org.arrival.actionplans.milestones.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.arrival.actionplans.milestones.application.MilestoneService;
import org.arrival.actionplans.milestones.persistence.MilestoneRepository;
import org.arrival.actionplans.milestones.persistence.MilestoneRepository.StoredMilestone;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.jspecify.annotations.Nullable;
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
@RequestMapping(path = "/actions/{actionId}/milestones", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Milestones", description = "Dated steps of an action")
public class MilestoneController {

    private final MilestoneService service;

    public MilestoneController(MilestoneService service) {
        this.service = service;
    }

    @Operation(summary = "Schedule a milestone within the action's dates (the action owner's editors)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MilestoneView> schedule(
            Caller caller, @PathVariable UUID actionId, @Valid @RequestBody MilestoneInput input) {
        StoredMilestone m = service.schedule(caller, actionId, input.title(), input.dueOn());
        return ResponseEntity.created(URI.create(
                        "/actions/" + actionId + "/milestones/" + m.milestone().id()))
                .eTag(ETags.of(m.milestone().version()))
                .body(MilestoneView.of(m, service.lateAsOf()));
    }

    @Operation(
            summary =
                    "The action's milestones, by due date; a PLANNED one whose due date has passed is late (late, daysLate)")
    @GetMapping
    public PageResult<MilestoneView> list(
            Caller caller,
            @PathVariable UUID actionId,
            @RequestParam(required = false) MilestoneStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, MilestoneRepository.sortable(), "dueOn");
        LocalDate today = service.lateAsOf();
        return service.list(caller, actionId, status, paging).map(m -> MilestoneView.of(m, today));
    }

    @Operation(summary = "Read a milestone")
    @GetMapping("/{milestoneId}")
    public ResponseEntity<MilestoneView> get(
            Caller caller, @PathVariable UUID actionId, @PathVariable UUID milestoneId) {
        return respond(service.get(caller, actionId, milestoneId));
    }

    @Operation(summary = "Rename or reschedule a planned milestone (the action owner's editors); needs If-Match")
    @PutMapping(path = "/{milestoneId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MilestoneView> reschedule(
            Caller caller,
            @PathVariable UUID actionId,
            @PathVariable UUID milestoneId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MilestoneInput input) {
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.reschedule(caller, actionId, milestoneId, expected, input.title(), input.dueOn()));
    }

    @Operation(summary = "Record that a planned or missed milestone was reached, and when")
    @PostMapping(path = "/{milestoneId}/reach", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MilestoneView> reach(
            Caller caller,
            @PathVariable UUID actionId,
            @PathVariable UUID milestoneId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReachInput input) {
        return respond(service.reach(caller, actionId, milestoneId, optionalVersion(ifMatch), input.reachedOn()));
    }

    @Operation(summary = "Record that a planned milestone was missed")
    @PostMapping("/{milestoneId}/miss")
    public ResponseEntity<MilestoneView> miss(
            Caller caller,
            @PathVariable UUID actionId,
            @PathVariable UUID milestoneId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(service.miss(caller, actionId, milestoneId, optionalVersion(ifMatch)));
    }

    @Operation(summary = "Cancel a planned or missed milestone")
    @PostMapping("/{milestoneId}/cancel")
    public ResponseEntity<MilestoneView> cancel(
            Caller caller,
            @PathVariable UUID actionId,
            @PathVariable UUID milestoneId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(service.cancel(caller, actionId, milestoneId, optionalVersion(ifMatch)));
    }

    private ResponseEntity<MilestoneView> respond(StoredMilestone m) {
        return ResponseEntity.ok()
                .eTag(ETags.of(m.milestone().version()))
                .body(MilestoneView.of(m, service.lateAsOf()));
    }

    private static @Nullable Long optionalVersion(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requiredVersion(ifMatch);
    }
}
