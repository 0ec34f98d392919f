package org.arrival.registry.apiclients.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.arrival.registry.apiclients.application.ApiClientService;
import org.arrival.registry.apiclients.application.ApiClientService.Issued;
import org.arrival.registry.apiclients.domain.ApiClient;
import org.arrival.registry.apiclients.persistence.ApiClientChanges.ApiClientChange;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/stakeholders/{id}/api-clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "API clients",
        description = "An organisation's API clients: machine identities (client credentials) for its own systems,"
                + " whose writes are recorded as client:<clientId> of the organisation")
public class ApiClientController {

    private final ApiClientService clients;

    public ApiClientController(ApiClientService clients) {
        this.clients = clients;
    }

    @Operation(
            summary = "The organisation's API clients, with when each last got a token (its administrators and"
                    + " platform administrators)")
    @GetMapping
    public List<ApiClientView> list(Caller caller, @PathVariable UUID id) {
        return clients.list(caller, id).stream().map(ApiClientView::of).toList();
    }

    @Operation(
            summary = "Create an API client with roles among member, org-editor and forum-coordinator; the answer holds"
                    + " its secret, shown this once. 403 for platform-admin or org-admin")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IssuedSecretView> create(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody ApiClientInput input) {
        Issued issued = clients.create(caller, id, input.name(), input.roles());
        return ResponseEntity.created(URI.create("/stakeholders/" + id + "/api-clients/"
                        + issued.client().id()))
                .cacheControl(CacheControl.noStore())
                .eTag(ETags.of(issued.client().version()))
                .body(IssuedSecretView.of(issued));
    }

    @Operation(summary = "Who created, rotated or revoked which API client, and when, newest first")
    @GetMapping("/history")
    public List<ApiClientChange> history(Caller caller, @PathVariable UUID id) {
        return clients.history(caller, id);
    }

    @Operation(summary = "One API client, with its ETag")
    @GetMapping("/{clientId}")
    public ResponseEntity<ApiClientView> get(Caller caller, @PathVariable UUID id, @PathVariable UUID clientId) {
        ApiClient c = clients.get(caller, id, clientId);
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(ApiClientView.of(c));
    }

    @Operation(
            summary = "Rotate the client's secret: the old one stops working at once; the answer holds the new one,"
                    + " shown this once. Needs If-Match")
    @PostMapping("/{clientId}/secret")
    public ResponseEntity<IssuedSecretView> rotate(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID clientId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Issued issued = clients.rotate(caller, id, clientId, ETags.requiredVersion(ifMatch));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .eTag(ETags.of(issued.client().version()))
                .body(IssuedSecretView.of(issued));
    }

    @Operation(
            summary = "Revoke the client: it is deleted in the identity provider and gets no token any more; the"
                    + " record stays, marked revoked. Needs If-Match")
    @DeleteMapping("/{clientId}")
    public ResponseEntity<ApiClientView> revoke(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID clientId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ApiClient revoked = clients.revoke(caller, id, clientId, ETags.requiredVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(revoked.version())).body(ApiClientView.of(revoked));
    }
}
