package org.arrival.forum.projection.domain;

import java.util.List;
import org.arrival.contracts.common.Jurisdiction;
import org.jspecify.annotations.Nullable;

/** How the forum view compares and names places, the same way in every view and check. */
public final class Places {

    private Places() {}

    /** Whether one of the areas contains the place: same country, and subdivision and area code where given. */
    public static boolean covers(List<Jurisdiction> areas, @Nullable Jurisdiction place) {
        if (place == null) {
            return false;
        }
        for (Jurisdiction a : areas) {
            if (a.country() != null
                    && a.country().equals(place.country())
                    && (a.subdivision() == null || a.subdivision().equals(place.subdivision()))
                    && (a.areaCode() == null || a.areaCode().equals(place.areaCode()))) {
                return true;
            }
        }
        return false;
    }

    /** The most specific name a place has, or {@code none} when there is no place. */
    public static String name(@Nullable Jurisdiction j, String none) {
        return j == null ? none : name(j);
    }

    /** The most specific name the place has: its area's name or code, else its subdivision, else its country. */
    public static String name(Jurisdiction j) {
        if (j.areaName() != null) {
            return j.areaName();
        }
        if (j.areaCode() != null) {
            return j.areaCode();
        }
        return j.subdivision() != null ? j.subdivision() : j.country();
    }
}
