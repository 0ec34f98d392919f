package org.arrival.web.api.actionplans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The action-plans service's public API: plans, actions, milestones, progress, funding. */
@Component
public class ActionPlansApi {

    /** The largest page the service serves. */
    public static final int MAX_PAGE = 200;

    private final RestClient client;

    public ActionPlansApi(ApiClients clients) {
        this.client = clients.client(Service.ACTION_PLANS);
    }

    /** A plan or policy, as the action-plans service shows it to the reader. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(UUID id, long version, UUID ownerId, String title, String type, LocalDate periodStart,
            LocalDate periodEnd, String status, String classification) {
    }

    public Plan plan(UUID id) {
        return client.get().uri("/plans/{id}", id).retrieve().body(Plan.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(UUID id, long version, UUID ownerId, UUID planId, String title, String description,
            String kind, List<String> sectors, List<String> targetGroups, LocalDate startDate, LocalDate endDate,
            String status, String classification) {
    }

    public Action action(UUID id) {
        return client.get().uri("/actions/{id}", id).retrieve().body(Action.class);
    }

    /** An organisation's actions that the caller may see, by title (the first 200), e.g. to link one to a need. */
    public List<Action> actionsOwnedBy(UUID owner) {
        return client.get().uri("/actions?owner={owner}&size=200&sort=title", owner).retrieve()
                .body(new ParameterizedTypeReference<Page<Action>>() {
                }).items();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }

    /** Every action of the organisation the caller may read, page after page, newest first. */
    public List<Action> actionsOf(UUID owner) {
        List<Action> all = new ArrayList<>();
        for (int page = 0;; page++) {
            int p = page;
            Page<Action> found = client.get()
                    .uri(uri -> uri.path("/actions").queryParam("owner", owner).queryParam("sort", "-createdAt")
                            .queryParam("page", p).queryParam("size", MAX_PAGE).build())
                    .retrieve().body(new ParameterizedTypeReference<Page<Action>>() {
                    });
            all.addAll(found.items());
            if (page + 1 >= found.totalPages()) {
                return all;
            }
        }
    }

    // ---- reporting: where an action's reports and milestones stand

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastReport(UUID id, LocalDate periodStart, LocalDate periodEnd, int percentComplete, String rag,
            Instant reportedAt) {
    }

    /** A reporting period and the day its report is due. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DuePeriod(LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn) {
    }

    /** A milestone that is late (by {@code daysLate} days), missed or due next. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MilestoneDue(UUID id, String title, LocalDate dueOn, Long daysLate) {
    }

    /**
     * Where an action's reporting stands as of {@code asOf}: the last report, the period due next ({@code nextDue},
     * overdue by {@code daysOverdue} days when {@code overdue}), and its milestones late, missed and due next.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reporting(UUID actionId, String status, String cadence, LocalDate asOf, boolean reportsExpected,
            int graceDays, LastReport lastReport, DuePeriod nextDue, boolean overdue, long daysOverdue,
            List<MilestoneDue> lateMilestones, List<MilestoneDue> missedMilestones, MilestoneDue nextMilestone) {

        public Reporting {
            lateMilestones = lateMilestones == null ? List.of() : lateMilestones;
            missedMilestones = missedMilestones == null ? List.of() : missedMilestones;
        }
    }

    public Reporting reporting(UUID actionId) {
        return client.get().uri("/actions/{id}/reporting", actionId).retrieve().body(Reporting.class);
    }

    // ---- progress reports

    /** An indicator's values; for one counting people, {@code suppressed} names the values left out for others. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(String name, String unit, Double baseline, Double target, Double actual,
            List<String> suppressed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(UUID id, UUID actionId, LocalDate periodStart, LocalDate periodEnd, String actionStatus,
            int percentComplete, String rag, String narrative, List<Indicator> indicators, Instant reportedAt) {

        public Report {
            indicators = indicators == null ? List.of() : indicators;
        }
    }

    /** A report as its owner sends it (field names as the API's, so its refusals name the form's fields). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportDraft(LocalDate periodStart, LocalDate periodEnd, Integer percentComplete, String rag,
            String narrative, List<IndicatorDraft> indicators) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorDraft(String name, String unit, Double baseline, Double target, Double actual) {
    }

    public Report report(UUID actionId, UUID reportId) {
        return client.get().uri("/actions/{id}/reports/{report}", actionId, reportId).retrieve().body(Report.class);
    }

    public Report publishReport(UUID actionId, ReportDraft draft) {
        return client.post().uri("/actions/{id}/reports", actionId).contentType(MediaType.APPLICATION_JSON)
                .body(draft).retrieve().body(Report.class);
    }

    // ---- contributions: comments, endorsements and objections of other organisations

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contribution(UUID id, UUID actionId, UUID contributorId, String kind, String text,
            Instant createdAt) {
    }

    /** The newest contributions to the action (at most {@code size}), newest first. */
    public List<Contribution> contributions(UUID actionId, int size) {
        return client.get().uri(uri -> uri.path("/actions/{id}/contributions").queryParam("size", size)
                .build(actionId)).retrieve().body(new ParameterizedTypeReference<Page<Contribution>>() {
                }).items();
    }
}
