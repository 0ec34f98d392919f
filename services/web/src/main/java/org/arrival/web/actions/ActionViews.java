package org.arrival.web.actions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.arrival.web.actions.ActionView.Child;
import org.arrival.web.actions.ActionView.ContributionRow;
import org.arrival.web.actions.ActionView.FundingRow;
import org.arrival.web.actions.ActionView.HistoryRow;
import org.arrival.web.actions.ActionView.Linked;
import org.arrival.web.actions.ActionView.MilestoneRow;
import org.arrival.web.actions.ActionView.Named;
import org.arrival.web.actions.ActionView.Parent;
import org.arrival.web.actions.ActionView.Rights;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.Cascade;
import org.arrival.web.api.actionplans.ActionPlansApi.Funding;
import org.arrival.web.api.actionplans.ActionPlansApi.Milestone;
import org.arrival.web.api.actionplans.ActionPlansApi.Reporting;
import org.arrival.web.api.actionplans.ActionPlansApi.Revision;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Gathers an action's page from the services, each call with the reader's token, and names every reference. */
@Component
public class ActionViews {

    private final ActionPlansApi actions;
    private final References references;
    private final ZoneId zone;

    public ActionViews(
            ActionPlansApi actions, References references, @Value("${arrival.web.time-zone:UTC}") String zone) {
        this.actions = actions;
        this.references = references;
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** The action's page for the reader; an action they may not read is answered by the service as not found. */
    public ActionView of(UUID id, @Nullable SignedInUser reader) {
        Action action = actions.action(id);
        References.Lookup names = references.lookup();
        UUID readerOrg = reader == null ? null : reader.organisationId();
        boolean owns = readerOrg != null && readerOrg.equals(action.ownerId());
        boolean editor = reader != null && reader.editsForOrganisation();
        boolean edit = owns && editor && Lifecycle.open(action.status());
        Rights rights =
                new Rights(owns, edit, owns && editor && Lifecycle.reportable(action.status()), !owns && editor);

        String planTitle = action.planId() == null ? null : planTitle(action.planId());
        List<Named> participants = action.participants().stream()
                .map(p -> new Named(p.organisationId(), names.organisation(p.organisationId()), p.role()))
                .toList();
        List<Named> expected = action.expectedImplementers().stream()
                .map(o -> new Named(o, names.organisation(o), null))
                .toList();

        Parent parent = parent(action, names);
        ActionView.CascadeView cascade = action.requiresLocalImplementation() ? cascade(action.id(), names) : null;

        LocalDate today = today();
        Reporting reporting = actions.reporting(id);
        List<MilestoneRow> milestones = actions.milestones(id).stream()
                .map(m -> new MilestoneRow(m, daysLate(m, today), edit && changeable(m)))
                .toList();
        Funding funding = actions.funding(id);
        List<FundingRow> lines = funding.lines().stream()
                .map(l -> new FundingRow(
                        l,
                        l.sourceId() != null
                                ? Objects.requireNonNullElse(names.organisation(l.sourceId()), l.sourceName())
                                : l.sourceName(),
                        Lifecycle.open(action.status())
                                && editor
                                && readerOrg != null
                                && (owns || readerOrg.equals(l.sourceId()))))
                .toList();

        List<Linked> needs = new ArrayList<>();
        for (UUID needId : action.needIds()) {
            Need need = names.need(needId);
            if (need != null) {
                needs.add(new Linked(
                        needId.toString(),
                        need.statement(),
                        need.area() == null ? null : need.area().areaName(),
                        "/needs/" + needId));
            }
        }
        List<References.GapName> gaps = action.gapIds().isEmpty()
                ? List.of()
                : action.gapIds().stream()
                        .map(names::gap)
                        .filter(Objects::nonNull)
                        .toList();
        List<Linked> framework = action.frameworkItems().stream()
                .map(code -> {
                    var item = names.frameworkItem(code);
                    return new Linked(code, item == null ? code : item.title(), code, null);
                })
                .toList();
        List<String> forums = action.sharedWithForums().stream()
                .map(names::forum)
                .filter(Objects::nonNull)
                .toList();

        List<ContributionRow> contributions = actions.contributions(id).stream()
                .map(c -> new ContributionRow(
                        c,
                        names.organisation(c.contributorId()),
                        readerOrg != null && readerOrg.equals(c.contributorId())))
                .toList();
        List<HistoryRow> history = owns ? history(id, reader, names) : null;
        return new ActionView(
                action,
                names.organisation(action.ownerId()),
                rights,
                planTitle,
                participants,
                expected,
                parent,
                cascade,
                actions.reports(id),
                reporting,
                milestones,
                lines,
                funding.totals(),
                needs,
                action.needIds().size() - needs.size(),
                gaps,
                action.gapIds().size() - gaps.size(),
                framework,
                forums,
                action.sharedWithForums().size() - forums.size(),
                contributions,
                history,
                owns && editor ? Lifecycle.next(action.status()) : List.of());
    }

    private @Nullable String planTitle(UUID planId) {
        try {
            return actions.plan(planId).title();
        } catch (ServiceProblem e) {
            if (e.notFound() || e.forbidden()) {
                return null;
            }
            throw e;
        }
    }

    private @Nullable Parent parent(Action action, References.Lookup names) {
        if (action.implementsActionId() == null) {
            return null;
        }
        try {
            Action commitment = actions.action(action.implementsActionId());
            return new Parent(
                    commitment.id(),
                    commitment.title(),
                    names.organisation(commitment.ownerId()),
                    commitment.status(),
                    action.weight());
        } catch (ServiceProblem e) {
            if (e.notFound() || e.forbidden()) {
                return null;
            }
            throw e;
        }
    }

    private ActionView.CascadeView cascade(UUID id, References.Lookup names) {
        Cascade cascade = actions.cascade(id);
        List<Child> children = cascade.children().stream()
                .map(c -> new Child(
                        c.id(), c.title(), names.organisation(c.ownerId()), c.status(), c.weight(), c.latestPercent()))
                .toList();
        List<String> missing = cascade.missingImplementers().stream()
                .map(names::organisation)
                .filter(Objects::nonNull)
                .toList();
        return new ActionView.CascadeView(children, cascade.percentComplete(), missing, cascade.childrenNotShown());
    }

    private @Nullable List<HistoryRow> history(UUID id, @Nullable SignedInUser reader, References.Lookup names) {
        List<Revision> revisions;
        try {
            revisions = actions.history(id);
        } catch (ServiceProblem e) {
            if (e.notFound() || e.forbidden()) {
                return null;
            }
            throw e;
        }
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            Revision r = revisions.get(i);
            UUID org = parse(r.organisationId());
            rows.add(new HistoryRow(
                    r,
                    reader != null
                            && reader.subject() != null
                            && reader.subject().equals(r.userId()),
                    org == null ? null : names.organisation(org)));
        }
        return rows;
    }

    /**
     * How late a planned milestone is today: as the service says ({@code late}, {@code daysLate}), or, from a
     * service that does not say, from its due date and the clock. A missed milestone is marked by its status.
     */
    static @Nullable Long daysLate(Milestone m, LocalDate today) {
        if (m.late() != null) {
            return m.late()
                    ? (m.daysLate() != null
                            ? m.daysLate()
                            : m.dueOn() == null ? 1L : Math.max(1, ChronoUnit.DAYS.between(m.dueOn(), today)))
                    : null;
        }
        if ("PLANNED".equals(m.status()) && m.dueOn() != null && m.dueOn().isBefore(today)) {
            return ChronoUnit.DAYS.between(m.dueOn(), today);
        }
        return null;
    }

    static boolean changeable(Milestone m) {
        return "PLANNED".equals(m.status()) || "MISSED".equals(m.status());
    }

    private static @Nullable UUID parse(@Nullable String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
