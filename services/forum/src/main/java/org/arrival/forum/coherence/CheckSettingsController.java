package org.arrival.forum.coherence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.forum.coherence.domain.CheckSettings;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Scopes;
import org.arrival.forum.web.ForumMembers;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.ApiException.FieldError;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a forum tunes its coherence checks: its members read the settings, its coordinators change them (the checks
 * then run again at once, so flags follow the new thresholds).
 */
@RestController
@RequestMapping(path = "/forums/{forumId}/coherence-settings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Coherence flags", description = "Findings of the forum's coherence checks and their follow-up")
public class CheckSettingsController {

    private static final Logger LOG = LoggerFactory.getLogger(CheckSettingsController.class);

    /** The defaults as served: with every check's default severity, so that clients need no copy of them. */
    static final CheckSettings DEFAULTS_SHOWN =
            CheckSettings.DEFAULTS.with(null, CheckSettings.DEFAULT_SEVERITY, null, null, null, null, null, null, null);

    private final CheckSettingsStore settings;
    private final CoherenceChecker checker;
    private final Generations generations;
    private final ForumMembers members;

    public CheckSettingsController(
            CheckSettingsStore settings, CoherenceChecker checker, Generations generations, ForumMembers members) {
        this.settings = settings;
        this.checker = checker;
        this.generations = generations;
        this.members = members;
    }

    /**
     * The settings as served: {@code version} 0 while the forum keeps the defaults; {@code lastRun} is the last run of
     * the forum's checks (none before the first).
     */
    public record SettingsView(
            long version,
            CheckSettings settings,
            CheckSettings defaults,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy,
            CoherenceChecker.@Nullable LastRun lastRun) {}

    /** What a coordinator sends: an absent field takes its default value. */
    public record SettingsInput(
            @Nullable Set<CoherenceCheckCode> disabledChecks,
            @Nullable Map<CoherenceCheckCode, FlagSeverity> severities,
            @Nullable Integer staleAfterDays,
            @Nullable Integer transitionNoticeDays,
            @Nullable Double undercountRatio,
            @Nullable Long smallCityMinimum,
            @Nullable List<String> requiredBreakdown,
            @Nullable List<String> priorityFrameworkItems,
            @Nullable Integer regressionPercent,
            @Nullable Integer needReviewDays) {}

    @Operation(
            summary = "The settings of the forum's coherence checks",
            description = "For the forum's members. Answers the defaults at version 0 when the forum never set them.")
    @GetMapping
    public ResponseEntity<SettingsView> read(Caller caller, @PathVariable UUID forumId) {
        readableForum(caller, forumId);
        CheckSettingsStore.Versioned v = settings.read(forumId);
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(view(v, forumId));
    }

    @Operation(
            summary = "Replace the settings of the forum's coherence checks",
            description = "For the forum's coordinators. Needs the settings' ETag in If-Match (428 without, 412 when "
                    + "they changed; \"0\" while the forum keeps the defaults). An absent field takes its default. "
                    + "The checks run again at once.")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SettingsView> replace(
            Caller caller,
            @PathVariable UUID forumId,
            @RequestBody SettingsInput input,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ForumRow forum = readableForum(caller, forumId);
        if (!Coordinators.mayCoordinate(caller, forum)) {
            throw new AccessRefused(
                    "Only the forum's coordinators (convenor, chair or secretariat) may change its checks");
        }
        long expected = ETags.requiredVersion(ifMatch);
        List<FieldError> missing = new java.util.ArrayList<>();
        noneMissing(missing, "disabledChecks", input.disabledChecks());
        noneMissing(
                missing,
                "severities",
                input.severities() == null ? null : input.severities().values());
        noneMissing(missing, "requiredBreakdown", input.requiredBreakdown());
        noneMissing(missing, "priorityFrameworkItems", input.priorityFrameworkItems());
        if (!missing.isEmpty()) {
            throw new InvalidInput(
                    missing.get(0).field() + ": " + missing.get(0).message(), missing);
        }
        CheckSettings wanted = CheckSettings.DEFAULTS
                .with(
                        input.disabledChecks(),
                        input.severities(),
                        input.staleAfterDays(),
                        input.transitionNoticeDays(),
                        input.undercountRatio(),
                        input.smallCityMinimum(),
                        input.requiredBreakdown(),
                        input.priorityFrameworkItems(),
                        input.regressionPercent())
                .withNeedReview(input.needReviewDays());
        List<CheckSettings.Problem> problems = wanted.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(
                    problems.get(0).field() + ": " + problems.get(0).message(),
                    problems.stream()
                            .map(p -> new FieldError(p.field(), p.message()))
                            .toList());
        }
        CheckSettingsStore.Versioned saved =
                settings.save(forumId, wanted, expected, caller.toActor().userId());
        try {
            checker.check(forumId);
        } catch (RuntimeException e) {
            // the settings are saved; the next scheduled run applies them
            LOG.warn("coherence check of forum {} after its settings changed failed", forumId, e);
        }
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(view(saved, forumId));
    }

    /** A list of codes (or a map's values) with an empty entry is refused, field by field. */
    private static void noneMissing(List<FieldError> out, String field, java.util.@Nullable Collection<?> values) {
        if (values != null && values.stream().anyMatch(java.util.Objects::isNull)) {
            out.add(new FieldError(field, "an entry is empty"));
        }
    }

    /** The forum, if the caller is one of its members (or a platform administrator); else an unknown forum. */
    private ForumRow readableForum(Caller caller, UUID forumId) {
        return generations
                .activeStore()
                .forum(forumId)
                .filter(f -> members.viewer(caller, forumId).mayRead(Scopes.forum(f)))
                .orElseThrow(() -> new RecordNotFound("forum", forumId));
    }

    private SettingsView view(CheckSettingsStore.Versioned v, UUID forumId) {
        return new SettingsView(
                v.version(),
                v.settings(),
                DEFAULTS_SHOWN,
                v.updatedAt(),
                v.updatedBy(),
                checker.lastRun(forumId).orElse(null));
    }
}
