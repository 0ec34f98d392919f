package org.arrival.notifications.subscriptions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping(path = "/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Subscriptions", description = "What a user or an organisation wants to be told about, and how")
public class SubscriptionController {

    private final SubscriptionService service;

    public SubscriptionController(SubscriptionService service) {
        this.service = service;
    }

    @Operation(
            summary = "Subscribe the caller (scope USER) or, as organisation administrator, the caller's organisation")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SubscriptionView> create(Caller caller, @RequestBody SubscriptionInput input) {
        Subscription s = service.create(caller, input);
        return ResponseEntity.created(URI.create("/subscriptions/" + s.id()))
                .eTag(ETags.of(s.version()))
                .body(SubscriptionView.of(s));
    }

    @Operation(summary = "The caller's own subscriptions and their organisation's, paged")
    @GetMapping
    public PageResult<SubscriptionView> list(
            Caller caller,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, SubscriptionRepository.sortable(), "-createdAt");
        return service.list(caller, paging).map(SubscriptionView::of);
    }

    @Operation(summary = "Read one of the caller's or their organisation's subscriptions")
    @GetMapping("/{id}")
    public ResponseEntity<SubscriptionView> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(summary = "Replace a subscription's channel, frequency and filter; needs If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SubscriptionView> replace(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody SubscriptionInput input) {
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.replace(caller, id, expected, input));
    }

    @Operation(summary = "End a subscription; needs If-Match")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(caller, id, ETags.requiredVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<SubscriptionView> respond(Subscription s) {
        return ResponseEntity.ok().eTag(ETags.of(s.version())).body(SubscriptionView.of(s));
    }
}
