package org.arrival.web.needs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.Listing;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.problems.Choice;

/**
 * The needs list as the page shows it: the page of needs the filters select, their owners' names, the filter form's
 * choices, and whether the person may record a need.
 */
public record NeedList(
        NeedFilter filter,
        Listing<Need> shown,
        Map<UUID, String> owners,
        List<Choice> sectors,
        List<Choice> groups,
        List<Choice> statuses,
        boolean mayRecord) {

    public static final String PATH = "/needs";
    public static final String RESULTS_ID = "needs-results";

    public boolean hasPrevious() {
        return filter.page() > 0;
    }

    public boolean hasNext() {
        return filter.page() + 1 < shown.totalPages();
    }

    /** A long statement cut at a word for the list, where the need's page shows it whole. */
    public static String shortStatement(String statement) {
        int max = 160;
        if (statement == null || statement.length() <= max) {
            return statement;
        }
        int cut = statement.lastIndexOf(' ', max);
        return statement.substring(0, cut > 80 ? cut : max).strip() + "…";
    }
}
