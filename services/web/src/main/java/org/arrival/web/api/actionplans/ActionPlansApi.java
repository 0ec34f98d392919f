package org.arrival.web.api.actionplans;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.SpreadsheetImports;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The action-plans service's public API: plans, actions, milestones, progress, funding, and their spreadsheets. */
@Component
public class ActionPlansApi {

    /** The largest page the service gives. */
    public static final int MAX_PAGE = 200;

    private final RestClient client;
    private final SpreadsheetImports spreadsheets;

    public ActionPlansApi(ApiClients clients) {
        this.client = clients.client(Service.ACTION_PLANS);
        this.spreadsheets = new SpreadsheetImports(client);
    }

    /** A place: country and subdivision codes, an area code below them and its name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Area(
            @Nullable String country,
            @Nullable String subdivision,
            @Nullable String areaCode,
            @Nullable String areaName) {}

    /** Another organisation taking part in an action, in its IATI role. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Participant(UUID organisationId, @Nullable String role) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(
            UUID id,
            long version,
            UUID ownerId,
            @Nullable UUID planId,
            String title,
            @Nullable String description,
            @Nullable String kind,
            @Nullable String orientation,
            List<String> sectors,
            List<String> targetGroups,
            List<Area> areas,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable String reportingCadence,
            List<Participant> participants,
            @Nullable UUID implementsActionId,
            Boolean requiresLocalImplementation,
            List<UUID> expectedImplementers,
            @Nullable Integer weight,
            List<UUID> needIds,
            List<UUID> gapIds,
            List<String> frameworkItems,
            String status,
            String classification,
            List<UUID> sharedWithForums,
            Instant createdAt,
            Instant updatedAt) {

        public Action {
            requiresLocalImplementation = Boolean.TRUE.equals(requiresLocalImplementation);
            sectors = orEmpty(sectors);
            targetGroups = orEmpty(targetGroups);
            areas = orEmpty(areas);
            participants = orEmpty(participants);
            expectedImplementers = orEmpty(expectedImplementers);
            needIds = orEmpty(needIds);
            gapIds = orEmpty(gapIds);
            frameworkItems = orEmpty(frameworkItems);
            sharedWithForums = orEmpty(sharedWithForums);
        }
    }

    /**
     * An action as sent to record or edit it: every field, since an edit replaces the whole action. Null fields are
     * left out of the body.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionBody(
            @Nullable UUID planId,
            String title,
            @Nullable String description,
            @Nullable String kind,
            @Nullable String orientation,
            List<String> sectors,
            List<String> targetGroups,
            List<Area> areas,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable String reportingCadence,
            List<Participant> participants,
            @Nullable UUID implementsActionId,
            @Nullable Boolean requiresLocalImplementation,
            List<UUID> expectedImplementers,
            @Nullable Integer weight,
            List<UUID> needIds,
            List<UUID> gapIds,
            List<String> frameworkItems,
            @Nullable String classification,
            List<UUID> sharedWithForums) {}

    /** What to list: the filters the service takes, a page and an order ({@code -createdAt}, {@code title}, ...). */
    public record ActionQuery(
            @Nullable UUID owner,
            @Nullable String status,
            @Nullable UUID implementsActionId,
            int page,
            int size,
            @Nullable String sort) {}

    /** A commitment's local implementations as the caller may see them, with the weighted roll-up of their progress. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cascade(
            UUID actionId,
            List<CascadeChild> children,
            @Nullable Integer childrenNotShown,
            @Nullable Double percentComplete,
            List<UUID> missingImplementers) {

        public Cascade {
            children = orEmpty(children);
            missingImplementers = orEmpty(missingImplementers);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CascadeChild(
            UUID id,
            UUID ownerId,
            String title,
            String status,
            int weight,
            @Nullable Integer latestPercent) {}

    /** One version of a record: what happened, when, by whom, which fields changed and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revision(
            long version,
            String change,
            Instant at,
            @Nullable String userId,
            @Nullable String organisationId,
            List<String> changedFields,
            @Nullable String reason) {

        public Revision {
            changedFields = orEmpty(changedFields);
        }
    }

    /** A milestone; {@code late} and {@code daysLate} as the service derives them on the day it is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Milestone(
            UUID id,
            long version,
            UUID actionId,
            String title,
            @Nullable LocalDate dueOn,
            @Nullable LocalDate reachedOn,
            String status,
            @Nullable Boolean late,
            @Nullable Long daysLate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FundingLine(
            UUID id,
            long version,
            UUID actionId,
            @Nullable UUID sourceId,
            @Nullable String sourceName,
            String currency,
            @Nullable BigDecimal required,
            @Nullable BigDecimal committed,
            @Nullable BigDecimal disbursed,
            Instant createdAt,
            Instant updatedAt) {}

    /** What is required, committed and disbursed in one currency, and the gap (required less committed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FundingTotal(
            String currency, BigDecimal required, BigDecimal committed, BigDecimal disbursed, BigDecimal gap) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Funding(UUID actionId, List<FundingLine> lines, List<FundingTotal> totals) {

        public Funding {
            lines = orEmpty(lines);
            totals = orEmpty(totals);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FundingBody(
            @Nullable UUID sourceId,
            @Nullable String sourceName,
            @Nullable String currency,
            @Nullable BigDecimal required,
            @Nullable BigDecimal committed,
            @Nullable BigDecimal disbursed) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contribution(
            UUID id,
            UUID actionId,
            UUID contributorId,
            String kind,
            @Nullable String text,
            Instant createdAt) {}

    /**
     * An indicator's values; counts of people come rounded to 5 for everyone but the action's owner, and a value
     * below 5 is left out and named in {@code suppressed}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(
            String name,
            @Nullable String unit,
            @Nullable Double baseline,
            @Nullable Double target,
            @Nullable Double actual,
            List<String> suppressed) {

        public Indicator {
            suppressed = orEmpty(suppressed);
        }

        public boolean suppressed(String value) {
            return suppressed.contains(value);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(
            UUID id,
            UUID actionId,
            LocalDate periodStart,
            LocalDate periodEnd,
            String actionStatus,
            int percentComplete,
            String rag,
            String narrative,
            List<Indicator> indicators,
            Instant reportedAt) {

        public Report {
            indicators = orEmpty(indicators);
        }
    }

    /** A milestone that is late (by {@code daysLate} days), missed or due next. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MilestoneDue(
            UUID id,
            String title,
            LocalDate dueOn,
            @Nullable Long daysLate) {}

    /**
     * Where an action's reporting stands as of {@code asOf}: the last report, the period due next ({@code nextDue},
     * overdue by {@code daysOverdue} days when {@code overdue}), and its milestones late, missed and due next.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reporting(
            UUID actionId,
            String status,
            @Nullable String cadence,
            LocalDate asOf,
            boolean reportsExpected,
            int graceDays,
            @Nullable LastReport lastReport,
            @Nullable DuePeriod nextDue,
            boolean overdue,
            long daysOverdue,
            List<MilestoneDue> lateMilestones,
            List<MilestoneDue> missedMilestones,
            @Nullable MilestoneDue nextMilestone) {

        public Reporting {
            lateMilestones = lateMilestones == null ? List.of() : lateMilestones;
            missedMilestones = missedMilestones == null ? List.of() : missedMilestones;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastReport(
            UUID id, LocalDate periodStart, LocalDate periodEnd, int percentComplete, String rag, Instant reportedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DuePeriod(LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(
            UUID id,
            long version,
            UUID ownerId,
            String title,
            String type,
            LocalDate periodStart,
            LocalDate periodEnd,
            String status,
            String classification) {}

    /** The framework catalogue: the frameworks and the items actions can answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Frameworks(List<Framework> frameworks, List<FrameworkItem> items) {

        public Frameworks {
            frameworks = orEmpty(frameworks);
            items = orEmpty(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Framework(String id, String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FrameworkItem(String code, String framework, String title, String parent) {}

    /** A record as read with its version (the service's ETag), for an edit sent with If-Match. */
    private static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---- actions

    public Action action(UUID id) {
        return required(client.get().uri("/actions/{id}", id).retrieve().body(Action.class));
    }

    public Listing<Action> actions(ActionQuery query) {
        return required(client.get()
                .uri(b -> {
                    UriBuilder u =
                            b.path("/actions").queryParam("page", query.page()).queryParam("size", query.size());
                    if (query.owner() != null) {
                        u.queryParam("owner", query.owner());
                    }
                    if (query.status() != null) {
                        u.queryParam("status", query.status());
                    }
                    if (query.implementsActionId() != null) {
                        u.queryParam("implementsActionId", query.implementsActionId());
                    }
                    if (query.sort() != null) {
                        u.queryParam("sort", query.sort());
                    }
                    return u.build();
                })
                .retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<Listing<Action>>() {}));
    }

    public Action record(ActionBody body) {
        return required(client.post()
                .uri("/actions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Action.class));
    }

    public void revise(UUID id, long version, ActionBody body) {
        client.put()
                .uri("/actions/{id}", id)
                .header("If-Match", ifMatch(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    /** Moves the action along its lifecycle; a reason is required to cancel. */
    public void move(UUID id, long version, String status, @Nullable String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", status);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason);
        }
        client.post()
                .uri("/actions/{id}/status", id)
                .header("If-Match", ifMatch(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    public Cascade cascade(UUID id) {
        return required(client.get().uri("/actions/{id}/cascade", id).retrieve().body(Cascade.class));
    }

    /** The action's versions (its owner only). */
    public List<Revision> history(UUID id) {
        return List.of(required(
                client.get().uri("/actions/{id}/history", id).retrieve().body(Revision[].class)));
    }

    public Reporting reporting(UUID id) {
        return required(
                client.get().uri("/actions/{id}/reporting", id).retrieve().body(Reporting.class));
    }

    // ---- plans and frameworks

    public Plan plan(UUID id) {
        return required(client.get().uri("/plans/{id}", id).retrieve().body(Plan.class));
    }

    /** The plans of an organisation the caller may see. */
    public List<Plan> plans(UUID owner) {
        return required(client.get()
                        .uri(b -> b.path("/plans")
                                .queryParam("owner", owner)
                                .queryParam("size", MAX_PAGE)
                                .queryParam("sort", "title")
                                .build())
                        .retrieve()
                        .body(new org.springframework.core.ParameterizedTypeReference<Listing<Plan>>() {}))
                .items();
    }

    public Frameworks frameworks() {
        return required(client.get().uri("/frameworks").retrieve().body(Frameworks.class));
    }

    // ---- milestones

    public List<Milestone> milestones(UUID actionId) {
        return required(client.get()
                        .uri(b -> b.path("/actions/{id}/milestones")
                                .queryParam("size", MAX_PAGE)
                                .queryParam("sort", "dueOn")
                                .build(actionId))
                        .retrieve()
                        .body(new org.springframework.core.ParameterizedTypeReference<Listing<Milestone>>() {}))
                .items();
    }

    public Milestone milestone(UUID actionId, UUID milestoneId) {
        return required(client.get()
                .uri("/actions/{id}/milestones/{m}", actionId, milestoneId)
                .retrieve()
                .body(Milestone.class));
    }

    public void schedule(UUID actionId, String title, @Nullable LocalDate dueOn) {
        client.post()
                .uri("/actions/{id}/milestones", actionId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(milestoneBody(title, dueOn))
                .retrieve()
                .toBodilessEntity();
    }

    public void reschedule(UUID actionId, UUID milestoneId, long version, String title, @Nullable LocalDate dueOn) {
        client.put()
                .uri("/actions/{id}/milestones/{m}", actionId, milestoneId)
                .header("If-Match", ifMatch(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(milestoneBody(title, dueOn))
                .retrieve()
                .toBodilessEntity();
    }

    public void reach(UUID actionId, UUID milestoneId, long version, @Nullable LocalDate reachedOn) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("reachedOn", reachedOn);
        client.post()
                .uri("/actions/{id}/milestones/{m}/reach", actionId, milestoneId)
                .header("If-Match", ifMatch(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    /** Marks a milestone missed ({@code miss}) or cancelled ({@code cancel}). */
    public void step(UUID actionId, UUID milestoneId, long version, String step) {
        client.post()
                .uri("/actions/{id}/milestones/{m}/{step}", actionId, milestoneId, step)
                .header("If-Match", ifMatch(version))
                .retrieve()
                .toBodilessEntity();
    }

    private static Map<String, Object> milestoneBody(String title, @Nullable LocalDate dueOn) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", title);
        body.put("dueOn", dueOn);
        return body;
    }

    // ---- funding

    public Funding funding(UUID actionId) {
        return required(
                client.get().uri("/actions/{id}/funding", actionId).retrieve().body(Funding.class));
    }

    public FundingLine fundingLine(UUID actionId, UUID lineId) {
        return required(client.get()
                .uri("/actions/{id}/funding/{f}", actionId, lineId)
                .retrieve()
                .body(FundingLine.class));
    }

    public void recordFunding(UUID actionId, FundingBody body) {
        client.post()
                .uri("/actions/{id}/funding", actionId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    public void reviseFunding(UUID actionId, UUID lineId, long version, FundingBody body) {
        client.put()
                .uri("/actions/{id}/funding/{f}", actionId, lineId)
                .header("If-Match", ifMatch(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    // ---- progress reports and contributions

    /** The action's progress reports, newest period first. */
    public List<Report> reports(UUID actionId) {
        return required(client.get()
                        .uri(b -> b.path("/actions/{id}/reports")
                                .queryParam("size", MAX_PAGE)
                                .build(actionId))
                        .retrieve()
                        .body(new org.springframework.core.ParameterizedTypeReference<Listing<Report>>() {}))
                .items();
    }

    /** The contributions to the action, newest first. */
    public List<Contribution> contributions(UUID actionId) {
        return required(client.get()
                        .uri(b -> b.path("/actions/{id}/contributions")
                                .queryParam("size", MAX_PAGE)
                                .build(actionId))
                        .retrieve()
                        .body(new org.springframework.core.ParameterizedTypeReference<Listing<Contribution>>() {}))
                .items();
    }

    public void contribute(UUID actionId, @Nullable String kind, @Nullable String text) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", kind);
        if (text != null && !text.isBlank()) {
            body.put("text", text);
        }
        client.post()
                .uri("/actions/{id}/contributions", actionId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    // ---- for My work and the progress report form

    /** An organisation's actions that the caller may see, by title (the first 200), e.g. to link one to a need. */
    public List<Action> actionsOwnedBy(UUID owner) {
        return required(client.get()
                        .uri("/actions?owner={owner}&size=200&sort=title", owner)
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Action>>() {}))
                .items();
    }

    /** Every action of the organisation the caller may read, page after page, newest first. */
    public List<Action> actionsOf(UUID owner) {
        List<Action> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            int p = page;
            Listing<Action> found = required(client.get()
                    .uri(uri -> uri.path("/actions")
                            .queryParam("owner", owner)
                            .queryParam("sort", "-createdAt")
                            .queryParam("page", p)
                            .queryParam("size", MAX_PAGE)
                            .build())
                    .retrieve()
                    .body(new ParameterizedTypeReference<Listing<Action>>() {}));
            all.addAll(found.items());
            if (page + 1 >= found.totalPages()) {
                return all;
            }
        }
    }

    /** A report as its owner sends it (field names as the API's, so its refusals name the form's fields). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportDraft(
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            @Nullable Integer percentComplete,
            @Nullable String rag,
            @Nullable String narrative,
            List<IndicatorDraft> indicators) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorDraft(
            @Nullable String name,
            @Nullable String unit,
            @Nullable Double baseline,
            @Nullable Double target,
            @Nullable Double actual) {}

    public Report report(UUID actionId, UUID reportId) {
        return required(client.get()
                .uri("/actions/{id}/reports/{report}", actionId, reportId)
                .retrieve()
                .body(Report.class));
    }

    public Report publishReport(UUID actionId, ReportDraft draft) {
        return required(client.post()
                .uri("/actions/{id}/reports", actionId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(draft)
                .retrieve()
                .body(Report.class));
    }

    /** The newest contributions to the action (at most {@code size}), newest first. */
    public List<Contribution> contributions(UUID actionId, int size) {
        return required(client.get()
                        .uri(uri -> uri.path("/actions/{id}/contributions")
                                .queryParam("size", size)
                                .build(actionId))
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Contribution>>() {}))
                .items();
    }

    // ---- a plan's actions

    /** One page of the actions of a plan the caller may read, in a status if given, in the order asked. */
    public Listing<Action> actionsInPlan(UUID plan, @Nullable String status, int page, int size, String sort) {
        return required(client.get()
                .uri(uri -> {
                    UriBuilder u = uri.path("/actions")
                            .queryParam("plan", plan)
                            .queryParam("sort", sort)
                            .queryParam("page", page)
                            .queryParam("size", size);
                    if (status != null) {
                        u.queryParam("status", status);
                    }
                    return u.build();
                })
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Action>>() {}));
    }

    /** The commitments that ask for local implementation the caller may see, by title (the first 200). */
    public List<Action> commitments() {
        return required(client.get()
                        .uri("/actions?requiresLocalImplementation=true&size={size}&sort=title", MAX_PAGE)
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Action>>() {}))
                .items();
    }

    // ---- the spreadsheet round trip: actions, milestones and funding lines

    /** Export, import preview, confirmation, report and discard of this service's records as a spreadsheet. */
    public SpreadsheetImports spreadsheets() {
        return spreadsheets;
    }
}
