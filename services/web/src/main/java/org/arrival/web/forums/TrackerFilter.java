package org.arrival.web.forums;

import static org.arrival.web.layout.ListFilters.known;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.forum.ForumApi.TrackerQuery;
import org.arrival.web.layout.ListFilters;
import org.jspecify.annotations.Nullable;

/**
 * The tracker's filters, sort and page as the page's form and links carry them; values the forum service would
 * refuse (an unknown sector, say) are dropped rather than sent.
 */
public record TrackerFilter(
        @Nullable UUID org,
        @Nullable String sector,
        @Nullable String group,
        @Nullable String status,
        @Nullable String area,
        @Nullable String text,
        boolean overdue,
        String sort,
        int page) {

    public static final int PAGE_SIZE = 25;
    public static final List<String> SORTS =
            List.of("title", "-title", "status", "startDate", "-startDate", "endDate", "-endDate");

    public static TrackerFilter of(
            @Nullable String org,
            @Nullable String sector,
            @Nullable String group,
            @Nullable String status,
            @Nullable String area,
            @Nullable String text,
            @Nullable Boolean overdue,
            @Nullable String sort,
            @Nullable Integer page) {
        @Nullable UUID orgId = null;
        try {
            orgId = org == null || org.isBlank() ? null : UUID.fromString(org.strip());
        } catch (IllegalArgumentException e) {
            orgId = null;
        }
        return new TrackerFilter(
                orgId,
                known(Sector.class, sector),
                known(PopulationGroup.class, group),
                known(ActionStatus.class, status),
                area == null || area.isBlank() ? null : area.strip(),
                text == null || text.isBlank() ? null : text.strip(),
                Boolean.TRUE.equals(overdue),
                sort != null && SORTS.contains(sort) ? sort : "title",
                page == null || page < 0 ? 0 : page);
    }

    /** The page of the forum service's listing these filters select. */
    public TrackerQuery query() {
        return new TrackerQuery(org, sector, group, status, area, sort, page, PAGE_SIZE);
    }

    /** The forum service's listing with the filters it takes, every page (the others apply here). */
    public TrackerQuery unpaged() {
        return new TrackerQuery(org, sector, group, status, area, sort, null, null);
    }

    /**
     * Whether a filter the forum service does not take is chosen (words in the title or owner, only overdue
     * reporting): then the listing is read whole and filtered and paged here.
     */
    public boolean filtersHere() {
        return text != null || overdue;
    }

    /** An action passes the filters the forum service does not apply. */
    public boolean matches(org.arrival.web.api.forum.ForumApi.TrackerItem item, java.util.Locale locale) {
        if (overdue && !item.overdue()) {
            return false;
        }
        if (text == null) {
            return true;
        }
        String haystack = ((item.title() == null ? "" : item.title()) + " "
                        + (item.ownerName() == null ? "" : item.ownerName()))
                .toLowerCase(locale);
        return haystack.contains(text.toLowerCase(locale));
    }

    public boolean filtered() {
        return org != null || sector != null || group != null || status != null || area != null || filtersHere();
    }

    public TrackerFilter page(int p) {
        return new TrackerFilter(org, sector, group, status, area, text, overdue, sort, p);
    }

    /** The query string of these filters (without a leading {@code ?}); empty when nothing is chosen. */
    public String queryString() {
        return ListFilters.queryString(new LinkedHashMap<String, Object>(params()));
    }

    /** The filters, sort and page chosen, by parameter name (those left at their default are not named). */
    public Map<String, String> params() {
        Map<String, @Nullable Object> all = new LinkedHashMap<>();
        all.put("org", org);
        all.put("sector", sector);
        all.put("group", group);
        all.put("status", status);
        all.put("area", area);
        all.put("q", text);
        all.put("overdue", overdue ? "true" : null);
        all.put("sort", "title".equals(sort) ? null : sort);
        all.put("page", page == 0 ? null : page);
        Map<String, String> params = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (v != null) {
                params.put(k, String.valueOf(v));
            }
        });
        return params;
    }

    /** A path with these filters' query string. */
    public String on(String path) {
        return ListFilters.on(path, queryString());
    }
}
