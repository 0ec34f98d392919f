package org.arrival.actionplans.freshness.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.arrival.actionplans.freshness.application.ReportingService;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RequestBodyScreen;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reporting", description = "Whether an action's progress reports are up to date")
public class ReportingController {

    private final ReportingService service;

    public ReportingController(ReportingService service) {
        this.service = service;
    }

    @Operation(
            summary =
                    "The action's last report, the next report due and how many days it is overdue, and its milestones that are late, missed or due next (as of today, or asOf, a date in the years 1900 to 2200)")
    @GetMapping(path = "/actions/{actionId}/reporting", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReportingView standing(
            Caller caller,
            @PathVariable UUID actionId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        if (asOf != null
                && (asOf.getYear() < RequestBodyScreen.EARLIEST_YEAR
                        || asOf.getYear() > RequestBodyScreen.LATEST_YEAR)) {
            throw InvalidInput.field(
                    "asOf",
                    "must be a date between the years " + RequestBodyScreen.EARLIEST_YEAR + " and "
                            + RequestBodyScreen.LATEST_YEAR);
        }
        return ReportingView.of(service.standing(caller, actionId, asOf));
    }
}
