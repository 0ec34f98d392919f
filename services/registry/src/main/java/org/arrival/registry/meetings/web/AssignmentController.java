package org.arrival.registry.meetings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.registry.meetings.application.AssignmentService;
import org.arrival.registry.meetings.persistence.AssignmentRepository;
import org.arrival.registry.meetings.persistence.AssignmentRepository.StoredAssignment;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assignments", description = "Work forums' decisions assigned to organisations")
public class AssignmentController {

    private final AssignmentService service;

    public AssignmentController(AssignmentService service) {
        this.service = service;
    }

    @Operation(summary = "An organisation's assignments, due date first (its own people and platform administrators)")
    @GetMapping
    public PageResult<AssignmentView> list(
            Caller caller,
            @RequestParam(required = false) @Nullable UUID assignee,
            @RequestParam(required = false) @Nullable AssignmentStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.parse(page, size, null, AssignmentRepository.sortable(), "dueOn");
        return service.list(caller, assignee, status, paging).map(AssignmentView::of);
    }

    @Operation(summary = "Read an assignment (the assignee's people and the forum's members)")
    @GetMapping("/{assignmentId}")
    public ResponseEntity<AssignmentView> get(Caller caller, @PathVariable UUID assignmentId) {
        return respond(service.get(caller, assignmentId));
    }

    @Operation(summary = "Accept the assignment with one of the assignee's own actions; needs If-Match")
    @PostMapping(path = "/{assignmentId}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AssignmentView> accept(
            Caller caller,
            @PathVariable UUID assignmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AcceptanceInput input) {
        return respond(service.accept(caller, assignmentId, ETags.requiredVersion(ifMatch), input.actionId()));
    }

    @Operation(summary = "Decline the assignment with a reason; needs If-Match")
    @PostMapping(path = "/{assignmentId}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AssignmentView> decline(
            Caller caller,
            @PathVariable UUID assignmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DeclineInput input) {
        return respond(service.decline(caller, assignmentId, ETags.requiredVersion(ifMatch), input.reason()));
    }

    private static ResponseEntity<AssignmentView> respond(StoredAssignment a) {
        return ResponseEntity.ok().eTag(ETags.of(a.assignment().version())).body(AssignmentView.of(a));
    }
}
