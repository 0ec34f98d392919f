package org.arrival.forum.coherence.domain;

import static org.arrival.forum.coherence.domain.CoherenceChecks.ALL_RESIDENTS;
import static org.arrival.forum.coherence.domain.CoherenceChecks.VALIDATED_NEED;
import static org.arrival.forum.coherence.domain.CoherenceChecks.areaName;
import static org.arrival.forum.coherence.domain.CoherenceChecks.areaNames;
import static org.arrival.forum.coherence.domain.CoherenceChecks.covers;
import static org.arrival.forum.coherence.domain.CoherenceChecks.ended;
import static org.arrival.forum.coherence.domain.CoherenceChecks.groups;
import static org.arrival.forum.coherence.domain.CoherenceChecks.record;
import static org.arrival.forum.coherence.domain.CoherenceChecks.sectors;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.forum.projection.domain.Places;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.forum.projection.domain.Rows.ScorePart;
import org.jspecify.annotations.Nullable;

/**
 * The checks of policy coherence across organisations and levels of government (C2 to C20 of the domain brief,
 * section 5.4); each rule, its source and its threshold are written down in {@code docs/coherence-checks.md}. Pure,
 * like {@link CoherenceChecks}: they read the forum's records as {@link ForumRecords} collects them.
 */
final class PolicyChecks {

    static final String HUMANITARIAN = "HUMANITARIAN";
    static final Set<String> DISPLACED = Set.of(
            "REFUGEES",
            "ASYLUM_SEEKERS",
            "IDPS",
            "RETURNEES",
            "URBAN_DISPLACED",
            "CLIMATE_DISPLACED",
            "STATELESS_PERSONS");
    static final Set<String> HOST = Set.of("HOST_COMMUNITY", ALL_RESIDENTS);
    static final String LOCAL_GOVERNMENT = CoherenceChecks.LOCAL_GOVERNMENT;
    static final String PUBLISHED = "PUBLISHED";

    private PolicyChecks() {}

    /** The forum's records the checks read: those shared with it, or owned by its members, as the firewall allows. */
    record ForumRecords(
            ForumRow forum,
            List<ActionRow> actions,
            List<ActionRow> addressing,
            List<NeedRow> needs,
            List<PlanRow> plans,
            List<PopulationRow> estimates,
            List<RoundScoreRow> rounds,
            Predicate<UUID> localGovernment,
            ActionLinks links) {}

    // ---- C2: an action with no evidence

    static List<Finding> actionsWithoutEvidence(ForumRecords r) {
        List<Finding> out = new ArrayList<>();
        for (ActionRow a : r.actions()) {
            ActionLinks.Links l = r.links().of(a.id);
            if (ended(a) || !a.needIds.isEmpty() || !l.gapIds().isEmpty() || l.implementsActionId() != null) {
                continue;
            }
            out.add(Finding.of(
                    CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE,
                    List.of(a.id),
                    "Action '" + a.title + "' names no need and no checklist gap it answers.",
                    CoherenceFlagParameters.naming(List.of(action(a)))));
        }
        return out;
    }

    // ---- C4: a parallel humanitarian structure

    static List<Finding> parallelStructures(ForumRecords r) {
        List<Finding> out = new ArrayList<>();
        List<PlanRow> localPlans = r.plans().stream()
                .filter(p -> r.localGovernment().test(p.ownerId))
                .filter(p -> !"CLOSED".equals(p.status))
                .toList();
        for (ActionRow a : r.actions()) {
            if (!HUMANITARIAN.equals(a.orientation) || ended(a) || a.areas.isEmpty()) {
                continue;
            }
            List<PlanRow> covering = localPlans.stream()
                    .filter(p -> a.areas.stream().anyMatch(area -> Places.covers(List.of(p.jurisdiction), area)))
                    .toList();
            if (a.planId != null && covering.stream().anyMatch(p -> p.id.equals(a.planId))) {
                continue;
            }
            List<FlaggedRecord> records = new ArrayList<>(List.of(action(a)));
            covering.stream().limit(5).forEach(p -> records.add(plan(p)));
            out.add(Finding.keyed(
                    a.id.toString(),
                    CoherenceCheckCode.PARALLEL_HUMANITARIAN_STRUCTURE,
                    ids(records),
                    "Humanitarian action '" + a.title + "' in " + names(a.areas)
                            + " belongs to no plan of the local government there.",
                    CoherenceFlagParameters.naming(records).withPlace(null, null, areaNames(a.areas))));
        }
        return out;
    }

    // ---- C5: the host community left out

    static List<Finding> hostCommunityLeftOut(ForumRecords r) {
        List<Finding> out = new ArrayList<>();
        for (ActionRow a : r.actions()) {
            if (ended(a)
                    || a.targetGroups.stream().noneMatch(DISPLACED::contains)
                    || a.targetGroups.stream().anyMatch(HOST::contains)) {
                continue;
            }
            List<NeedRow> hostNeeds = r.needs().stream()
                    .filter(n -> n.status != null && VALIDATED_NEED.contains(n.status))
                    .filter(n -> n.populationGroups.stream().anyMatch(HOST::contains))
                    .filter(n -> n.sector != null && a.sectors.contains(n.sector))
                    .filter(n -> covers(a.areas, n.area))
                    .sorted(Comparator.comparing(n -> n.id))
                    .limit(5)
                    .toList();
            if (hostNeeds.isEmpty()) {
                continue;
            }
            List<FlaggedRecord> records = new ArrayList<>(List.of(action(a)));
            hostNeeds.forEach(n -> records.add(record(n.id, FlaggedRecordKind.NEED, n.statement)));
            List<String> sectors = hostNeeds.stream()
                    .map(n -> n.sector)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            out.add(Finding.keyed(
                    a.id.toString(),
                    CoherenceCheckCode.HOST_COMMUNITY_LEFT_OUT,
                    ids(records),
                    "Action '" + a.title
                            + "' serves displaced people only, while the host community has an open need in "
                            + String.join(", ", sectors) + " in " + names(a.areas) + ".",
                    CoherenceFlagParameters.naming(records)
                            .withPlace(sectors(sectors), groups(a.targetGroups), areaNames(a.areas))));
        }
        return out;
    }

    // ---- C9: migrants missing from a plan

    static List<Finding> migrantsMissingFromPlans(ForumRecords r) {
        List<Finding> out = new ArrayList<>();
        for (PlanRow p : r.plans()) {
            if ("CLOSED".equals(p.status) || p.inclusion == null) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!p.inclusion.migrantsNamed()) {
                missing.add("MIGRANTS_NAMED");
            }
            if (!p.inclusion.migrantsBudgeted()) {
                missing.add("MIGRANTS_BUDGETED");
            }
            if (!p.inclusion.staffTrained()) {
                missing.add("STAFF_TRAINED");
            }
            if (missing.isEmpty()) {
                continue;
            }
            out.add(Finding.of(
                    CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN,
                    List.of(p.id),
                    "Plan '" + p.title + "' lacks the inclusion indicators " + String.join(", ", missing) + ".",
                    CoherenceFlagParameters.naming(List.of(plan(p)))
                            .withPlace(null, null, areaNames(List.of(p.jurisdiction)))
                            .withMissing(missing)));
        }
        return out;
    }

    // ---- C10: intermediary and small cities left out

    static List<Finding> smallCitiesLeftOut(ForumRecords r, CheckSettings settings) {
        Jurisdiction scope = r.forum().geographicScope;
        if (scope == null) {
            return List.of();
        }
        // the latest estimate of each place and group, migrants only, in the forum's area
        Map<Jurisdiction, List<PopulationRow>> byPlace = new LinkedHashMap<>();
        for (PopulationRow e : latest(r.estimates())) {
            if (e.group != null && !HOST.contains(e.group) && Places.covers(List.of(scope), e.area)) {
                byPlace.computeIfAbsent(e.area, k -> new ArrayList<>()).add(e);
            }
        }
        if (byPlace.size() < 2) {
            return List.of();
        }
        Map<Jurisdiction, Long> people = new LinkedHashMap<>();
        byPlace.forEach((place, rows) ->
                people.put(place, rows.stream().mapToLong(PolicyChecks::people).sum()));
        Jurisdiction largest = people.entrySet().stream()
                .max(Map.Entry.<Jurisdiction, Long>comparingByValue()
                        .thenComparing(en -> Places.name(en.getKey()), Comparator.reverseOrder()))
                .orElseThrow()
                .getKey();
        if (!attended(r, largest)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Jurisdiction, Long> place : people.entrySet()) {
            if (place.getKey().equals(largest)
                    || place.getValue() < settings.smallCityMinimum()
                    || attended(r, place.getKey())) {
                continue;
            }
            List<FlaggedRecord> records = byPlace.getOrDefault(place.getKey(), List.of()).stream()
                    .sorted(Comparator.comparing(e -> e.id))
                    .limit(5)
                    .map(PolicyChecks::estimate)
                    .toList();
            out.add(Finding.keyed(
                    placeKey(place.getKey()),
                    CoherenceCheckCode.SMALL_CITY_LEFT_OUT,
                    ids(records),
                    Places.name(place.getKey()) + " has an estimated migrant population of " + place.getValue()
                            + " and no plan, checklist round or funded action of its own, while "
                            + Places.name(largest) + " has.",
                    CoherenceFlagParameters.naming(records)
                            .withPlace(null, null, List.of(Places.name(place.getKey()), Places.name(largest)))
                            .withCounts(null, place.getValue())));
        }
        return out;
    }

    /** Whether a plan, a checklist round or a funded action is about the place or a place within it. */
    static boolean attended(ForumRecords r, Jurisdiction place) {
        List<Jurisdiction> it = List.of(place);
        return r.plans().stream().anyMatch(p -> Places.covers(it, p.jurisdiction))
                || r.rounds().stream().anyMatch(x -> Places.covers(it, x.jurisdiction))
                || r.actions().stream()
                        .filter(a -> !"CANCELLED".equals(a.status))
                        .filter(PolicyChecks::funded)
                        .anyMatch(a -> a.areas.stream().anyMatch(area -> Places.covers(it, area)));
    }

    static boolean funded(ActionRow a) {
        return a.fundingLines.values().stream()
                .anyMatch(l -> l.committed != null && l.committed.compareTo(BigDecimal.ZERO) > 0);
    }

    // ---- C11: undercount

    static List<Finding> undercounts(ForumRecords r, CheckSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (PopulationRow e : latest(r.estimates())) {
            Integer registered = value(e.registered);
            Integer estimated = value(e.estimated);
            if (registered == null || estimated == null || registered <= 0) {
                continue;
            }
            if (estimated < settings.undercountRatio() * registered) {
                continue;
            }
            out.add(Finding.keyed(
                    seriesKey(e),
                    CoherenceCheckCode.UNDERCOUNT,
                    List.of(e.id),
                    "In " + areaName(e.area) + ", " + estimated + " " + e.group + " are estimated against " + registered
                            + " registered: services funded on the registered figure fall short.",
                    CoherenceFlagParameters.naming(List.of(estimate(e)))
                            .withPlace(
                                    null,
                                    groups(e.group == null ? List.of() : List.of(e.group)),
                                    areaNames(List.of(e.area)))
                            .withCounts((long) registered, (long) estimated)));
        }
        return out;
    }

    // ---- C12: stale evidence

    static List<Finding> staleEvidence(ForumRecords r, CheckSettings settings, LocalDate today) {
        LocalDate limit = today.minusDays(settings.staleAfterDays());
        List<Finding> out = new ArrayList<>();
        for (PopulationRow e : latest(r.estimates())) {
            if (e.asOf != null && e.asOf.isBefore(limit)) {
                out.add(Finding.keyed(
                        seriesKey(e),
                        CoherenceCheckCode.STALE_EVIDENCE,
                        List.of(e.id),
                        "The latest estimate of " + e.group + " in " + areaName(e.area) + " dates from " + e.asOf
                                + ", more than " + settings.staleAfterDays() + " days ago.",
                        CoherenceFlagParameters.naming(List.of(estimate(e)))
                                .withPlace(
                                        null,
                                        groups(e.group == null ? List.of() : List.of(e.group)),
                                        areaNames(List.of(e.area)))
                                .withDates(e.asOf, settings.staleAfterDays())));
            }
        }
        java.time.Instant reviewBy = today.minusDays(settings.needReviewDays())
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        for (NeedRow n : r.needs()) {
            if (n.status != null
                    && VALIDATED_NEED.contains(n.status)
                    && n.changedAt != null
                    && n.changedAt.isBefore(reviewBy)) {
                LocalDate changed = LocalDate.ofInstant(n.changedAt, ZoneOffset.UTC);
                out.add(Finding.keyed(
                        "need:" + n.id,
                        CoherenceCheckCode.STALE_EVIDENCE,
                        List.of(n.id),
                        "Need '" + n.statement + "' was validated on " + changed + " and not reviewed in "
                                + settings.needReviewDays() + " days.",
                        CoherenceFlagParameters.naming(List.of(record(n.id, FlaggedRecordKind.NEED, n.statement)))
                                .withPlace(
                                        sectors(n.sector == null ? List.of() : List.of(n.sector)),
                                        groups(n.populationGroups),
                                        areaNames(List.of(n.area)))
                                .withDates(changed, settings.needReviewDays())));
            }
        }
        for (RoundScoreRow latest : latestRounds(r.rounds()).values()) {
            LocalDate published =
                    latest.publishedAt == null ? null : LocalDate.ofInstant(latest.publishedAt, ZoneOffset.UTC);
            if (published != null && published.isBefore(limit)) {
                out.add(Finding.keyed(
                        "round:" + placeKey(latest.jurisdiction),
                        CoherenceCheckCode.STALE_EVIDENCE,
                        List.of(latest.id),
                        "The latest checklist round of " + areaName(latest.jurisdiction) + " was published on "
                                + published + ", more than " + settings.staleAfterDays() + " days ago.",
                        CoherenceFlagParameters.naming(List.of(round(latest)))
                                .withPlace(null, null, areaNames(List.of(latest.jurisdiction)))
                                .withDates(published, settings.staleAfterDays())));
            }
        }
        return out;
    }

    // ---- C13: disaggregation gap

    static List<Finding> disaggregationGaps(ForumRecords r, CheckSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (PopulationRow e : latest(r.estimates())) {
            List<String> given =
                    e.breakdown.stream().map(d -> d.dimension()).distinct().toList();
            List<String> missing = settings.requiredBreakdown().stream()
                    .filter(d -> !given.contains(d))
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            out.add(Finding.keyed(
                    seriesKey(e),
                    CoherenceCheckCode.DISAGGREGATION_GAP,
                    List.of(e.id),
                    "The estimate of " + e.group + " in " + areaName(e.area) + " is not broken down by "
                            + String.join(", ", missing) + ".",
                    CoherenceFlagParameters.naming(List.of(estimate(e)))
                            .withPlace(
                                    null,
                                    groups(e.group == null ? List.of() : List.of(e.group)),
                                    areaNames(List.of(e.area)))
                            .withMissing(missing)));
        }
        return out;
    }

    // ---- C16: humanitarian-to-development transition gap

    static List<Finding> transitionGaps(ForumRecords r, CheckSettings settings, LocalDate today) {
        LocalDate horizon = today.plusDays(settings.transitionNoticeDays());
        List<Finding> out = new ArrayList<>();
        for (ActionRow a : r.actions()) {
            if (!HUMANITARIAN.equals(a.orientation) || "CANCELLED".equals(a.status)) {
                continue;
            }
            boolean ending = ended(a) || (a.endDate != null && !a.endDate.isAfter(horizon));
            if (!ending) {
                continue;
            }
            for (UUID needId : a.needIds) {
                NeedRow need = r.needs().stream()
                        .filter(n -> n.id.equals(needId))
                        .findFirst()
                        .orElse(null);
                if (need == null || need.status == null || !VALIDATED_NEED.contains(need.status)) {
                    continue;
                }
                boolean carriedOn = r.addressing().stream()
                        .filter(b -> !b.id.equals(a.id) && !ended(b) && !HUMANITARIAN.equals(b.orientation))
                        .filter(b -> b.endDate == null || a.endDate == null || b.endDate.isAfter(a.endDate))
                        .anyMatch(b -> b.needIds.contains(needId));
                if (carriedOn) {
                    continue;
                }
                out.add(Finding.of(
                        CoherenceCheckCode.TRANSITION_GAP,
                        List.of(a.id, need.id),
                        "Humanitarian action '" + a.title + "' ends"
                                + (a.endDate == null ? "" : " on " + a.endDate) + " while need '" + need.statement
                                + "' is still open, and no development action carries it on.",
                        CoherenceFlagParameters.naming(
                                        List.of(action(a), record(need.id, FlaggedRecordKind.NEED, need.statement)))
                                .withReport(null, null, a.endDate, null)
                                .withDates(null, settings.transitionNoticeDays())));
            }
        }
        return out;
    }

    // ---- C18: framework coverage gap

    static List<Finding> frameworkCoverageGaps(ForumRecords r, CheckSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (String item : settings.priorityFrameworkItems()) {
            boolean covered = r.addressing().stream()
                    .filter(a -> !"CANCELLED".equals(a.status))
                    .flatMap(a -> a.frameworkItems.stream())
                    .anyMatch(tag -> tag.equals(item) || tag.startsWith(item + "."));
            if (covered) {
                continue;
            }
            FlaggedRecord forum = record(r.forum().id, FlaggedRecordKind.FORUM, r.forum().name);
            out.add(Finding.keyed(
                    item,
                    CoherenceCheckCode.FRAMEWORK_COVERAGE_GAP,
                    List.of(r.forum().id),
                    "The forum prioritises " + item + ", but no action in its area is tagged with it.",
                    CoherenceFlagParameters.naming(List.of(forum)).withFrameworkItem(item)));
        }
        return out;
    }

    // ---- C20: checklist regression

    static List<Finding> checklistRegressions(ForumRecords r, CheckSettings settings) {
        Map<Jurisdiction, List<RoundScoreRow>> byPlace = new LinkedHashMap<>();
        r.rounds().stream()
                .filter(x -> PUBLISHED.equals(x.status) && x.publishedAt != null)
                .sorted(Comparator.comparing((RoundScoreRow x) -> Objects.requireNonNull(x.publishedAt))
                        .thenComparing(x -> x.id))
                .forEach(x -> byPlace.computeIfAbsent(x.jurisdiction, k -> new ArrayList<>())
                        .add(x));
        List<Finding> out = new ArrayList<>();
        for (List<RoundScoreRow> rounds : byPlace.values()) {
            if (rounds.size() < 2) {
                continue;
            }
            RoundScoreRow earlier = rounds.get(rounds.size() - 2);
            RoundScoreRow later = rounds.get(rounds.size() - 1);
            for (ScorePart before : earlier.recommendations) {
                ScorePart after = later.recommendations.stream()
                        .filter(p -> p.code.equals(before.code))
                        .findFirst()
                        .orElse(null);
                Integer from = percent(before);
                Integer to = after == null ? null : percent(after);
                if (from == null || to == null || from - to < settings.regressionPercent()) {
                    continue;
                }
                List<FlaggedRecord> records = List.of(round(earlier), round(later));
                out.add(Finding.keyed(
                        earlier.id + ":" + later.id + ":" + before.code,
                        CoherenceCheckCode.CHECKLIST_REGRESSION,
                        ids(records),
                        "Recommendation " + before.code + " of the checklist fell from " + from + "% to " + to
                                + "% between rounds '" + earlier.title + "' and '" + later.title + "' of "
                                + areaName(later.jurisdiction) + ".",
                        CoherenceFlagParameters.naming(records)
                                .withPlace(null, null, areaNames(List.of(later.jurisdiction)))
                                .withChecklist(null, null, before.code)
                                .withPercents(from, to)));
            }
        }
        return out;
    }

    /**
     * A recommendation's score in percent of the points of the questions assessed (of every question, for a round
     * published before its coverage was carried); none when no question was assessed.
     */
    static @Nullable Integer percent(ScorePart part) {
        int max = part.assessedMax != null ? part.assessedMax : part.max;
        return max <= 0 ? null : (int) Math.round(100.0 * part.points / max);
    }

    // ---- shared

    /** The latest estimate of each place and group (and series), by its date. */
    static List<PopulationRow> latest(List<PopulationRow> estimates) {
        Map<String, PopulationRow> latest = new LinkedHashMap<>();
        estimates.stream()
                .sorted(Comparator.comparing(
                                (PopulationRow e) -> e.asOf, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(e -> e.id))
                .forEach(e -> latest.put(seriesKey(e), e));
        return latest.values().stream().sorted(Comparator.comparing(e -> e.id)).toList();
    }

    static Map<Jurisdiction, RoundScoreRow> latestRounds(List<RoundScoreRow> rounds) {
        Map<Jurisdiction, RoundScoreRow> latest = new LinkedHashMap<>();
        rounds.stream()
                .filter(x -> PUBLISHED.equals(x.status) && x.publishedAt != null)
                .sorted(Comparator.comparing((RoundScoreRow x) -> Objects.requireNonNull(x.publishedAt))
                        .thenComparing(x -> x.id))
                .forEach(x -> latest.put(x.jurisdiction, x));
        return latest;
    }

    /** What identifies a series of estimates: its place and group. */
    static String seriesKey(PopulationRow e) {
        return placeKey(e.area) + ":" + e.group;
    }

    static String placeKey(@Nullable Jurisdiction j) {
        if (j == null) {
            return "-";
        }
        return Stream.of(j.country(), j.subdivision(), j.areaCode(), j.areaName())
                .map(s -> s == null ? "" : s)
                .reduce((a, b) -> a + "/" + b)
                .orElse("");
    }

    static long people(PopulationRow e) {
        Integer estimated = value(e.estimated);
        Integer registered = value(e.registered);
        return estimated != null ? estimated : registered != null ? registered : 0;
    }

    static @Nullable Integer value(@Nullable Count count) {
        return count == null ? null : count.value();
    }

    static String names(List<Jurisdiction> areas) {
        return String.join(", ", areaNames(areas));
    }

    static List<UUID> ids(List<FlaggedRecord> records) {
        return records.stream().map(FlaggedRecord::recordId).toList();
    }

    static FlaggedRecord action(ActionRow a) {
        return record(a.id, FlaggedRecordKind.ACTION, a.title);
    }

    static FlaggedRecord plan(PlanRow p) {
        return record(p.id, FlaggedRecordKind.PLAN, p.title);
    }

    static FlaggedRecord round(RoundScoreRow x) {
        return record(x.id, FlaggedRecordKind.ROUND, x.title);
    }

    static FlaggedRecord estimate(PopulationRow e) {
        return record(
                e.id,
                FlaggedRecordKind.POPULATION_ESTIMATE,
                (e.group == null ? "" : e.group + ", ") + areaName(e.area) + ", " + e.asOf);
    }
}
