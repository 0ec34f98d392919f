package org.arrival.actionplans.actions.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.actions.application.ActionService;
import org.arrival.actionplans.actions.persistence.ActionRepository;
import org.arrival.actionplans.actions.persistence.ActionRepository.ActionFilter;
import org.arrival.actionplans.actions.persistence.ActionRepository.StoredAction;
import org.arrival.actionplans.shared.web.Versions;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.InvalidInput;
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
@RequestMapping(path = "/actions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Actions", description = "Actions and commitments, their lifecycle, links and the vertical cascade")
public class ActionController {

    private static final java.util.regex.Pattern AREA = java.util.regex.Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");

    private final ActionService service;

    public ActionController(ActionService service) {
        this.service = service;
    }

    @Operation(
            summary = "Record an action for the caller's organisation (editors and administrators); it starts PROPOSED")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ActionView> propose(Caller caller, @Valid @RequestBody ActionInput input) {
        StoredAction a = service.propose(caller, input.toDetails());
        return ResponseEntity.created(URI.create("/actions/" + a.action().id()))
                .eTag(ETags.of(a.action().version()))
                .body(ActionView.of(a));
    }

    @Operation(
            summary = "List the actions the caller may see, filtered and paged; area is a country or subdivision code;"
                    + " requiresLocalImplementation=true lists the commitments a local action may implement")
    @GetMapping
    public PageResult<ActionView> list(
            Caller caller,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) UUID plan,
            @RequestParam(required = false) UUID forum,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) ActionStatus status,
            @RequestParam(required = false) String frameworkItem,
            @RequestParam(required = false) PopulationGroup targetGroup,
            @RequestParam(required = false) UUID need,
            @RequestParam(required = false) UUID gap,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) UUID implementsActionId,
            @RequestParam(required = false) Boolean requiresLocalImplementation,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, ActionRepository.sortable(), "-createdAt");
        String where = Versions.blankToNull(area);
        if (where != null && !AREA.matcher(where).matches()) {
            throw InvalidInput.field("area", "must be a country (UG) or subdivision (UG-C) code");
        }
        ActionFilter filter = new ActionFilter(
                owner,
                plan,
                forum,
                sector,
                where,
                status,
                Versions.blankToNull(frameworkItem),
                targetGroup,
                need,
                gap,
                overdue,
                implementsActionId,
                requiresLocalImplementation);
        return service.list(caller, filter, paging).map(ActionView::of);
    }

    @Operation(summary = "Read an action")
    @GetMapping("/{id}")
    public ResponseEntity<ActionView> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(
            summary =
                    "Edit an open action, its links included (its owner's editors and administrators); needs If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ActionView> revise(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ActionInput input) {
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.revise(caller, id, expected, input.toDetails()));
    }

    @Operation(summary = "Move an action along its lifecycle (its owner); CANCELLED needs a reason; If-Match optional")
    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ActionView> move(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ActionStatusInput input) {
        return respond(service.move(caller, id, Versions.optional(ifMatch), input.status(), input.reason()));
    }

    @Operation(
            summary =
                    "The local actions implementing a commitment that the caller may read, the weighted roll-up of their progress and the expected implementers still missing, all computed over the actions the caller may read; childrenNotShown only for the commitment's owner")
    @GetMapping("/{id}/cascade")
    public CascadeView cascade(Caller caller, @PathVariable UUID id) {
        return CascadeView.of(service.cascade(caller, id));
    }

    @Operation(summary = "Who changed an action, when, what and why (its owner)")
    @GetMapping("/{id}/history")
    public List<RecordHistory.Revision> history(Caller caller, @PathVariable UUID id) {
        return service.history(caller, id);
    }

    private static ResponseEntity<ActionView> respond(StoredAction a) {
        return ResponseEntity.ok().eTag(ETags.of(a.action().version())).body(ActionView.of(a));
    }
}
