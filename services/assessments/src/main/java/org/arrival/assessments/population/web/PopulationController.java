package org.arrival.assessments.population.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.population.application.PopulationService;
import org.arrival.assessments.population.application.PopulationService.SeenEstimate;
import org.arrival.assessments.population.persistence.EstimateRepository;
import org.arrival.assessments.population.persistence.EstimateRepository.EstimateFilter;
import org.arrival.contracts.common.PopulationGroup;
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
@RequestMapping(path = "/population", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Population estimates",
        description =
                "How many people of a group live in an area; for all but the owner, counts below 5 are suppressed and the others rounded to a multiple of 5")
public class PopulationController {

    private final PopulationService service;

    public PopulationController(PopulationService service) {
        this.service = service;
    }

    @Operation(summary = "Record a population estimate for the caller's organisation (editors and administrators)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<EstimateView> record(Caller caller, @Valid @RequestBody EstimateInput input) {
        SeenEstimate e = service.record(caller, input.toDetails());
        return ResponseEntity.created(
                        URI.create("/population/" + e.stored().estimate().id()))
                .eTag(ETags.of(e.stored().estimate().version()))
                .body(EstimateView.of(e));
    }

    @Operation(
            summary =
                    "What others would see of an estimate's counts (suppressed below 5, rounded to a multiple of 5, "
                            + "complementary cells hidden), checked as a recording is and stored nowhere (editors and administrators)")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ShownCountsView preview(Caller caller, @Valid @RequestBody EstimateInput input) {
        return ShownCountsView.of(service.preview(caller, input.toDetails()));
    }

    @Operation(summary = "List the estimates the caller may see, filtered and paged")
    @GetMapping
    public PageResult<EstimateView> list(
            Caller caller,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String subdivision,
            @RequestParam(required = false) String areaCode,
            @RequestParam(required = false) PopulationGroup group,
            @RequestParam(required = false) String seriesId,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, EstimateRepository.sortable(), "-asOf");
        EstimateFilter filter = new EstimateFilter(
                blankToNull(country),
                blankToNull(subdivision),
                blankToNull(areaCode),
                group,
                blankToNull(seriesId),
                owner);
        return service.list(caller, filter, paging).map(EstimateView::of);
    }

    @Operation(summary = "The estimates of a series over time, oldest first")
    @GetMapping("/series/{seriesId}")
    public PageResult<EstimateView> series(
            Caller caller,
            @PathVariable String seriesId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        // a series is always listed oldest first
        PageQuery paging = PageQuery.parse(page, size, "asOf", EstimateRepository.sortable(), "asOf");
        return service.list(caller, new EstimateFilter(null, null, null, null, seriesId, null), paging)
                .map(EstimateView::of);
    }

    @Operation(summary = "Read an estimate")
    @GetMapping("/{id}")
    public ResponseEntity<EstimateView> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(summary = "Revise an estimate (its owner's editors and administrators); needs If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<EstimateView> revise(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody EstimateInput input) {
        long expected = ETags.requiredVersion(ifMatch);
        return respond(service.revise(caller, id, expected, input.toDetails()));
    }

    @Operation(summary = "Who recorded and revised an estimate, when and what changed (its owner)")
    @GetMapping("/{id}/history")
    public List<RecordHistory.Revision> history(Caller caller, @PathVariable UUID id) {
        return service.history(caller, id);
    }

    private static ResponseEntity<EstimateView> respond(SeenEstimate e) {
        return ResponseEntity.ok()
                .eTag(ETags.of(e.stored().estimate().version()))
                .body(EstimateView.of(e));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
