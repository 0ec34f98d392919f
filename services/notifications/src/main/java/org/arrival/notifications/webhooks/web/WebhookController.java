package org.arrival.notifications.webhooks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.arrival.notifications.webhooks.application.WebhookService;
import org.arrival.notifications.webhooks.application.WebhookService.Registered;
import org.arrival.notifications.webhooks.persistence.WebhookRepository;
import org.arrival.notifications.webhooks.persistence.WebhookRepository.StoredWebhook;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.InvalidInput;
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
@RequestMapping(path = "/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Webhooks",
        description = "An organisation's signed webhook endpoints and their delivery log" + " (its administrators)")
public class WebhookController {

    private static final List<String> DELIVERY_STATUSES = List.of("PENDING", "SENT", "FAILED", "DEAD");

    private final WebhookService service;

    public WebhookController(WebhookService service) {
        this.service = service;
    }

    @Operation(
            summary =
                    "Register a webhook for the caller's organisation; the answer shows its signing secret," + " once")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WebhookView> register(Caller caller, @Valid @RequestBody WebhookInput input) {
        Registered r = service.register(caller, input.url(), input.eventTypes());
        return ResponseEntity.created(URI.create("/webhooks/" + r.webhook().id()))
                .eTag(ETags.of(r.webhook().version()))
                .body(WebhookView.withSecret(r.webhook(), r.secret()));
    }

    @Operation(summary = "List the organisation's webhooks (never with their secrets)")
    @GetMapping
    public PageResult<WebhookView> list(
            Caller caller,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, List.of("createdAt"), "createdAt");
        return service.list(caller, paging).map(WebhookView::of);
    }

    @Operation(summary = "Read a webhook (never with its secret)")
    @GetMapping("/{id}")
    public ResponseEntity<WebhookView> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(summary = "Change a webhook's URL and event types; needs If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WebhookView> revise(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody WebhookInput input) {
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.revise(caller, id, expected, input.url(), input.eventTypes()));
    }

    @Operation(summary = "Replace the signing secret; the answer shows the new one, once. Needs If-Match")
    @PostMapping("/{id}/rotate-secret")
    public ResponseEntity<WebhookView> rotateSecret(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Registered r = service.rotateSecret(caller, id, ETags.requiredVersion(ifMatch));
        return ResponseEntity.ok()
                .eTag(ETags.of(r.webhook().version()))
                .body(WebhookView.withSecret(r.webhook(), r.secret()));
    }

    @Operation(
            summary = "Switch a webhook on again (also after it was disabled for failing), resetting its"
                    + " failure count. Needs If-Match")
    @PostMapping("/{id}/enable")
    public ResponseEntity<WebhookView> enable(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(service.enable(caller, id, ETags.requiredVersion(ifMatch)));
    }

    @Operation(summary = "Switch a webhook off; its due deliveries are given up. Needs If-Match")
    @PostMapping("/{id}/disable")
    public ResponseEntity<WebhookView> disable(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(service.disable(caller, id, ETags.requiredVersion(ifMatch)));
    }

    @Operation(summary = "Delete a webhook; its delivery log stays. Needs If-Match")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(caller, id, ETags.requiredVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The webhook's delivery log, newest first: status, attempts, last HTTP status and error")
    @GetMapping("/{id}/deliveries")
    public PageResult<DeliveryView> deliveries(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, WebhookRepository.deliverySortable(), "-createdAt");
        String wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = status.strip().toUpperCase(Locale.ROOT);
            if (!DELIVERY_STATUSES.contains(wanted)) {
                throw InvalidInput.field("status", "must be one of " + String.join(", ", DELIVERY_STATUSES));
            }
        }
        return service.deliveries(caller, id, wanted, paging).map(DeliveryView::of);
    }

    private static ResponseEntity<WebhookView> respond(StoredWebhook w) {
        return ResponseEntity.ok().eTag(ETags.of(w.version())).body(WebhookView.of(w));
    }
}
