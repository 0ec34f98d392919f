package org.arrival.forum.coherence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.forum.coherence.CoherenceChecker.FlagQuery;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.web.ForumMembers;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A forum's coherence flags: a member reads those naming only records they may read; the forum's coordinators
 * (members with the forum-coordinator role acting for its convenor, chair or secretariat) and platform
 * administrators acknowledge, resolve or dismiss them, with {@code If-Match}.
 */
@RestController
@RequestMapping(path = "/forums/{forumId}/flags", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Coherence flags", description = "Findings of the forum's coherence checks and their follow-up")
public class FlagController {

    private final CoherenceChecker checker;
    private final Generations generations;
    private final ForumMembers members;

    public FlagController(CoherenceChecker checker, Generations generations, ForumMembers members) {
        this.members = members;
        this.checker = checker;
        this.generations = generations;
    }

    public record Decision(@Nullable String reason) {}

    static final String DECISION = "For the forum's coordinators. Needs the flag's ETag in If-Match (428 without, "
            + "412 when it changed). A flag naming a record the caller may not read is answered 404, as an unknown "
            + "one.";

    static final List<String> SORTS = List.of("newest", "oldest");

    @Operation(
            summary = "One page of the forum's coherence flags, by status, check, severity and organisation, newest "
                    + "or oldest first",
            description = "Only the flags naming records the caller may read, every one of them; totalItems and "
                    + "totalPages count those alone. A flag names an organisation when it names the organisation "
                    + "itself or an action the organisation owns. Pages hold 1 to 200 flags (50); a larger size is "
                    + "refused (400).")
    @GetMapping
    @Transactional(readOnly = true)
    public PageResult<CoherenceFlagRow> flags(
            Caller caller,
            @PathVariable UUID forumId,
            @Parameter(
                            description =
                                    "OPEN, ACKNOWLEDGED, RESOLVED or DISMISSED; several, repeated or separated by "
                                            + "commas, for any of them (all when none)")
                    @RequestParam(required = false)
                    @Nullable
                    List<String> status,
            @Parameter(description = "a check's code, e.g. ACTION_WITHOUT_FUNDING")
                    @RequestParam(required = false)
                    @Nullable
                    String check,
            @Parameter(description = "LOW, MEDIUM or HIGH") @RequestParam(required = false) @Nullable String severity,
            @Parameter(description = "an organisation the flags name, or whose actions they name")
                    @RequestParam(required = false)
                    @Nullable
                    UUID organisation,
            @Parameter(description = "newest or oldest, by when the flag was raised (newest)")
                    @RequestParam(required = false)
                    @Nullable
                    String sort,
            @Parameter(description = "page number, from 0") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) @Nullable
                    Integer size) {
        List<FlagStatus> statuses = new ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            FlagStatus parsed = parse(FlagStatus.class, "status", s);
            if (parsed != null && !statuses.contains(parsed)) {
                statuses.add(parsed);
            }
        }
        CoherenceCheckCode byCheck = parse(CoherenceCheckCode.class, "check", check);
        FlagSeverity bySeverity = parse(FlagSeverity.class, "severity", severity);
        String order = sort == null || sort.isBlank() ? "newest" : sort.strip().toLowerCase(Locale.ROOT);
        if (!SORTS.contains(order)) {
            throw InvalidInput.field("sort", "must be newest or oldest");
        }
        PageQuery paging = PageQuery.parse(page, size, order, SORTS, "newest");
        Viewer viewer = members.viewer(caller, forumId);
        HiddenNames hidden = members.hiddenNames(viewer);
        FlagQuery query = new FlagQuery(statuses, byCheck, bySeverity, organisation, "oldest".equals(order));
        return checker.flags(forumId, query, paging, viewer).map(f -> f.shownWith(hidden));
    }

    @Operation(
            summary = "One of the forum's coherence flags, as the list shows it",
            description = "For the forum's members who may read every record the flag names; a flag they may not "
                    + "read, of another forum or unknown is answered 404, alike. The ETag is the flag's version, for "
                    + "If-Match on a decision.")
    @GetMapping("/{flagId}")
    @Transactional(readOnly = true)
    public ResponseEntity<CoherenceFlagRow> flag(Caller caller, @PathVariable UUID forumId, @PathVariable UUID flagId) {
        Viewer viewer = members.viewer(caller, forumId);
        HiddenNames hidden = members.hiddenNames(viewer);
        CoherenceFlagRow row = checker.flag(forumId, flagId, viewer)
                .orElseThrow(() -> new RecordNotFound("flag", flagId))
                .seenBy(viewer)
                .shownWith(hidden);
        return ResponseEntity.ok().eTag(ETags.of(row.version())).body(row);
    }

    @Operation(
            summary = "The decisions taken on a flag, oldest first: from and to which status, when, by whom and why",
            description = "For the forum's members who may read the flag; who decided and why are left out for a "
                    + "reader who may not know of the deciding organisation.")
    @GetMapping("/{flagId}/history")
    public List<FlagDecision> history(Caller caller, @PathVariable UUID forumId, @PathVariable UUID flagId) {
        Viewer viewer = members.viewer(caller, forumId);
        HiddenNames hidden = members.hiddenNames(viewer);
        return checker.decisions(forumId, flagId, viewer).stream()
                .map(d -> d.withReason(hidden.redact(d.reason())))
                .toList();
    }

    @Operation(summary = "Acknowledge an open flag", description = DECISION)
    @PostMapping("/{flagId}/acknowledge")
    public ResponseEntity<CoherenceFlagRow> acknowledge(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID flagId,
            @RequestBody(required = false) @Nullable Decision body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return decide(caller, forumId, flagId, FlagStatus.ACKNOWLEDGED, body, ifMatch);
    }

    @Operation(summary = "Resolve an open or acknowledged flag, with a reason", description = DECISION)
    @PostMapping("/{flagId}/resolve")
    public ResponseEntity<CoherenceFlagRow> resolve(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID flagId,
            @RequestBody(required = false) @Nullable Decision body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return decide(caller, forumId, flagId, FlagStatus.RESOLVED, body, ifMatch);
    }

    @Operation(summary = "Dismiss an open or acknowledged flag, with a reason", description = DECISION)
    @PostMapping("/{flagId}/dismiss")
    public ResponseEntity<CoherenceFlagRow> dismiss(
            Caller caller,
            @PathVariable UUID forumId,
            @PathVariable UUID flagId,
            @RequestBody(required = false) @Nullable Decision body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return decide(caller, forumId, flagId, FlagStatus.DISMISSED, body, ifMatch);
    }

    /**
     * A member who may not read the flag (or any record it names) is told it does not exist; one who may read it but
     * is no coordinator is refused; the change needs the version the caller read, in {@code If-Match}.
     */
    private ResponseEntity<CoherenceFlagRow> decide(
            Caller caller,
            UUID forumId,
            UUID flagId,
            FlagStatus target,
            @Nullable Decision body,
            @Nullable String ifMatch) {
        Viewer viewer = members.viewer(caller, forumId);
        if (checker.flag(forumId, flagId, viewer).isEmpty()) {
            throw new RecordNotFound("flag", flagId);
        }
        ForumRow forum = generations.activeStore().forum(forumId).orElse(null);
        if (!Coordinators.mayCoordinate(caller, forum)) {
            throw new AccessRefused("Only the forum's coordinators (convenor, chair or secretariat) may change flags");
        }
        long expected = requiredVersion(ifMatch);
        CoherenceFlagRow row = checker.transition(
                        forumId, flagId, target, body == null ? null : body.reason(), expected, viewer)
                .seenBy(viewer)
                .shownWith(members.hiddenNames(viewer));
        return ResponseEntity.ok().eTag(ETags.of(row.version())).body(row);
    }

    /** The version {@code If-Match} names; a missing one is refused (428) by {@link ETags#requiredVersion}. */
    private static long requiredVersion(@Nullable String ifMatch) {
        return ETags.requiredVersion(ifMatch);
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "unknown value " + value);
        }
    }
}
