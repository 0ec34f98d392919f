package org.arrival.assessments.inputs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.arrival.assessments.inputs.application.InputService;
import org.arrival.assessments.inputs.application.InputService.SeenInput;
import org.arrival.assessments.inputs.domain.SubjectType;
import org.arrival.assessments.inputs.persistence.InputRepository;
import org.arrival.assessments.inputs.persistence.InputRepository.InputFilter;
import org.arrival.contracts.assessments.InputKind;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inputs", description = "What organisations contribute to rounds and needs they do not own")
public class InputController {

    private final InputService service;

    public InputController(InputService service) {
        this.service = service;
    }

    @Operation(summary = "Contribute an input to another organisation's round or need")
    @PostMapping(
            path = "/inputs",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InputView> contribute(Caller caller, @Valid @RequestBody InputInput input) {
        SeenInput i = service.contribute(caller, input::toContribution);
        return ResponseEntity.created(URI.create("/inputs/" + i.stored().input().id()))
                .body(InputView.of(i));
    }

    @Operation(summary = "List the inputs the caller may see, filtered and paged")
    @GetMapping(path = "/inputs", produces = MediaType.APPLICATION_JSON_VALUE)
    public PageResult<InputView> list(
            Caller caller,
            @RequestParam(required = false) SubjectType subjectType,
            @RequestParam(required = false) UUID subjectId,
            @RequestParam(required = false) UUID contributor,
            @RequestParam(required = false) InputKind kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, InputRepository.sortable(), "-createdAt");
        return service.list(caller, new InputFilter(subjectType, subjectId, contributor, kind), paging)
                .map(InputView::of);
    }

    @Operation(summary = "Read an input")
    @GetMapping(path = "/inputs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public InputView get(Caller caller, @PathVariable UUID id) {
        return InputView.of(service.get(caller, id));
    }

    @Operation(summary = "The inputs about a need that the caller may see")
    @GetMapping(path = "/needs/{id}/inputs", produces = MediaType.APPLICATION_JSON_VALUE)
    public PageResult<InputView> aboutNeed(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, InputRepository.sortable(), "-createdAt");
        return service.aboutNeed(caller, id, paging).map(InputView::of);
    }
}
