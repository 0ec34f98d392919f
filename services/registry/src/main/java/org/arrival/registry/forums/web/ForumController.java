package org.arrival.registry.forums.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.registry.forums.application.ForumService;
import org.arrival.registry.forums.domain.Membership;
import org.arrival.registry.forums.persistence.ForumFilter;
import org.arrival.registry.forums.persistence.ForumRepository;
import org.arrival.registry.forums.persistence.ForumRepository.StoredForum;
import org.arrival.registry.shared.web.ReasonInput;
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
@RequestMapping(path = "/forums", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Forums", description = "Coordination mechanisms and their memberships")
public class ForumController {

    private final ForumService service;

    public ForumController(ForumService service) {
        this.service = service;
    }

    @Operation(
            summary =
                    "Establish a forum (platform administrators, or the convening organisation's administrators or coordinators)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ForumView> establish(Caller caller, @Valid @RequestBody ForumInput input) {
        StoredForum f = service.establish(caller, input.toProfile());
        return ResponseEntity.created(URI.create("/forums/" + f.forum().id()))
                .eTag(ETags.of(f.forum().version()))
                .body(ForumView.of(f));
    }

    @Operation(summary = "List forums, filtered and paged")
    @GetMapping
    public PageResult<ForumView> list(
            Caller caller,
            @RequestParam(required = false) ForumType type,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String subdivision,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) PopulationGroup group,
            @RequestParam(required = false) ForumStatus status,
            @RequestParam(required = false) UUID parent,
            @RequestParam(required = false) UUID member,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, ForumRepository.sortable(), "name");
        ForumFilter filter = new ForumFilter(
                type, blank(country), blank(subdivision), sector, group, status, parent, member, blank(q));
        return service.list(caller, filter, paging).map(ForumView::of);
    }

    @Operation(summary = "Read a forum")
    @GetMapping("/{id}")
    public ResponseEntity<ForumView> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(summary = "Replace a forum's profile (its convenor, chair or secretariat); needs If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ForumView> update(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ForumInput input) {
        return respond(service.update(caller, id, ETags.requiredVersion(ifMatch), input.toProfile()));
    }

    @Operation(summary = "Move a forum through its lifecycle: ACTIVE, DORMANT, DISSOLVED")
    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ForumView> changeStatus(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody StatusInput input) {
        String reason = input.reason() == null || input.reason().isBlank()
                ? null
                : input.reason().strip();
        return respond(service.changeStatus(caller, id, optionalVersion(ifMatch), input.status(), reason));
    }

    @Operation(summary = "Who changed the forum, when and what (its managers and platform administrators)")
    @GetMapping("/{id}/history")
    public List<RecordHistory.Revision> history(Caller caller, @PathVariable UUID id) {
        return service.history(caller, id);
    }

    @Operation(summary = "The forum's memberships; organisations hidden from enforcement bodies are left out for them")
    @GetMapping("/{id}/memberships")
    public List<MembershipView> memberships(
            Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean includeEnded) {
        return service.memberships(caller, id, includeEnded).stream()
                .map(MembershipView::of)
                .toList();
    }

    @Operation(summary = "Give an organisation a seat (the forum's coordinators)")
    @PostMapping(path = "/{id}/memberships", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MembershipView> grant(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody MembershipInput input) {
        Membership m =
                service.grant(caller, id, input.stakeholderId(), input.seat(), input.termStart(), input.termEnd());
        return ResponseEntity.created(URI.create("/forums/" + id + "/memberships/" + m.id()))
                .eTag(ETags.of(m.version()))
                .body(MembershipView.of(m));
    }

    @Operation(summary = "Read one membership")
    @GetMapping("/{id}/memberships/{membershipId}")
    public ResponseEntity<MembershipView> membership(
            Caller caller, @PathVariable UUID id, @PathVariable UUID membershipId) {
        Membership m = service.membership(caller, id, membershipId);
        return ResponseEntity.ok().eTag(ETags.of(m.version())).body(MembershipView.of(m));
    }

    @Operation(summary = "Change a membership's seat or term (the forum's coordinators); needs If-Match")
    @PutMapping(path = "/{id}/memberships/{membershipId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MembershipView> change(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID membershipId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SeatInput input) {
        Membership m = service.change(
                caller,
                id,
                membershipId,
                ETags.requiredVersion(ifMatch),
                input.seat(),
                input.termStart(),
                input.termEnd());
        return ResponseEntity.ok().eTag(ETags.of(m.version())).body(MembershipView.of(m));
    }

    @Operation(summary = "End a membership (the forum's coordinators, or the member organisation's administrators)")
    @PostMapping("/{id}/memberships/{membershipId}/end")
    public ResponseEntity<MembershipView> end(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID membershipId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonInput reason) {
        Membership m =
                service.end(caller, id, membershipId, optionalVersion(ifMatch), reason == null ? null : reason.text());
        return ResponseEntity.ok().eTag(ETags.of(m.version())).body(MembershipView.of(m));
    }

    @Operation(summary = "Who changed the membership, when and what")
    @GetMapping("/{id}/memberships/{membershipId}/history")
    public List<RecordHistory.Revision> membershipHistory(
            Caller caller, @PathVariable UUID id, @PathVariable UUID membershipId) {
        return service.membershipHistory(caller, id, membershipId);
    }

    private static ResponseEntity<ForumView> respond(StoredForum f) {
        return ResponseEntity.ok().eTag(ETags.of(f.forum().version())).body(ForumView.of(f));
    }

    private static @Nullable Long optionalVersion(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requiredVersion(ifMatch);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
