package org.arrival.assessments.needs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.needs.application.NeedService;
import org.arrival.assessments.needs.persistence.NeedRepository;
import org.arrival.assessments.needs.persistence.NeedRepository.NeedFilter;
import org.arrival.assessments.needs.persistence.NeedRepository.StoredNeed;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.messaging.history.RecordHistory;
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
@RequestMapping(path = "/needs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Needs", description = "Needs and findings, and their lifecycle")
public class NeedController {

    private final NeedService service;

    public NeedController(NeedService service) {
        this.service = service;
    }

    @Operation(
            summary = "Record a need for the caller's organisation (editors and administrators); it starts IDENTIFIED")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<NeedView> identify(Caller caller, @Valid @RequestBody NeedInput input) {
        StoredNeed n = service.identify(caller, input.toDetails());
        return ResponseEntity.created(URI.create("/needs/" + n.need().id()))
                .eTag(ETags.of(n.need().version()))
                .body(NeedView.of(n));
    }

    @Operation(summary = "List the needs the caller may see, filtered and paged")
    @GetMapping
    public PageResult<NeedView> list(
            Caller caller,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) PopulationGroup group,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String subdivision,
            @Parameter(description = "area code, area name, subdivision or country, any case")
                    @RequestParam(required = false)
                    String area,
            @RequestParam(required = false) NeedStatus status,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) BarrierType barrier,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) UUID roundId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, NeedRepository.sortable(), "-createdAt");
        NeedFilter filter = new NeedFilter(
                sector,
                group,
                blankToNull(country),
                blankToNull(subdivision),
                blankToNull(area),
                status,
                severity,
                barrier,
                owner,
                roundId);
        return service.list(caller, filter, paging).map(NeedView::of);
    }

    @Operation(summary = "Read a need")
    @GetMapping("/{id}")
    public ResponseEntity<NeedView> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(summary = "Edit an open need (its owner's editors and administrators); needs If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<NeedView> revise(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NeedInput input) {
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.revise(caller, id, expected, input.toDetails()));
    }

    @Operation(
            summary =
                    "Move a need along its lifecycle (its owner); DEPRIORITISED needs a reason, ADDRESSED a linked action")
    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<NeedView> move(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody StatusInput input) {
        return respond(service.move(caller, id, optionalVersion(ifMatch), input.status(), input.reason()));
    }

    @Operation(summary = "Record that an action addresses the need (its owner)")
    @PostMapping(path = "/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<NeedView> link(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ActionLinkInput input) {
        return respond(service.linkAction(caller, id, optionalVersion(ifMatch), input.actionId()));
    }

    @Operation(summary = "Who changed a need, when, what and why (its owner)")
    @GetMapping("/{id}/history")
    public List<RecordHistory.Revision> history(Caller caller, @PathVariable UUID id) {
        return service.history(caller, id);
    }

    private static ResponseEntity<NeedView> respond(StoredNeed n) {
        return ResponseEntity.ok().eTag(ETags.of(n.need().version())).body(NeedView.of(n));
    }

    private static @Nullable Long optionalVersion(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requiredVersion(ifMatch);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
