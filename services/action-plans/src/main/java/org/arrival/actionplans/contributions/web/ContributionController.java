package org.arrival.actionplans.contributions.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.arrival.actionplans.contributions.application.ContributionService;
import org.arrival.actionplans.contributions.persistence.ContributionRepository;
import org.arrival.actionplans.contributions.persistence.ContributionRepository.StoredContribution;
import org.arrival.contracts.actionplans.ContributionKind;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/actions/{actionId}/contributions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Contributions",
        description = "Comments on, endorsements of and objections to actions of other organisations")
public class ContributionController {

    private final ContributionService service;

    public ContributionController(ContributionService service) {
        this.service = service;
    }

    @Operation(summary = "Comment on, endorse or object to another organisation's action")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ContributionView> contribute(
            Caller caller, @PathVariable UUID actionId, @Valid @RequestBody ContributionInput input) {
        StoredContribution c = service.contribute(caller, actionId, input.kind(), input.text());
        return ResponseEntity.created(URI.create("/actions/" + actionId + "/contributions/"
                        + c.contribution().id()))
                .body(ContributionView.of(c));
    }

    @Operation(summary = "The contributions to the action, newest first")
    @GetMapping
    public PageResult<ContributionView> list(
            Caller caller,
            @PathVariable UUID actionId,
            @RequestParam(required = false) ContributionKind kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, ContributionRepository.sortable(), "-createdAt");
        return service.list(caller, actionId, kind, paging).map(ContributionView::of);
    }

    @Operation(summary = "Read a contribution")
    @GetMapping("/{contributionId}")
    public ContributionView get(Caller caller, @PathVariable UUID actionId, @PathVariable UUID contributionId) {
        return ContributionView.of(service.get(caller, actionId, contributionId));
    }
}
