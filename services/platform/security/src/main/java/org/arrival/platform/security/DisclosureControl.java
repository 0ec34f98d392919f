package org.arrival.platform.security;

import java.util.Locale;
import java.util.Set;
import org.arrival.contracts.assessments.Count;
import org.jspecify.annotations.Nullable;

/**
 * Statistical disclosure control of head counts, the rule every service applies before a count of people leaves its
 * owner (in an API answer to anyone else, in an event, an export or the forum's views):
 * <ol>
 * <li><b>primary suppression</b>: a count from 0 to 4 is not shown, only {@code "<5"};</li>
 * <li><b>rounding to base 5</b>: every other count is shown rounded to the nearest multiple of 5.</li>
 * </ol>
 * Rounding is what makes the rule survive subtraction: any difference between two shown counts (registered against
 * estimated, a total against its breakdown, two values of a series, a target against what was reached) is a multiple
 * of 5, so it never reveals a value from 1 to 4, whatever the records or surfaces it is taken from. Breakdowns add
 * complementary suppression on top (see the assessments service). The method follows the rounding of published
 * tables to base 5 used by national statistics offices (documented in docs/security.md).
 */
public final class DisclosureControl {

    /** Counts below this are suppressed. */
    public static final int THRESHOLD = 5;
    /** Shown counts are multiples of this. */
    public static final int BASE = 5;

    /** Units of an indicator that count people (or households): such indicators are head counts too. */
    private static final Set<String> PEOPLE_UNITS = Set.of(
            "people",
            "person",
            "persons",
            "individuals",
            "individual",
            "households",
            "household",
            "families",
            "family",
            "refugees",
            "refugee",
            "migrants",
            "migrant",
            "children",
            "child",
            "women",
            "men",
            "girls",
            "boys",
            "students",
            "pupils",
            "patients",
            "beneficiaries",
            "participants",
            "residents",
            "idps",
            "personnes",
            "ménages",
            "familles",
            "enfants",
            "femmes",
            "hommes",
            "bénéficiaires",
            "personas",
            "hogares",
            "familias",
            "niños",
            "mujeres",
            "hombres",
            "beneficiarios",
            "أشخاص",
            "أسر",
            "أطفال",
            "نساء",
            "رجال",
            "head count",
            "headcount");

    private DisclosureControl() {}

    public static boolean small(long value) {
        return value < THRESHOLD;
    }

    /** The count as someone other than its owner sees it: suppressed when small, otherwise rounded to base 5. */
    public static Count shown(long value) {
        return small(value) ? Count.hidden() : Count.of(Math.toIntExact(rounded(value)));
    }

    /** The count as this viewer sees it: exact for those who may see it exactly, otherwise {@link #shown}. */
    public static @Nullable Count count(@Nullable Integer value, boolean exact) {
        if (value == null) {
            return null;
        }
        return exact ? Count.of(value) : shown(value);
    }

    /** The nearest multiple of {@link #BASE} (halves up); only meaningful for counts that are not small. */
    public static long rounded(long value) {
        return Math.floorDiv(value + BASE / 2, BASE) * BASE;
    }

    /**
     * A people-unit quantity (which may arrive as a decimal) as others see it: null when suppressed, otherwise
     * rounded to base 5. Quantities that are not whole numbers are not head counts and are returned unchanged.
     */
    public static @Nullable Double shownQuantity(@Nullable Double value) {
        if (value == null || value != Math.rint(value) || Double.isInfinite(value)) {
            return value;
        }
        long count = (long) value.doubleValue();
        return small(count) ? null : (double) rounded(count);
    }

    /** Whether an indicator measured in this unit counts people. */
    public static boolean countsPeople(@Nullable String unit) {
        if (unit == null) {
            return false;
        }
        String u = unit.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("number of ")) {
            u = u.substring("number of ".length());
        } else if (u.startsWith("nombre de ")) {
            u = u.substring("nombre de ".length());
        } else if (u.startsWith("número de ")) {
            u = u.substring("número de ".length());
        } else if (u.startsWith("# ")) {
            u = u.substring(2);
        }
        return PEOPLE_UNITS.contains(u);
    }
}
