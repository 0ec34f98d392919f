package org.arrival.registry.stakeholders.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.registry.shared.web.ReasonInput;
import org.arrival.registry.stakeholders.application.StakeholderService;
import org.arrival.registry.stakeholders.persistence.StakeholderFilter;
import org.arrival.registry.stakeholders.persistence.StakeholderRepository;
import org.arrival.registry.stakeholders.persistence.StakeholderRepository.StoredStakeholder;
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
@RequestMapping(path = "/stakeholders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Stakeholders", description = "Organisations taking part in coordination")
public class StakeholderController {

    private final StakeholderService service;

    public StakeholderController(StakeholderService service) {
        this.service = service;
    }

    @Operation(summary = "Propose an organisation (platform or organisation administrators); it starts PROPOSED")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StakeholderView> register(Caller caller, @Valid @RequestBody StakeholderInput input) {
        StoredStakeholder s = service.register(caller, input.toProfile());
        return ResponseEntity.created(
                        URI.create("/stakeholders/" + s.stakeholder().id()))
                .eTag(ETags.of(s.stakeholder().version()))
                .body(StakeholderView.of(s));
    }

    @Operation(
            summary =
                    "List organisations, filtered and paged; organisations hidden from enforcement bodies are left out for them")
    @GetMapping
    public PageResult<StakeholderView> list(
            Caller caller,
            @RequestParam(required = false) StakeholderType type,
            @RequestParam(required = false) GovernmentLevel level,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String subdivision,
            @RequestParam(required = false) String areaCode,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) UUID forum,
            @RequestParam(required = false) StakeholderStatus status,
            @RequestParam(required = false) Boolean enforcementBody,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, StakeholderRepository.sortable(), "name");
        StakeholderFilter filter = new StakeholderFilter(
                type,
                level,
                blankToNull(country),
                blankToNull(subdivision),
                blankToNull(areaCode),
                sector,
                forum,
                status,
                enforcementBody,
                blankToNull(q));
        return service.list(caller, filter, paging).map(StakeholderView::of);
    }

    @Operation(summary = "Read an organisation's profile")
    @GetMapping("/{id}")
    public ResponseEntity<StakeholderView> get(Caller caller, @PathVariable UUID id) {
        StoredStakeholder s = service.get(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(s.stakeholder().version())).body(StakeholderView.of(s));
    }

    @Operation(
            summary = "Replace an organisation's profile (its own administrators); needs If-Match. "
                    + "With If-None-Match: * instead, registers a new organisation under this id (platform administrators, "
                    + "e.g. to keep the ids an identity provider already uses); 412 if the id is taken")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StakeholderView> update(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            @Valid @RequestBody StakeholderInput input) {
        if (ifMatch == null && "*".equals(ifNoneMatch == null ? null : ifNoneMatch.strip())) {
            StoredStakeholder s = service.registerUnder(caller, id, input.toProfile());
            return ResponseEntity.created(URI.create("/stakeholders/" + id))
                    .eTag(ETags.of(s.stakeholder().version()))
                    .body(StakeholderView.of(s));
        }
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.update(caller, id, expected, input.toProfile()));
    }

    @Operation(summary = "Verify a proposed organisation (platform administrators)")
    @PostMapping("/{id}/verify")
    public ResponseEntity<StakeholderView> verify(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonInput reason) {
        return respond(service.verify(caller, id, optionalVersion(ifMatch), text(reason)));
    }

    @Operation(summary = "Activate a verified or suspended organisation (platform administrators)")
    @PostMapping("/{id}/activate")
    public ResponseEntity<StakeholderView> activate(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonInput reason) {
        return respond(service.activate(caller, id, optionalVersion(ifMatch), text(reason)));
    }

    @Operation(summary = "Suspend an organisation (platform administrators)")
    @PostMapping("/{id}/suspend")
    public ResponseEntity<StakeholderView> suspend(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonInput reason) {
        return respond(service.suspend(caller, id, optionalVersion(ifMatch), text(reason)));
    }

    @Operation(summary = "Archive an organisation (platform administrators)")
    @PostMapping("/{id}/archive")
    public ResponseEntity<StakeholderView> archive(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonInput reason) {
        return respond(service.archive(caller, id, optionalVersion(ifMatch), text(reason)));
    }

    @Operation(
            summary =
                    "Who changed the organisation's record, when and what (the organisation itself and platform administrators)")
    @GetMapping("/{id}/history")
    public List<RecordHistory.Revision> history(Caller caller, @PathVariable UUID id) {
        return service.history(caller, id);
    }

    private static ResponseEntity<StakeholderView> respond(StoredStakeholder s) {
        return ResponseEntity.ok().eTag(ETags.of(s.stakeholder().version())).body(StakeholderView.of(s));
    }

    static @Nullable Long optionalVersion(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requiredVersion(ifMatch);
    }

    private static @Nullable String text(@Nullable ReasonInput reason) {
        return reason == null ? null : reason.text();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
