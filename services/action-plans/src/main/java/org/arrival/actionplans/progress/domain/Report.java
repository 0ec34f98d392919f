package org.arrival.actionplans.progress.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A progress report: how far an action got in a period, as its owner published it. It records the action's status
 * when it was published. Published reports are not edited; a later period gets its own report.
 */
public record Report(
        UUID id,
        UUID actionId,
        LocalDate periodStart,
        LocalDate periodEnd,
        ActionStatus actionStatus,
        int percentComplete,
        Rag rag,
        @Nullable String narrative,
        List<IndicatorValue> indicators) {

    public static final int MAX_NARRATIVE = 4000;
    public static final int MAX_INDICATORS = 30;

    public Report {
        narrative = narrative == null || narrative.isBlank() ? null : narrative.strip();
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** What the owner sends: the period, how far, on track or not, and indicator values. */
    public record Draft(
            LocalDate periodStart,
            LocalDate periodEnd,
            Integer percentComplete,
            Rag rag,
            String narrative,
            List<IndicatorValue> indicators) {}

    /**
     * Publishes a report about the action as it stands {@code today}: refused (409) on an action that is cancelled
     * or only proposed; 400 for a period out of order or ending after today, a percentage outside 0-100,
     * indicators without a name or value, or named twice, or a people-unit indicator with a value that is not a
     * whole number of people.
     */
    public static Report publish(UUID id, ActionState action, Draft d, LocalDate today) {
        if (!action.acceptsReports()) {
            throw new RuleViolation(
                    action.status() == ActionStatus.CANCELLED
                            ? "The action was cancelled; no further progress is reported on it"
                            : "The action is only " + action.status() + "; progress is reported once it is committed");
        }
        if (d.periodStart() == null) {
            throw InvalidInput.field("periodStart", "is required");
        }
        if (d.periodEnd() == null) {
            throw InvalidInput.field("periodEnd", "is required");
        }
        if (d.periodEnd().isBefore(d.periodStart())) {
            throw invalid(
                    "periodEnd",
                    "must not be before periodStart " + d.periodStart(),
                    "report.period-order",
                    Map.of("periodStart", d.periodStart().toString()));
        }
        if (d.periodEnd().isAfter(today)) {
            throw invalid(
                    "periodEnd",
                    "must not be in the future: a report covers a period that has passed",
                    "report.period-future",
                    Map.of("today", today.toString()));
        }
        if (d.percentComplete() == null) {
            throw InvalidInput.field("percentComplete", "is required");
        }
        if (d.percentComplete() < 0 || d.percentComplete() > 100) {
            throw InvalidInput.field("percentComplete", "must be between 0 and 100");
        }
        if (d.rag() == null) {
            throw InvalidInput.field("rag", "is required");
        }
        String narrative = d.narrative() == null ? null : d.narrative().strip();
        if (narrative != null && narrative.length() > MAX_NARRATIVE) {
            throw InvalidInput.field("narrative", "must be at most " + MAX_NARRATIVE + " characters");
        }
        List<IndicatorValue> indicators = d.indicators() == null ? List.of() : d.indicators();
        if (indicators.size() > MAX_INDICATORS) {
            throw InvalidInput.field("indicators", "must be at most " + MAX_INDICATORS);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorValue v = indicators.get(i);
            if (v == null || v.name() == null || v.name().isBlank()) {
                throw InvalidInput.field("indicators[" + i + "].name", "must not be blank");
            }
            if (v.actual() == null) {
                throw InvalidInput.field("indicators[" + i + "].actual", "is required");
            }
            if (!names.add(v.name().strip().toLowerCase(Locale.ROOT))) {
                throw invalid(
                        "indicators[" + i + "].name",
                        "names an indicator twice: " + v.name(),
                        "report.indicator-twice",
                        Map.of());
            }
            requireHeadCount(i, IndicatorValue.BASELINE, v.unit(), v.baseline());
            requireHeadCount(i, IndicatorValue.TARGET, v.unit(), v.target());
            requireHeadCount(i, IndicatorValue.ACTUAL, v.unit(), v.actual());
        }
        List<IndicatorValue> cleaned = indicators.stream()
                .map(v -> new IndicatorValue(
                        v.name().strip(),
                        v.unit() == null || v.unit().isBlank() ? null : v.unit().strip(),
                        v.baseline(),
                        v.target(),
                        v.actual()))
                .toList();
        return new Report(
                id,
                action.id(),
                d.periodStart(),
                d.periodEnd(),
                action.status(),
                d.percentComplete(),
                d.rag(),
                narrative,
                cleaned);
    }

    /** The report as anyone but its owner sees it, and as events carry it: people counts under disclosure control. */
    public Report disclosed() {
        return new Report(
                id,
                actionId,
                periodStart,
                periodEnd,
                actionStatus,
                percentComplete,
                rag,
                narrative,
                IndicatorDisclosure.shown(indicators));
    }

    private static void requireHeadCount(int i, String which, @Nullable String unit, @Nullable Double value) {
        String problem = IndicatorDisclosure.problem(unit, value);
        if (problem != null) {
            throw invalid("indicators[" + i + "]." + which, problem, "report.head-count", Map.of("max", (long)
                    IndicatorDisclosure.MAX_PEOPLE));
        }
    }

    /** A refusal naming its field, with a code (and its parameters) a client words in its reader's language. */
    private static InvalidInput invalid(String field, String message, String code, Map<String, Object> parameters) {
        return new InvalidInput(
                field + ": " + message, List.of(new ApiException.FieldError(field, message, code, parameters)));
    }
}
