package org.arrival.web.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.web.api.forum.ForumApi.CheckSettings;
import org.arrival.web.api.forum.ForumApi.CoherenceSettings;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;

/**
 * A forum's check settings as the page shows them: each check with its rule, whether it runs and its severity, each
 * threshold with the forum's value and the default, the last run; for a coordinator the form too, and after a
 * refusal what they typed, the service's complaints and, if someone else saved meanwhile, where the settings now
 * differ.
 */
public record CheckSettingsView(
        UUID forumId,
        String forumName,
        CoherenceSettings settings,
        List<CheckRow> checks,
        List<ThresholdRow> thresholds,
        boolean editable,
        FormResult form,
        Map<String, String> labels,
        List<Difference> differences,
        boolean conflict) {

    /**
     * Each check's severity unless the forum rates it otherwise, as docs/coherence-checks.md lists them: the forum
     * service's {@code defaults.severities} is empty today, but a severity it names there comes first.
     */

    /**
     * A check: its code, name and rule, whether it runs, its severity (code and word), the default one and whether the
     * forum chose it, and the severity select's choices (the first keeps the default).
     */
    public record CheckRow(
            String code,
            String name,
            String rule,
            boolean runs,
            String severityCode,
            String severity,
            String defaultSeverity,
            boolean rated,
            List<Choice> severityChoices) {}

    /** A threshold: its field, label, hint, the forum's and the default value in words, the check it tunes. */
    public record ThresholdRow(
            Threshold threshold, String label, String hint, String value, String defaultValue, String check) {

        public String field() {
            return threshold.field;
        }

        /** The number input's attributes: the smallest and largest value, and its step. */
        public String min() {
            return String.valueOf(threshold.min);
        }

        public String max() {
            return String.valueOf(threshold.max);
        }

        public String step() {
            return threshold.kind == Threshold.Kind.DECIMAL ? "0.1" : "1";
        }

        public String inputMode() {
            return threshold.kind == Threshold.Kind.DECIMAL ? "decimal" : "numeric";
        }
    }

    /** A field whose current value differs from what the person typed: its label and the value now. */
    public record Difference(String field, String label, String now) {}

    static CheckSettingsView of(
            Page page,
            UUID forumId,
            String forumName,
            CoherenceSettings settings,
            boolean editable,
            FormResult form,
            @Nullable Map<String, String> now,
            List<String> differing) {
        CheckSettings mine = settings.settings();
        CheckSettings defaults = settings.defaults();
        List<CheckRow> checks = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (CoherenceCheckCode check : CoherenceCheckCode.values()) {
            String name = page.label("CoherenceCheckCode", check.name());
            String byDefault = defaultSeverity(defaults, check).name();
            String rated = mine.severities().get(check.name());
            String severity = rated == null ? byDefault : rated;
            List<Choice> choices = new ArrayList<>();
            choices.add(new Choice(
                    "", page.t("checks.severity.byDefault", "severity", page.label("FlagSeverity", byDefault))));
            Arrays.stream(FlagSeverity.values())
                    .map(s -> new Choice(s.name(), page.label("FlagSeverity", s.name())))
                    .forEach(choices::add);
            checks.add(new CheckRow(
                    check.name(),
                    name,
                    page.t("flag.rule." + check.name()),
                    !mine.disabledChecks().contains(check.name()),
                    severity,
                    page.label("FlagSeverity", severity),
                    page.label("FlagSeverity", byDefault),
                    rated != null,
                    choices));
            labels.put(CheckSettingsForm.runs(check), page.t("checks.runs.of", "check", name));
            labels.put(CheckSettingsForm.severity(check), page.t("checks.severity.of", "check", name));
        }
        List<ThresholdRow> thresholds = new ArrayList<>();
        for (Threshold t : Threshold.values()) {
            Object value = t.of(mine);
            Object byDefault = t.of(defaults);
            String label = label(page, t);
            labels.put(t.field, label);
            thresholds.add(new ThresholdRow(
                    t,
                    label,
                    hint(page, t, byDefault),
                    value == null ? page.t("checks.value.default") : value(page, t, value),
                    byDefault == null ? "" : value(page, t, byDefault),
                    page.label("CoherenceCheckCode", t.check.name())));
        }
        List<Difference> differences = new ArrayList<>();
        if (now != null) {
            for (String field : differing) {
                differences.add(
                        new Difference(field, labels.getOrDefault(field, field), now(page, field, now, checks)));
            }
        }
        return new CheckSettingsView(
                forumId, forumName, settings, checks, thresholds, editable, form, labels, differences, now != null);
    }

    public String path() {
        return "/forums/" + forumId + "/checks";
    }

    /** How long the last run took, in milliseconds (to a tenth). */
    public java.math.BigDecimal tookMillis() {
        var run = settings.lastRun();
        return java.math.BigDecimal.valueOf(run == null ? 0 : run.tookMicros(), 3)
                .setScale(1, java.math.RoundingMode.HALF_UP);
    }

    static FlagSeverity defaultSeverity(CheckSettings defaults, CoherenceCheckCode check) {
        String named = defaults.severities().get(check.name());
        if (named != null) {
            for (FlagSeverity s : FlagSeverity.values()) {
                if (s.name().equals(named)) {
                    return s;
                }
            }
        }
        return FlagSeverity.MEDIUM;
    }

    /** A field's value as it is now, in words, for the form after someone else saved. */
    private static String now(Page page, String field, Map<String, String> now, List<CheckRow> checks) {
        String value = now.getOrDefault(field, "");
        if (field.startsWith(CheckSettingsForm.RUNS)) {
            return CheckSettingsForm.ON.equals(value) ? page.t("checks.runs.yes") : page.t("checks.runs.no");
        }
        if (field.startsWith(CheckSettingsForm.SEVERITY)) {
            String code = field.substring(CheckSettingsForm.SEVERITY.length());
            return value.isEmpty()
                    ? checks.stream()
                            .filter(c -> c.code().equals(code))
                            .findFirst()
                            .map(c -> page.t("checks.severity.byDefault", "severity", c.defaultSeverity()))
                            .orElse(value)
                    : page.label("FlagSeverity", value);
        }
        Threshold t = Threshold.byField(field);
        if (t == null) {
            return value;
        }
        if (t.codes()) {
            return value.isBlank() ? page.t("checks.value.none") : value;
        }
        return value.isBlank() ? page.t("checks.value.default") : value(page, t, number(value));
    }

    private static Object number(String value) {
        try {
            return new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** A threshold's value in words, with its unit. */
    static String value(Page page, Threshold t, Object value) {
        if (value instanceof List<?> codes) {
            return codes.isEmpty()
                    ? page.t("checks.value.none")
                    : String.join(", ", codes.stream().map(String::valueOf).toList());
        }
        if (!(value instanceof Number)) {
            return String.valueOf(value);
        }
        return switch (t) {
            case SMALL_CITY_MINIMUM -> page.t("checks.value.people", "count", value);
            case UNDERCOUNT_RATIO -> page.t("checks.value.times", "ratio", value);
            case STALE_AFTER_DAYS, TRANSITION_NOTICE_DAYS, NEED_REVIEW_DAYS ->
                page.t("checks.value.days", "count", value);
            case REGRESSION_PERCENT -> page.t("checks.value.points", "count", value);
            case REQUIRED_BREAKDOWN, PRIORITY_FRAMEWORK_ITEMS -> String.valueOf(value);
        };
    }

    private static String label(Page page, Threshold t) {
        return switch (t) {
            case SMALL_CITY_MINIMUM -> page.t("checks.field.smallCityMinimum");
            case UNDERCOUNT_RATIO -> page.t("checks.field.undercountRatio");
            case STALE_AFTER_DAYS -> page.t("checks.field.staleAfterDays");
            case REQUIRED_BREAKDOWN -> page.t("checks.field.requiredBreakdown");
            case TRANSITION_NOTICE_DAYS -> page.t("checks.field.transitionNoticeDays");
            case PRIORITY_FRAMEWORK_ITEMS -> page.t("checks.field.priorityFrameworkItems");
            case REGRESSION_PERCENT -> page.t("checks.field.regressionPercent");
            case NEED_REVIEW_DAYS -> page.t("checks.field.needReviewDays");
        };
    }

    private static String hint(Page page, Threshold t, @Nullable Object byDefault) {
        String check = page.label("CoherenceCheckCode", t.check.name());
        String shown = byDefault == null ? "" : value(page, t, byDefault);
        String example = t == Threshold.REQUIRED_BREAKDOWN ? "SEX, AGE_BAND, DISABILITY" : "GCM-15, GCM-16";
        return t.codes()
                ? page.t("checks.hint.codes", "check", check, "example", example, "most", t.max, "default", shown)
                : page.t("checks.hint.number", "check", check, "min", t.min, "max", t.max, "default", shown);
    }
}
