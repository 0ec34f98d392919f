package org.arrival.assessments.checklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrival.assessments.checklist.reference.InstrumentCatalogue;
import org.arrival.platform.web.RecordNotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only access to the readiness checklist (reference data; any authenticated caller may read it). */
@RestController
@RequestMapping(path = "/checklist", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Checklist",
        description = "The UN-Habitat readiness checklist: recommendations, actions and scored questions")
public class ChecklistController {

    private final InstrumentCatalogue catalogue;

    public ChecklistController(InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(
            summary =
                    "The current checklist version, with the maximum score of every question, action and recommendation")
    @GetMapping
    public InstrumentView current() {
        return InstrumentView.of(catalogue.current());
    }

    @Operation(summary = "A given checklist version (404 if there is no such version)")
    @GetMapping("/versions/{version}")
    public InstrumentView version(@PathVariable int version) {
        return catalogue
                .version(version)
                .map(InstrumentView::of)
                .orElseThrow(() -> new RecordNotFound("checklist version", version));
    }
}
