package org.arrival.web.actions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.Contribution;
import org.arrival.web.api.actionplans.ActionPlansApi.FundingLine;
import org.arrival.web.api.actionplans.ActionPlansApi.FundingTotal;
import org.arrival.web.api.actionplans.ActionPlansApi.Milestone;
import org.arrival.web.api.actionplans.ActionPlansApi.Report;
import org.arrival.web.api.actionplans.ActionPlansApi.Reporting;
import org.arrival.web.api.actionplans.ActionPlansApi.Revision;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one action as far as the reader may see it, every reference named: what the action page shows.
 * What the reader may do with it ({@link Rights}) only leaves out what the service would refuse.
 */
public record ActionView(
        Action action,
        @Nullable String ownerName,
        Rights rights,
        @Nullable String planTitle,
        List<Named> participants,
        List<Named> expectedImplementers,
        @Nullable Parent parent,
        @Nullable CascadeView cascade,
        List<Report> reports,
        Reporting reporting,
        List<MilestoneRow> milestones,
        List<FundingRow> fundingLines,
        List<FundingTotal> fundingTotals,
        List<Linked> needs,
        int needsNotShown,
        List<References.GapName> gaps,
        int gapsNotShown,
        List<Linked> frameworkItems,
        List<String> forums,
        int forumsNotShown,
        List<ContributionRow> contributions,
        @Nullable List<HistoryRow> history,
        List<String> nextStatuses) {

    /** What the reader may do: the service decides; these only leave out what it is known to refuse. */
    public record Rights(boolean owns, boolean edit, boolean report, boolean contribute) {}

    /** An organisation by name, in a role (participants) or none. */
    public record Named(
            UUID id, @Nullable String name, @Nullable String role) {}

    /** A record by its name, linked to its page when it has one. */
    public record Linked(
            String id,
            String name,
            @Nullable String detail,
            @Nullable String href) {}

    /** The commitment this action implements, and with which weight. */
    public record Parent(
            UUID id,
            String title,
            @Nullable String ownerName,
            String status,
            @Nullable Integer weight) {}

    /** A commitment's local implementations the reader may see, and the roll-up of their progress. */
    public record CascadeView(
            List<Child> children,
            @Nullable Double percentComplete,
            List<String> missingImplementers,
            @Nullable Integer childrenNotShown) {}

    public record Child(
            UUID id,
            String title,
            @Nullable String ownerName,
            String status,
            int weight,
            @Nullable Integer latestPercent) {}

    /** A milestone and, when it is planned and past its due date, by how many days it is late. */
    public record MilestoneRow(
            Milestone milestone, @Nullable Long daysLate, boolean changeable) {

        public boolean late() {
            return daysLate != null && daysLate > 0;
        }

        /** The symbol beside the status, so colour is never the only sign. */
        public String symbol() {
            if (late()) {
                return "⚠";
            }
            return switch (milestone.status() == null ? "" : milestone.status()) {
                case "REACHED" -> "✓";
                case "MISSED" -> "✗";
                case "CANCELLED" -> "–";
                default -> "○";
            };
        }
    }

    /** A funding line with its source named; whether the reader may change it. */
    public record FundingRow(FundingLine line, @Nullable String source, boolean editable) {

        public @Nullable BigDecimal gap() {
            if (line.required() == null || line.committed() == null) {
                return null;
            }
            return line.required().subtract(line.committed()).max(BigDecimal.ZERO);
        }
    }

    public record ContributionRow(
            Contribution contribution, @Nullable String contributorName, boolean ours) {}

    /**
     * One version of the action: when, who (the reader themselves, someone of an organisation, or an organisation's
     * API client), what, why.
     */
    public record HistoryRow(
            Revision revision, boolean byReader, @Nullable String organisationName) {

        public Instant at() {
            return revision.at();
        }

        /** The API client's id when an organisation's system made the change through it (user id {@code client:...}). */
        public @Nullable String apiClient() {
            String user = revision.userId();
            return user != null && user.startsWith(API_CLIENT_PREFIX) && user.length() > API_CLIENT_PREFIX.length()
                    ? user.substring(API_CLIENT_PREFIX.length())
                    : null;
        }
    }

    /** How the services record the user id of a change made through an organisation's API client. */
    public static final String API_CLIENT_PREFIX = "client:";

    public boolean hasCascade() {
        return parent != null || cascade != null;
    }

    public @Nullable LocalDate today() {
        return reporting == null ? null : reporting.asOf();
    }
}
