package org.arrival.forum.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.forum.projection.domain.Places;
import org.arrival.forum.projection.domain.ProjectionStore;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.FundingTotal;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.MilestoneState;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.directory.Viewer;

/**
 * The forum's views over one state of the projection (live or as of a time), filtered for the viewer: records by
 * {@link Viewer#mayRead} with their classification and shared forums, and for enforcement bodies never records of
 * organisations hidden from them.
 */
public class ForumViews {

    private static final Set<String> ACTIVE = Set.of("COMMITTED", "IN_PROGRESS", "COMPLETED", "EVALUATED");

    private final ProjectionStore store;
    private final Organisations replica;
    private final Viewer viewer;

    public ForumViews(ProjectionStore store, Organisations replica, Viewer viewer) {
        this.store = store;
        this.replica = replica;
        this.viewer = viewer;
    }

    public record TrackerFilter(UUID org, String sector, String area, String group, String frameworkItem) {
        public static final TrackerFilter NONE = new TrackerFilter(null, null, null, null, null);
    }

    public record TrackerItem(UUID actionId, String title, UUID ownerId, String ownerName, String status,
            String kind, List<String> sectors, List<String> targetGroups, List<Jurisdiction> areas,
            List<String> frameworkItems, Integer percentComplete, String rag, LocalDate reportPeriodEnd,
            NextMilestone nextMilestone, boolean overdue, Integer daysOverdue, List<FundingTotal> funding,
            String classification) {
    }

    public record NextMilestone(UUID milestoneId, String title, LocalDate dueOn) {
    }

    public record WhoWhatWhere(UUID organisationId, String organisationName, String sector, String area,
            String status, int actions) {
    }

    public record CoverageCell(String sector, String group, String area, String coverage, int needs,
            List<UUID> needIds, List<UUID> actionIds) {
    }

    public record RoundScore(UUID roundId, String title, Instant publishedAt, Double points, Integer max,
            Double percent, int respondents, List<String> divergentQuestions) {
    }

    public record Readiness(RoundScore latest, List<RoundScore> trend, Double change,
            List<Map<String, Object>> recommendations, List<String> divergentQuestions, List<GapItem> gaps) {
    }

    public record GapItem(UUID gapId, String questionCode, String consolidatedAnswer, double points,
            boolean divergent) {
    }

    /** The forum's actions the viewer may see: shared with the forum by organisations holding a seat in it. */
    public List<ActionRow> visibleActions(UUID forumId) {
        Set<UUID> members = store.membershipsOf(forumId).stream().filter(m -> m.active()).map(m -> m.stakeholderId)
                .collect(Collectors.toSet());
        return store.actionsSharedWith(forumId).stream()
                .filter(a -> !a.placeholder && a.ownerId != null && members.contains(a.ownerId))
                .filter(a -> visible(a.ownerId, a.classification, a.sharedWithForums))
                .sorted(Comparator.comparing((ActionRow a) -> a.title == null ? "" : a.title)
                        .thenComparing(a -> a.id))
                .toList();
    }

    public List<TrackerItem> tracker(UUID forumId, TrackerFilter filter) {
        return visibleActions(forumId).stream().filter(a -> matches(a, filter)).map(this::item).toList();
    }

    public List<WhoWhatWhere> whoWhatWhere(UUID forumId) {
        Map<List<Object>, Integer> counts = new TreeMap<>(Comparator.comparing(Object::toString));
        for (ActionRow a : visibleActions(forumId)) {
            List<String> areas = a.areas.isEmpty() ? List.of("") : a.areas.stream().map(ForumViews::areaName).toList();
            for (String sector : a.sectors) {
                for (String area : areas) {
                    counts.merge(List.of(a.ownerId, sector, area, a.status == null ? "" : a.status), 1, Integer::sum);
                }
            }
        }
        List<WhoWhatWhere> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new WhoWhatWhere((UUID) k.get(0), organisationName((UUID) k.get(0)),
                (String) k.get(1), emptyToNull((String) k.get(2)), emptyToNull((String) k.get(3)), n)));
        return out;
    }

    public List<CoverageCell> needsCoverage(UUID forumId) {
        ForumRow forum = store.forum(forumId).orElse(null);
        List<ActionRow> actions = visibleActions(forumId).stream().filter(a -> !"CANCELLED".equals(a.status)).toList();
        Map<List<String>, List<NeedRow>> cells = new LinkedHashMap<>();
        for (NeedRow n : store.needs()) {
            if (!visible(n.ownerId, n.classification, n.sharedWithForums) || !within(n.area, forum)
                    || "RESOLVED".equals(n.status) || "DEPRIORITISED".equals(n.status)) {
                continue;
            }
            for (String group : n.populationGroups) {
                cells.computeIfAbsent(List.of(n.sector, group, areaName(n.area)), k -> new ArrayList<>()).add(n);
            }
        }
        List<CoverageCell> out = new ArrayList<>();
        cells.entrySet().stream().sorted(Comparator.comparing(e -> String.join("|", e.getKey()))).forEach(e -> {
            String sector = e.getKey().get(0);
            String group = e.getKey().get(1);
            List<NeedRow> needs = e.getValue();
            List<ActionRow> covering = new ArrayList<>();
            int addressed = 0;
            boolean onlyPlanned = true;
            for (NeedRow need : needs) {
                List<ActionRow> forNeed = actions.stream().filter(a -> a.needIds.contains(need.id)
                        || (a.sectors.contains(sector) && (a.targetGroups.contains(group)
                                || a.targetGroups.contains("ALL_RESIDENTS")) && covers(a.areas, need.area)))
                        .toList();
                if (!forNeed.isEmpty()) {
                    addressed++;
                    forNeed.stream().filter(a -> !covering.contains(a)).forEach(covering::add);
                    if (forNeed.stream().anyMatch(a -> ACTIVE.contains(a.status))) {
                        onlyPlanned = false;
                    }
                }
            }
            String coverage = addressed == 0 ? "UNCOVERED"
                    : addressed == needs.size() && !onlyPlanned ? "COVERED" : "PARTLY_COVERED";
            out.add(new CoverageCell(sector, group, emptyToNull(e.getKey().get(2)), coverage, needs.size(),
                    needs.stream().map(n -> n.id).toList(), covering.stream().map(a -> a.id).toList()));
        });
        return out;
    }

    public Readiness readiness(UUID forumId) {
        ForumRow forum = store.forum(forumId).orElse(null);
        List<RoundScoreRow> rounds = store.rounds().stream()
                .filter(r -> r.publishedAt != null && r.overallMax != null)
                .filter(r -> visible(r.ownerId, r.classification, r.sharedWithForums))
                .filter(r -> r.sharedWithForums.contains(forumId) || within(r.jurisdiction, forum))
                .sorted(Comparator.comparing((RoundScoreRow r) -> r.publishedAt).thenComparing(r -> r.id)).toList();
        List<RoundScore> trend = rounds.stream().map(ForumViews::score).toList();
        if (rounds.isEmpty()) {
            return new Readiness(null, List.of(), null, List.of(), List.of(), List.of());
        }
        RoundScoreRow latest = rounds.get(rounds.size() - 1);
        RoundScore latestScore = trend.get(trend.size() - 1);
        Double change = trend.size() < 2 || latestScore.percent() == null ? null
                : latestScore.percent() - trend.get(trend.size() - 2).percent();
        List<Map<String, Object>> recommendations = latest.recommendations.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", p.code);
            m.put("points", p.points);
            m.put("max", p.max);
            return m;
        }).toList();
        List<GapItem> gaps = new ArrayList<>();
        for (GapRow g : store.gaps()) {
            if (latest.id.equals(g.roundId) && visible(g.ownerId, g.classification, latest.sharedWithForums)) {
                gaps.add(new GapItem(g.id, g.questionCode, g.consolidatedAnswer, g.points, g.divergent));
            }
        }
        gaps.sort(Comparator.comparing(GapItem::questionCode));
        return new Readiness(latestScore, trend, change, recommendations, latest.divergentQuestions, gaps);
    }

    private static RoundScore score(RoundScoreRow r) {
        Double percent = r.overallMax == null || r.overallMax == 0 ? null
                : Math.round(1000.0 * r.overallPoints / r.overallMax) / 10.0;
        return new RoundScore(r.id, r.title, r.publishedAt, r.overallPoints, r.overallMax, percent, r.respondents,
                r.divergentQuestions);
    }

    private TrackerItem item(ActionRow a) {
        MilestoneState next = a.milestones.values().stream().filter(m -> "PLANNED".equals(m.status) && m.dueOn != null)
                .min(Comparator.comparing((MilestoneState m) -> m.dueOn)).orElse(null);
        return new TrackerItem(a.id, a.title, a.ownerId, organisationName(a.ownerId), a.status, a.kind, a.sectors,
                a.targetGroups, a.areas, a.frameworkItems,
                a.latestReport == null ? null : a.latestReport.percentComplete,
                a.latestReport == null ? null : a.latestReport.rag,
                a.latestReport == null ? null : a.latestReport.periodEnd,
                next == null ? null : new NextMilestone(next.id, next.title, next.dueOn), a.overdue != null,
                a.overdue == null ? null : a.overdue.daysOverdue, a.funding, a.classification);
    }

    private static boolean matches(ActionRow a, TrackerFilter f) {
        return (f.org() == null || f.org().equals(a.ownerId))
                && (f.sector() == null || a.sectors.contains(f.sector()))
                && (f.group() == null || a.targetGroups.contains(f.group()))
                && (f.frameworkItem() == null || a.frameworkItems.contains(f.frameworkItem()))
                && (f.area() == null || a.areas.stream().anyMatch(j -> f.area().equalsIgnoreCase(j.areaCode())
                        || f.area().equalsIgnoreCase(j.areaName()) || f.area().equalsIgnoreCase(j.subdivision())
                        || f.area().equalsIgnoreCase(j.country())));
    }

    /** The viewer may see a record of the owner: the read policy, and hidden organisations stay hidden. */
    public boolean visible(UUID owner, String classification, List<UUID> forums) {
        if (owner == null || classification == null) {
            return false;
        }
        if (!viewer.owns(owner) && viewer.enforcementBody() && hidden(owner)) {
            return false;
        }
        return viewer.mayRead(owner, DataClassification.valueOf(classification), forums);
    }

    private boolean hidden(UUID owner) {
        return replica.find(owner).map(Organisations.KnownOrganisation::hidden)
                .orElseGet(() -> store.organisation(owner).map(o -> o.hidden).orElse(false));
    }

    private String organisationName(UUID id) {
        return store.organisation(id).map((OrganisationRow o) -> o.name)
                .orElseGet(() -> replica.find(id).map(Organisations.KnownOrganisation::name).orElse(null));
    }

    /** Whether the place lies within the forum's geographic scope (a forum without one covers everywhere). */
    static boolean within(Jurisdiction place, ForumRow forum) {
        if (forum == null || forum.geographicScope == null) {
            return true;
        }
        return covers(List.of(forum.geographicScope), place);
    }

    static boolean covers(List<Jurisdiction> areas, Jurisdiction place) {
        return Places.covers(areas, place);
    }

    static String areaName(Jurisdiction j) {
        return Places.name(j, "");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO;
    }
}
