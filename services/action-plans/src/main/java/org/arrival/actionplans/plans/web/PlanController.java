package org.arrival.actionplans.plans.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.plans.application.PlanService;
import org.arrival.actionplans.plans.persistence.PlanRepository;
import org.arrival.actionplans.plans.persistence.PlanRepository.PlanFilter;
import org.arrival.actionplans.plans.persistence.PlanRepository.StoredPlan;
import org.arrival.actionplans.shared.web.Versions;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.PlanType;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
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
@RequestMapping(path = "/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plans", description = "Plans and policies organisations own, and their lifecycle")
public class PlanController {

    private final PlanService service;

    public PlanController(PlanService service) {
        this.service = service;
    }

    @Operation(summary = "Record a plan for the caller's organisation (editors and administrators); it starts DRAFT")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PlanView> record(Caller caller, @Valid @RequestBody PlanInput input) {
        StoredPlan p = service.record(caller, input.toDetails());
        return ResponseEntity.created(URI.create("/plans/" + p.plan().id()))
                .eTag(ETags.of(p.plan().version()))
                .body(PlanView.of(p));
    }

    @Operation(summary = "List the plans the caller may see, filtered and paged")
    @GetMapping
    public PageResult<PlanView> list(
            Caller caller,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) PlanType type,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String subdivision,
            @RequestParam(required = false) PlanStatus status,
            @RequestParam(required = false) UUID forum,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, PlanRepository.sortable(), "-createdAt");
        PlanFilter filter = new PlanFilter(
                owner, type, Versions.blankToNull(country), Versions.blankToNull(subdivision), status, forum);
        return service.list(caller, filter, paging).map(PlanView::of);
    }

    @Operation(summary = "Read a plan")
    @GetMapping("/{id}")
    public ResponseEntity<PlanView> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(summary = "Edit an open plan (its owner's editors and administrators); needs If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PlanView> revise(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanInput input) {
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.revise(caller, id, expected, input.toDetails()));
    }

    @Operation(summary = "Move a plan along DRAFT, ADOPTED, IN_IMPLEMENTATION, CLOSED (its owner); If-Match optional")
    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PlanView> move(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanStatusInput input) {
        return respond(service.move(caller, id, Versions.optional(ifMatch), input.status(), input.reason()));
    }

    @Operation(summary = "Who changed a plan, when, what and why (its owner)")
    @GetMapping("/{id}/history")
    public List<RecordHistory.Revision> history(Caller caller, @PathVariable UUID id) {
        return service.history(caller, id);
    }

    private static ResponseEntity<PlanView> respond(StoredPlan p) {
        return ResponseEntity.ok().eTag(ETags.of(p.plan().version())).body(PlanView.of(p));
    }
}
