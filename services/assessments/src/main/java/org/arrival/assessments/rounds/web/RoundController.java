package org.arrival.assessments.rounds.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.rounds.application.AnswersPrecondition;
import org.arrival.assessments.rounds.application.RoundService;
import org.arrival.assessments.rounds.application.RoundService.RespondentAnswers;
import org.arrival.assessments.rounds.domain.Gap;
import org.arrival.assessments.rounds.persistence.RoundFilter;
import org.arrival.assessments.rounds.persistence.RoundRepository;
import org.arrival.assessments.rounds.persistence.RoundRepository.StoredRound;
import org.arrival.assessments.rounds.persistence.RoundRevisions;
import org.arrival.contracts.assessments.RoundStatus;
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
@RequestMapping(path = "/rounds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Assessment rounds",
        description = "Readiness self-assessment rounds on the checklist: answers, scores, gaps")
public class RoundController {

    private final RoundService service;

    public RoundController(RoundService service) {
        this.service = service;
    }

    @Operation(
            summary =
                    "Create a DRAFT round on the current checklist (editors or administrators of the convening organisation)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RoundView> create(Caller caller, @Valid @RequestBody RoundInput input) {
        StoredRound r = service.create(caller, input.toProfile());
        return ResponseEntity.created(URI.create("/rounds/" + r.round().id()))
                .eTag(ETags.of(r.round().version()))
                .body(RoundView.of(r));
    }

    @Operation(summary = "List the rounds the caller may see, filtered and paged")
    @GetMapping
    public PageResult<RoundView> list(
            Caller caller,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String subdivision,
            @RequestParam(required = false) RoundStatus status,
            @RequestParam(required = false) UUID convenor,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.parse(page, size, sort, RoundRepository.sortable(), "-updatedAt");
        return service.list(caller, new RoundFilter(blank(country), blank(subdivision), status, convenor), paging)
                .map(RoundView::of);
    }

    @Operation(
            summary = "Compare two published rounds of the same place: per recommendation and overall",
            description = "Like with like: only the questions assessed (answered by someone) in both rounds are"
                    + " compared; fromPoints and toPoints are both rounds' points over them, questionsCompared how many"
                    + " there are. from and to are each round's own score with its coverage. Where no question was"
                    + " assessed in both rounds, delta is null and the trend NOT_COMPARABLE.")
    @GetMapping("/compare")
    public ComparisonView compare(Caller caller, @RequestParam UUID from, @RequestParam UUID to) {
        return ComparisonView.of(service.compare(caller, from, to));
    }

    @Operation(summary = "Read a round")
    @GetMapping("/{id}")
    public ResponseEntity<RoundView> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(summary = "Replace a DRAFT round's title, place, respondents, closing date and forums; needs If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RoundView> update(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RoundInput input) {
        return respond(service.update(caller, id, ETags.requiredVersion(ifMatch), input.toProfile()));
    }

    @Operation(summary = "Open a DRAFT round to its respondents")
    @PostMapping("/{id}/open")
    public ResponseEntity<RoundView> open(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(service.open(caller, id, optionalVersion(ifMatch)));
    }

    @Operation(summary = "Close an OPEN round to answers, with an optional reason")
    @PostMapping("/{id}/close")
    public ResponseEntity<RoundView> close(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReasonInput reason) {
        return respond(service.close(caller, id, optionalVersion(ifMatch), reason == null ? null : reason.text()));
    }

    @Operation(summary = "Publish a CLOSED round's consolidated scores and gaps")
    @PostMapping("/{id}/publish")
    public ResponseEntity<RoundView> publish(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(service.publish(caller, id, optionalVersion(ifMatch)));
    }

    @Operation(
            summary = "Submit (or resubmit, replacing) a respondent's answers while the round is OPEN; respondents "
                    + "answer only for their own organisation. The first submission needs no precondition (If-None-Match: * "
                    + "makes sure it is the first); a replacement needs If-Match with the ETag of the answers it replaces "
                    + "(428 without, 412 when stale)")
    @PutMapping(path = "/{id}/responses/{respondentId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ResponseView> submit(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID respondentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            @Valid @RequestBody ResponseInput input) {
        service.submit(caller, id, respondentId, input.toAnswers(), AnswersPrecondition.of(ifMatch, ifNoneMatch));
        return respond(service.response(caller, id, respondentId));
    }

    @Operation(
            summary = "A respondent's answers (the convenor, the respondent and platform administrators), with "
                    + "their ETag once submitted")
    @GetMapping("/{id}/responses/{respondentId}")
    public ResponseEntity<ResponseView> response(
            Caller caller, @PathVariable UUID id, @PathVariable UUID respondentId) {
        return respond(service.response(caller, id, respondentId));
    }

    @Operation(
            summary = "Consolidated scores per question, action, recommendation and overall, with divergences",
            description = "A question nobody answered is not assessed: it scores nothing and is no gap. Every score"
                    + " gives its points out of the instrument's max, the max of its assessed questions"
                    + " (assessedMax), questionsAssessed of questions, and its share, points / assessedMax (null when"
                    + " nothing was assessed). A respondent's own scores count only the questions it answered.")
    @GetMapping("/{id}/scores")
    public ScoresView scores(Caller caller, @PathVariable UUID id) {
        return ScoresView.of(service.scores(caller, id));
    }

    @Operation(
            summary = "The gaps fixed when the round was published (empty before)",
            description = "Every assessed question scored below yes; a question nobody answered is not assessed and"
                    + " no gap.")
    @GetMapping("/{id}/gaps")
    public List<Gap> gaps(Caller caller, @PathVariable UUID id) {
        return service.gaps(caller, id);
    }

    @Operation(summary = "Who changed the round and who answered, when (its convenor and platform administrators)")
    @GetMapping("/{id}/history")
    public List<RoundRevisions.Revision> history(Caller caller, @PathVariable UUID id) {
        return service.history(caller, id);
    }

    private static ResponseEntity<ResponseView> respond(RespondentAnswers answers) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (answers.version() != null) {
            ok.eTag(ETags.of(answers.version()));
        }
        return ok.body(ResponseView.of(answers));
    }

    private static ResponseEntity<RoundView> respond(StoredRound r) {
        return ResponseEntity.ok().eTag(ETags.of(r.round().version())).body(RoundView.of(r));
    }

    private static @Nullable Long optionalVersion(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requiredVersion(ifMatch);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
