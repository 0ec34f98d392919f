package org.arrival.forum.coherence.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.jspecify.annotations.Nullable;

/**
 * How a forum tunes its coherence checks: checks it turned off, severities it rates otherwise, and the thresholds of
 * the checks that have one. {@link #DEFAULTS} is what a forum that changed nothing gets.
 *
 * @param staleAfterDays evidence about a place and group older than this is stale (C12)
 * @param transitionNoticeDays a humanitarian action ending within this many days is checked for a successor (C16)
 * @param undercountRatio an estimate at least this many times the registered figure is an undercount (C11)
 * @param smallCityMinimum the smallest estimated migrant population for which a place left out is flagged (C10)
 * @param requiredBreakdown the dimensions every population estimate should be broken down by (C13)
 * @param priorityFrameworkItems framework targets the forum prioritises, e.g. {@code GCM-15} (C18); none by default
 * @param regressionPercent the fall, in points of percent, from which a recommendation's score regressed (C20)
 * @param needReviewDays a validated need unchanged for longer than this is due for review (C12)
 */
public record CheckSettings(
        Set<CoherenceCheckCode> disabledChecks,
        Map<CoherenceCheckCode, FlagSeverity> severities,
        int staleAfterDays,
        int transitionNoticeDays,
        double undercountRatio,
        long smallCityMinimum,
        List<String> requiredBreakdown,
        List<String> priorityFrameworkItems,
        int regressionPercent,
        int needReviewDays) {

    /** How much each check's flags matter when the forum did not say otherwise. */
    public static final Map<CoherenceCheckCode, FlagSeverity> DEFAULT_SEVERITY = defaultSeverities();

    public static final CheckSettings DEFAULTS =
            new CheckSettings(Set.of(), Map.of(), 730, 90, 2.0, 1000, List.of("SEX", "AGE_BAND"), List.of(), 5, 365);

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_.-]{0,63}");

    public CheckSettings {
        disabledChecks = disabledChecks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabledChecks));
        severities = Map.copyOf(severities);
        requiredBreakdown = List.copyOf(requiredBreakdown);
        priorityFrameworkItems = List.copyOf(priorityFrameworkItems);
    }

    public boolean runs(CoherenceCheckCode check) {
        return !disabledChecks.contains(check);
    }

    public FlagSeverity severity(CoherenceCheckCode check) {
        FlagSeverity rated = severities.get(check);
        return rated != null ? rated : defaultSeverity(check);
    }

    public static FlagSeverity defaultSeverity(CoherenceCheckCode check) {
        FlagSeverity rated = DEFAULT_SEVERITY.get(check);
        return rated != null ? rated : FlagSeverity.MEDIUM;
    }

    /** What is wrong with these settings, field by field (none for settings a forum may keep). */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        range(out, "staleAfterDays", staleAfterDays, 30, 3650);
        range(out, "transitionNoticeDays", transitionNoticeDays, 0, 365);
        if (!(undercountRatio >= 1.1 && undercountRatio <= 100)) {
            out.add(new Problem("undercountRatio", "must be between 1.1 and 100"));
        }
        range(out, "smallCityMinimum", smallCityMinimum, 1, 1_000_000_000L);
        range(out, "regressionPercent", regressionPercent, 1, 100);
        range(out, "needReviewDays", needReviewDays, 30, 3650);
        codes(out, "requiredBreakdown", requiredBreakdown, 10);
        codes(out, "priorityFrameworkItems", priorityFrameworkItems, 50);
        return out;
    }

    /** One field's problem, worded for the person who set it. */
    public record Problem(String field, String message) {}

    private static void range(List<Problem> out, String field, long value, long min, long max) {
        if (value < min || value > max) {
            out.add(new Problem(field, "must be between " + min + " and " + max));
        }
    }

    private static void codes(List<Problem> out, String field, List<String> codes, int most) {
        if (codes.size() > most) {
            out.add(new Problem(field, "at most " + most + " codes"));
        } else if (codes.stream().anyMatch(c -> c == null || !CODE.matcher(c).matches())) {
            out.add(new Problem(field, "codes are capital letters, digits, '_', '.' or '-', e.g. GCM-15"));
        } else if (codes.stream().distinct().count() < codes.size()) {
            out.add(new Problem(field, "a code is named twice"));
        }
    }

    /** These settings with the checks turned off. */
    public CheckSettings without(Set<CoherenceCheckCode> checks) {
        return with(checks, null, null, null, null, null, null, null, null);
    }

    /** These settings with what a forum sent in place of the defaults; absent fields keep their value. */
    public CheckSettings with(
            @Nullable Set<CoherenceCheckCode> disabled,
            @Nullable Map<CoherenceCheckCode, FlagSeverity> rated,
            @Nullable Integer stale,
            @Nullable Integer notice,
            @Nullable Double ratio,
            @Nullable Long minimum,
            @Nullable List<String> breakdown,
            @Nullable List<String> priorities,
            @Nullable Integer regression) {
        return new CheckSettings(
                disabled == null ? disabledChecks : disabled,
                rated == null ? severities : rated,
                stale == null ? staleAfterDays : stale,
                notice == null ? transitionNoticeDays : notice,
                ratio == null ? undercountRatio : ratio,
                minimum == null ? smallCityMinimum : minimum,
                breakdown == null ? requiredBreakdown : breakdown,
                priorities == null ? priorityFrameworkItems : priorities,
                regression == null ? regressionPercent : regression,
                needReviewDays);
    }

    /** These settings with another review interval of validated needs (absent: unchanged). */
    public CheckSettings withNeedReview(@Nullable Integer days) {
        return days == null
                ? this
                : new CheckSettings(
                        disabledChecks,
                        severities,
                        staleAfterDays,
                        transitionNoticeDays,
                        undercountRatio,
                        smallCityMinimum,
                        requiredBreakdown,
                        priorityFrameworkItems,
                        regressionPercent,
                        days);
    }

    private static Map<CoherenceCheckCode, FlagSeverity> defaultSeverities() {
        Map<CoherenceCheckCode, FlagSeverity> m = new EnumMap<>(CoherenceCheckCode.class);
        for (CoherenceCheckCode c : CoherenceCheckCode.values()) {
            m.put(c, FlagSeverity.MEDIUM);
        }
        for (CoherenceCheckCode c : List.of(
                CoherenceCheckCode.NEED_WITHOUT_ACTION,
                CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION,
                CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN,
                CoherenceCheckCode.UNDERCOUNT,
                CoherenceCheckCode.TRANSITION_GAP)) {
            m.put(c, FlagSeverity.HIGH);
        }
        for (CoherenceCheckCode c : List.of(
                CoherenceCheckCode.MILESTONE_LATE,
                CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE,
                CoherenceCheckCode.STALE_EVIDENCE,
                CoherenceCheckCode.DISAGGREGATION_GAP)) {
            m.put(c, FlagSeverity.LOW);
        }
        return Map.copyOf(m);
    }
}
