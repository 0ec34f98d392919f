package org.arrival.web.api.forum;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The forum service's public API: the forums' shared views, exports and live stream. */
@Component
public class ForumApi {

    /** The largest page the forum service serves. */
    public static final int MAX_PAGE = 200;

    private final RestClient client;
    private final RestClient streams;
    private final JsonMapper json;

    public ForumApi(ApiClients clients, JsonMapper json) {
        this.client = clients.client(Service.FORUM);
        this.streams = clients.streamingClient(Service.FORUM);
        this.json = json;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ForumSummary(UUID forumId, String name, String type, String status, String area, String seat) {}

    /** The action's earliest planned milestone; {@code late} when its due date has passed (absent: not late). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NextMilestone(UUID milestoneId, String title, LocalDate dueOn, Boolean late, Long daysLate) {

        public NextMilestone {
            late = Boolean.TRUE.equals(late);
        }
    }

    /** A milestone late (by {@code daysLate} days) or missed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MilestoneItem(UUID milestoneId, String title, LocalDate dueOn, Long daysLate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FundingTotal(
            String currency, BigDecimal committed, BigDecimal disbursed, BigDecimal required, BigDecimal gap) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrackerItem(
            UUID actionId,
            String title,
            UUID ownerId,
            String ownerName,
            String status,
            String kind,
            List<String> sectors,
            List<String> targetGroups,
            List<String> frameworkItems,
            Integer percentComplete,
            String rag,
            LocalDate reportPeriodEnd,
            NextMilestone nextMilestone,
            boolean overdue,
            Integer daysOverdue,
            List<FundingTotal> funding,
            String classification,
            UUID planId,
            LocalDate startDate,
            LocalDate endDate,
            LocalDate reportDueOn,
            List<MilestoneItem> lateMilestones,
            List<MilestoneItem> missedMilestones) {

        public TrackerItem {
            lateMilestones = lateMilestones == null ? List.of() : lateMilestones;
            missedMilestones = missedMilestones == null ? List.of() : missedMilestones;
            sectors = sectors == null ? List.of() : sectors;
            targetGroups = targetGroups == null ? List.of() : targetGroups;
            frameworkItems = frameworkItems == null ? List.of() : frameworkItems;
            funding = funding == null ? List.of() : funding;
        }
    }

    /**
     * What the tracker adds up to for the caller: how many actions they see, the owners of those actions (name null
     * when the forum service knows none) and each sector's actions not cancelled with their average percent complete.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrackerSummary(long actions, List<OwnerActions> owners, List<SectorProgress> sectors) {

        public TrackerSummary {
            owners = owners == null ? List.of() : owners;
            sectors = sectors == null ? List.of() : sectors;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnerActions(
            UUID organisationId, @Nullable String name, long actions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SectorProgress(String sector, long actions, double averagePercentComplete) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoverageCell(
            String sector,
            String group,
            String area,
            String coverage,
            int needs,
            List<UUID> needIds,
            List<UUID> actionIds,
            int inputs) {

        public CoverageCell {
            needIds = needIds == null ? List.of() : needIds;
            actionIds = actionIds == null ? List.of() : actionIds;
        }
    }

    /**
     * A round's overall score; {@code percent} is out of {@code assessedMax}, the maximum of the questions someone
     * answered ({@code questionsAssessed} of {@code questions}). The coverage is null for rounds published before
     * scores carried it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoundScore(
            UUID roundId,
            String title,
            Instant publishedAt,
            Double points,
            Integer max,
            Double percent,
            int respondents,
            List<String> divergentQuestions,
            @Nullable Integer assessedMax,
            @Nullable Integer questionsAssessed,
            @Nullable Integer questions) {}

    /** A recommendation's score with its coverage (null for rounds published before scores carried it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecommendationScore(
            String code,
            double points,
            int max,
            @Nullable Integer assessedMax,
            @Nullable Integer questionsAssessed,
            @Nullable Integer questions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Readiness(
            RoundScore latest,
            List<RoundScore> trend,
            Double change,
            List<RecommendationScore> recommendations,
            List<String> divergentQuestions) {

        public Readiness {
            trend = trend == null ? List.of() : trend;
            recommendations = recommendations == null ? List.of() : recommendations;
            divergentQuestions = divergentQuestions == null ? List.of() : divergentQuestions;
        }
    }

    /**
     * A coherence flag: its check's code and, in {@code parameters}, what its English {@code summary} says (absent
     * for a flag the forum service has not checked since it began keeping them), for wording it in the reader's
     * language; {@code severity} is {@code LOW}, {@code MEDIUM} or {@code HIGH} (absent on flags raised before it).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(
            UUID flagId,
            long version,
            UUID forumId,
            String checkCode,
            String key,
            List<UUID> recordIds,
            String summary,
            String status,
            String reason,
            boolean conditionHolds,
            Instant createdAt,
            Instant updatedAt,
            FlagParameters parameters,
            @Nullable String severity) {

        public Flag {
            recordIds = recordIds == null ? List.of() : recordIds;
        }
    }

    /**
     * The records a flag names (kind and title, in the order of its record ids) and what its check found: a checklist
     * action and its questions, a framework target, registered and estimated counts, the date of stale evidence and
     * the forum's threshold in days, what a record lacks ({@code missing}), a recommendation's score before and after.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FlagParameters(
            List<FlaggedRecord> records,
            List<String> sectors,
            List<String> groups,
            List<String> areas,
            String questionCode,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate dueOn,
            Integer daysOverdue,
            @Nullable String checklistAction,
            List<String> questionCodes,
            @Nullable String frameworkItem,
            @Nullable Long registered,
            @Nullable Long estimated,
            @Nullable LocalDate asOf,
            @Nullable Integer limitDays,
            List<String> missing,
            @Nullable String recommendationCode,
            @Nullable Integer percentBefore,
            @Nullable Integer percentAfter) {

        public FlagParameters {
            records = records == null ? List.of() : records;
            sectors = sectors == null ? List.of() : sectors;
            groups = groups == null ? List.of() : groups;
            areas = areas == null ? List.of() : areas;
            questionCodes = questionCodes == null ? List.of() : questionCodes;
            missing = missing == null ? List.of() : missing;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FlaggedRecord(UUID recordId, String kind, String title) {}

    /**
     * How a forum tunes its coherence checks: checks turned off, severities it rates otherwise (check code to
     * {@code LOW}, {@code MEDIUM} or {@code HIGH}) and the thresholds; see docs/coherence-checks.md.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckSettings(
            List<String> disabledChecks,
            Map<String, String> severities,
            @Nullable Integer staleAfterDays,
            @Nullable Integer transitionNoticeDays,
            @Nullable Double undercountRatio,
            @Nullable Long smallCityMinimum,
            List<String> requiredBreakdown,
            List<String> priorityFrameworkItems,
            @Nullable Integer regressionPercent,
            @Nullable Integer needReviewDays) {

        public CheckSettings {
            disabledChecks = disabledChecks == null ? List.of() : disabledChecks;
            severities = severities == null ? Map.of() : severities;
            requiredBreakdown = requiredBreakdown == null ? List.of() : requiredBreakdown;
            priorityFrameworkItems = priorityFrameworkItems == null ? List.of() : priorityFrameworkItems;
        }
    }

    /** The last run of a forum's checks: when, how long (microseconds), over how many actions, how many findings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastRun(Instant at, long tookMicros, int actions, int findings) {}

    /**
     * A forum's check settings with their version ({@code 0} while the forum keeps the defaults), the defaults, who
     * changed them last and when, and the last run of the checks (none before the first).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoherenceSettings(
            long version,
            CheckSettings settings,
            CheckSettings defaults,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy,
            @Nullable LastRun lastRun) {}

    /**
     * The forum as it stood at a time ({@code tracker}), the newest changes since of records the caller sees, and how
     * many there are in all.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AsOf(Instant at, List<TrackerItem> tracker, List<Change> changesSince, long changesTotal) {

        public AsOf {
            tracker = tracker == null ? List.of() : tracker;
            changesSince = changesSince == null ? List.of() : changesSince;
        }
    }

    /** One event about a record of the forum: its type, time, the record's type, id and (when known) title. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(
            String eventId, String type, Instant time, String recordType, UUID recordId, UUID actionId, String title) {}

    /**
     * A population estimate as the forum shows it to every member, its owner too: counts suppressed below 5
     * ({@code "<5"}), others rounded to a multiple of 5.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EstimateItem(
            UUID estimateId,
            UUID ownerId,
            String ownerName,
            String seriesId,
            AssessmentsApi.Area area,
            String group,
            AssessmentsApi.Count registered,
            AssessmentsApi.Count estimated,
            List<AssessmentsApi.Cell> breakdown,
            String source,
            String method,
            LocalDate asOf,
            String classification) {

        public EstimateItem {
            breakdown = breakdown == null ? List.of() : breakdown;
        }
    }

    /**
     * The tracker's query as the forum service takes it: filters, sort ({@code title}, {@code -startDate}, ...),
     * page from 0 and page size.
     */
    public record TrackerQuery(
            @Nullable UUID org,
            @Nullable String sector,
            @Nullable String group,
            @Nullable String status,
            @Nullable String area,
            @Nullable String sort,
            @Nullable Integer page,
            @Nullable Integer size) {

        public static final TrackerQuery ALL = new TrackerQuery(null, null, null, null, null, null, null, null);

        void apply(UriBuilder uri) {
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            params.put("org", org);
            params.put("sector", sector);
            params.put("group", group);
            params.put("status", status);
            params.put("area", area);
            params.put("sort", sort);
            params.put("page", page);
            params.put("size", size);
            params.forEach((k, v) -> {
                if (v != null && !String.valueOf(v).isBlank()) {
                    uri.queryParam(k, v);
                }
            });
        }

        public TrackerQuery withPage(int p, int s) {
            return new TrackerQuery(org, sector, group, status, area, sort, p, s);
        }
    }

    public List<ForumSummary> myForums() {
        return required(
                client.get().uri("/forums").retrieve().body(new ParameterizedTypeReference<List<ForumSummary>>() {}));
    }

    public Listing<TrackerItem> tracker(UUID forumId, TrackerQuery query) {
        return required(client.get()
                .uri(uri -> {
                    uri.path("/forums/{forumId}/tracker");
                    query.apply(uri);
                    return uri.build(forumId);
                })
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<TrackerItem>>() {}));
    }

    /** The tracker's counts for the caller: in one request, however many actions the forum has. */
    public TrackerSummary trackerSummary(UUID forumId) {
        return required(client.get()
                .uri("/forums/{forumId}/tracker/summary", forumId)
                .retrieve()
                .body(TrackerSummary.class));
    }

    /** Every action of the forum the caller sees, page after page. */
    public List<TrackerItem> allActions(UUID forumId) {
        return allActions(forumId, TrackerQuery.ALL);
    }

    /** Every action of the forum the caller sees that the query selects, in its order, page after page. */
    public List<TrackerItem> allActions(UUID forumId, TrackerQuery query) {
        List<TrackerItem> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Listing<TrackerItem> p = tracker(forumId, query.withPage(page, MAX_PAGE));
            all.addAll(p.items());
            if (page + 1 >= p.totalPages()) {
                return all;
            }
        }
    }

    /** Every population estimate within the forum's area that the caller sees, of a group or all, newest first. */
    public List<EstimateItem> population(UUID forumId, @Nullable String group) {
        List<EstimateItem> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            int p = page;
            Listing<EstimateItem> listed = required(client.get()
                    .uri(uri -> {
                        uri.path("/forums/{forumId}/population")
                                .queryParam("size", MAX_PAGE)
                                .queryParam("page", p);
                        if (group != null) {
                            uri.queryParam("group", group);
                        }
                        return uri.build(forumId);
                    })
                    .retrieve()
                    .body(new ParameterizedTypeReference<Listing<EstimateItem>>() {}));
            all.addAll(listed.items());
            if (page + 1 >= listed.totalPages()) {
                return all;
            }
        }
    }

    public List<CoverageCell> needsCoverage(UUID forumId) {
        return required(client.get()
                .uri("/forums/{forumId}/needs-coverage", forumId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<CoverageCell>>() {}));
    }

    public Readiness readiness(UUID forumId) {
        return required(client.get()
                .uri("/forums/{forumId}/readiness", forumId)
                .retrieve()
                .body(Readiness.class));
    }

    /**
     * Which of a forum's flags to list, as the forum service takes them: of any of the statuses (all when none), a
     * severity, a check, an organisation they name (itself or an action or a need it owns), newest or oldest first,
     * a page from 0 and its size.
     */
    public record FlagQuery(
            List<String> statuses,
            @Nullable String severity,
            @Nullable String check,
            @Nullable UUID organisation,
            boolean oldestFirst,
            int page,
            int size) {

        public static final FlagQuery ALL = new FlagQuery(List.of(), null, null, null, false, 0, MAX_PAGE);

        /** The open and the acknowledged flags, newest first. */
        public static final FlagQuery WAITING =
                new FlagQuery(List.of("OPEN", "ACKNOWLEDGED"), null, null, null, false, 0, MAX_PAGE);

        public FlagQuery {
            statuses = List.copyOf(statuses);
        }

        /** The same flags, only those naming the organisation (itself or an action or a need it owns). */
        public FlagQuery naming(UUID org) {
            return new FlagQuery(statuses, severity, check, org, oldestFirst, page, size);
        }

        public FlagQuery withPage(int p, int s) {
            return new FlagQuery(statuses, severity, check, organisation, oldestFirst, p, s);
        }

        void apply(UriBuilder uri) {
            if (!statuses.isEmpty()) {
                uri.queryParam("status", String.join(",", statuses));
            }
            if (severity != null) {
                uri.queryParam("severity", severity);
            }
            if (check != null) {
                uri.queryParam("check", check);
            }
            if (organisation != null) {
                uri.queryParam("organisation", organisation);
            }
            uri.queryParam("sort", oldestFirst ? "oldest" : "newest");
            uri.queryParam("page", page);
            uri.queryParam("size", size);
        }
    }

    /** One page of the forum's flags the query selects (those the caller may read). */
    public Listing<Flag> flags(UUID forumId, FlagQuery query) {
        return required(client.get()
                .uri(uri -> {
                    uri.path("/forums/{forumId}/flags");
                    query.apply(uri);
                    return uri.build(forumId);
                })
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Flag>>() {}));
    }

    /** Every flag of the forum the query selects, in its order, page after page. */
    public List<Flag> allFlags(UUID forumId, FlagQuery query) {
        List<Flag> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Listing<Flag> p = flags(forumId, query.withPage(page, MAX_PAGE));
            all.addAll(p.items());
            if (page + 1 >= p.totalPages()) {
                return all;
            }
        }
    }

    /**
     * One flag of the forum as the list shows it; empty when the forum service answers 404: an unknown flag, one of
     * another forum, one naming a record the caller may not read, or a forum the caller has no seat in.
     */
    public Optional<Flag> flag(UUID forumId, UUID flagId) {
        try {
            return Optional.of(required(client.get()
                    .uri("/forums/{forumId}/flags/{flagId}", forumId, flagId)
                    .retrieve()
                    .body(Flag.class)));
        } catch (ServiceProblem e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * One decision on a flag: the status it left and the one it set, when, by whom (user name, organisation) and
     * why; who and why are absent for a reader who may not know of the deciding organisation.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FlagDecision(
            long version,
            String from,
            String to,
            @Nullable String reason,
            Instant at,
            @Nullable String by,
            @Nullable UUID byOrganisation) {}

    /** The decisions taken on a flag, oldest first. */
    public List<FlagDecision> flagHistory(UUID forumId, UUID flagId) {
        return required(client.get()
                .uri("/forums/{forumId}/flags/{flagId}/history", forumId, flagId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<FlagDecision>>() {}));
    }

    /**
     * Acknowledges, resolves or dismisses a flag ({@code decision} as the forum service names it) at the version
     * read, with the reason given (required to resolve or dismiss).
     */
    public Flag decide(UUID forumId, UUID flagId, String decision, long version, @Nullable String reason) {
        return required(client.post()
                .uri("/forums/{forumId}/flags/{flagId}/{decision}", forumId, flagId, decision)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(reason == null ? Map.of() : Map.of("reason", reason))
                .retrieve()
                .body(Flag.class));
    }

    /** The settings of the forum's coherence checks (its members only). */
    public CoherenceSettings checkSettings(UUID forumId) {
        return required(client.get()
                .uri("/forums/{forumId}/coherence-settings", forumId)
                .retrieve()
                .body(CoherenceSettings.class));
    }

    /**
     * Replaces the forum's check settings (its coordinators only) at the version read; a field left out takes its
     * default. The forum service runs the checks again before it answers.
     */
    public CoherenceSettings replaceCheckSettings(UUID forumId, long version, Map<String, Object> body) {
        return required(client.put()
                .uri("/forums/{forumId}/coherence-settings", forumId)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(CoherenceSettings.class));
    }

    /** The forum's tracker as it stood at the instant, and the newest of what changed since (at most {@code changes}). */
    public AsOf asOf(UUID forumId, Instant at, int changes) {
        return required(client.get()
                .uri(uri -> uri.path("/forums/{forumId}/as-of")
                        .queryParam("at", at.toString())
                        .queryParam("changes", changes)
                        .build(forumId))
                .retrieve()
                .body(AsOf.class));
    }

    /** The exports the forum service makes, with the media type it answers in. */
    public enum Export {
        THREE_W("3w.csv", "text/csv"),
        IATI("iati.xml", "application/xml");

        public final String file;
        public final String mediaType;

        Export(String file, String mediaType) {
            this.file = file;
            this.mediaType = mediaType;
        }
    }

    /** Streams an export to the consumer, as the service wrote it. */
    public void export(UUID forumId, Export export, Consumer<java.io.InputStream> into) {
        client.get()
                .uri("/forums/{forumId}/exports/{file}", forumId, export.file)
                .accept(MediaType.parseMediaType(export.mediaType))
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw ApiClients.problem(Service.FORUM, response, json);
                    }
                    into.accept(response.getBody());
                    return true;
                });
    }

    /**
     * Opens the forum's live stream (server-sent events) with the given access token and hands its body to the
     * reader, on the calling thread (which need not be a request's), until the stream ends.
     */
    public void stream(UUID forumId, String accessToken, Consumer<java.io.InputStream> reader) {
        streams.get()
                .uri("/forums/{forumId}/stream", forumId)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(accessToken))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .exchange(
                        (request, response) -> {
                            if (response.getStatusCode().isError()) {
                                throw ApiClients.problem(Service.FORUM, response, json);
                            }
                            reader.accept(response.getBody());
                            return true;
                        },
                        false);
    }
}
