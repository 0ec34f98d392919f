package org.arrival.web.checks;

import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.web.api.forum.ForumApi.CheckSettings;
import org.jspecify.annotations.Nullable;

/**
 * A threshold of a coherence check, by the settings' JSON field that holds it, with the values the forum service
 * allows ({@code min} to {@code max}; for a list of codes, at most {@code max} of them). In the checks' order.
 */
public enum Threshold {
    SMALL_CITY_MINIMUM("smallCityMinimum", CoherenceCheckCode.SMALL_CITY_LEFT_OUT, Kind.WHOLE, 1L, 1_000_000_000L),
    UNDERCOUNT_RATIO("undercountRatio", CoherenceCheckCode.UNDERCOUNT, Kind.DECIMAL, 1.1, 100),
    STALE_AFTER_DAYS("staleAfterDays", CoherenceCheckCode.STALE_EVIDENCE, Kind.WHOLE, 30, 3650),
    NEED_REVIEW_DAYS("needReviewDays", CoherenceCheckCode.STALE_EVIDENCE, Kind.WHOLE, 30, 3650),
    REQUIRED_BREAKDOWN("requiredBreakdown", CoherenceCheckCode.DISAGGREGATION_GAP, Kind.CODES, 0, 10),
    TRANSITION_NOTICE_DAYS("transitionNoticeDays", CoherenceCheckCode.TRANSITION_GAP, Kind.WHOLE, 0, 365),
    PRIORITY_FRAMEWORK_ITEMS("priorityFrameworkItems", CoherenceCheckCode.FRAMEWORK_COVERAGE_GAP, Kind.CODES, 0, 50),
    REGRESSION_PERCENT("regressionPercent", CoherenceCheckCode.CHECKLIST_REGRESSION, Kind.WHOLE, 1, 100);

    /** What a threshold holds: a whole number, a decimal number, or a list of codes. */
    public enum Kind {
        WHOLE,
        DECIMAL,
        CODES
    }

    public final String field;
    public final CoherenceCheckCode check;
    public final Kind kind;
    public final Number min;
    public final Number max;

    Threshold(String field, CoherenceCheckCode check, Kind kind, Number min, Number max) {
        this.field = field;
        this.check = check;
        this.kind = kind;
        this.min = min;
        this.max = max;
    }

    public boolean codes() {
        return kind == Kind.CODES;
    }

    /** The value these settings hold (a number, a list of codes), or null when the service gave none. */
    public @Nullable Object of(CheckSettings settings) {
        return switch (this) {
            case SMALL_CITY_MINIMUM -> settings.smallCityMinimum();
            case UNDERCOUNT_RATIO -> settings.undercountRatio();
            case STALE_AFTER_DAYS -> settings.staleAfterDays();
            case NEED_REVIEW_DAYS -> settings.needReviewDays();
            case REQUIRED_BREAKDOWN -> settings.requiredBreakdown();
            case TRANSITION_NOTICE_DAYS -> settings.transitionNoticeDays();
            case PRIORITY_FRAMEWORK_ITEMS -> settings.priorityFrameworkItems();
            case REGRESSION_PERCENT -> settings.regressionPercent();
        };
    }

    public static @Nullable Threshold byField(@Nullable String field) {
        for (Threshold t : values()) {
            if (t.field.equals(field)) {
                return t;
            }
        }
        return null;
    }
}
