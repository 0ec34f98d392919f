package org.arrival.actionplans.funding.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.arrival.actionplans.funding.application.FundingService;
import org.arrival.actionplans.funding.persistence.FundingRepository.StoredLine;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.ETags;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/actions/{actionId}/funding", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Funding", description = "What an action requires, what is committed and disbursed, and the gap")
public class FundingController {

    private final FundingService service;

    public FundingController(FundingService service) {
        this.service = service;
    }

    @Operation(summary = "Record a funding line (the action owner's editors, or the funding organisation for itself)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<FundingLineView> record(
            Caller caller, @PathVariable UUID actionId, @Valid @RequestBody FundingInput input) {
        StoredLine l = service.record(caller, actionId, input.toTerms());
        return ResponseEntity.created(URI.create(
                        "/actions/" + actionId + "/funding/" + l.line().id()))
                .eTag(ETags.of(l.line().version()))
                .body(FundingLineView.of(l));
    }

    @Operation(summary = "The action's funding lines and, per currency, the totals and the derived gap")
    @GetMapping
    public FundingView overview(Caller caller, @PathVariable UUID actionId) {
        return FundingView.of(service.overview(caller, actionId));
    }

    @Operation(summary = "Read a funding line")
    @GetMapping("/{fundingId}")
    public ResponseEntity<FundingLineView> get(
            Caller caller, @PathVariable UUID actionId, @PathVariable UUID fundingId) {
        return respond(service.get(caller, actionId, fundingId));
    }

    @Operation(
            summary = "Change a funding line (the action owner's editors, or its funding organisation); needs If-Match")
    @PutMapping(path = "/{fundingId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<FundingLineView> revise(
            Caller caller,
            @PathVariable UUID actionId,
            @PathVariable UUID fundingId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody FundingInput input) {
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.revise(caller, actionId, fundingId, expected, input.toTerms()));
    }

    private static ResponseEntity<FundingLineView> respond(StoredLine l) {
        return ResponseEntity.ok().eTag(ETags.of(l.line().version())).body(FundingLineView.of(l));
    }
}
