package org.arrival.actionplans.progress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.arrival.actionplans.progress.application.ProgressService;
import org.arrival.actionplans.progress.persistence.ReportRepository;
import org.arrival.actionplans.progress.persistence.ReportRepository.StoredReport;
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
@RequestMapping(path = "/actions/{actionId}/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Progress reports", description = "How far an action got, period by period")
public class ProgressController {

    private final ProgressService service;

    public ProgressController(ProgressService service) {
        this.service = service;
    }

    @Operation(
            summary =
                    "Publish a progress report for a period that has passed (the action owner's editors); one per period, not edited afterwards")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ReportView> publish(
            Caller caller, @PathVariable UUID actionId, @Valid @RequestBody ReportInput input) {
        StoredReport r = service.publish(caller, actionId, input.toDraft());
        return ResponseEntity.created(URI.create(
                        "/actions/" + actionId + "/reports/" + r.report().id()))
                .body(ReportView.of(r));
    }

    @Operation(summary = "The action's progress reports, newest period first")
    @GetMapping
    public PageResult<ReportView> list(
            Caller caller,
            @PathVariable UUID actionId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, ReportRepository.sortable(), "-periodEnd");
        return service.list(caller, actionId, paging).map(ReportView::of);
    }

    @Operation(summary = "Read a progress report")
    @GetMapping("/{reportId}")
    public ReportView get(Caller caller, @PathVariable UUID actionId, @PathVariable UUID reportId) {
        return ReportView.of(service.get(caller, actionId, reportId));
    }
}
