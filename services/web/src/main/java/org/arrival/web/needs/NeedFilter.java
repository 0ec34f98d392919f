package org.arrival.web.needs;

import static org.arrival.web.layout.ListFilters.known;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.assessments.AssessmentsApi.NeedQuery;
import org.arrival.web.layout.ListFilters;
import org.jspecify.annotations.Nullable;

/**
 * The needs list's filters, sort and page as its form and links carry them. Values the assessments service would
 * refuse (an unknown sector, say) are dropped rather than sent.
 *
 * @param mine only the person's organisation's needs
 */
public record NeedFilter(
        @Nullable String area,
        @Nullable String sector,
        @Nullable String group,
        @Nullable String status,
        boolean mine,
        String sort,
        int page) {

    public static final int PAGE_SIZE = 25;
    /** Newest first by default; a list of needs is never sorted by a count. */
    public static final List<String> SORTS = List.of("-createdAt", "createdAt", "-updatedAt", "-severity", "severity");

    public static NeedFilter of(
            @Nullable String area,
            @Nullable String sector,
            @Nullable String group,
            @Nullable String status,
            @Nullable Boolean mine,
            @Nullable String sort,
            @Nullable Integer page) {
        return new NeedFilter(
                area == null || area.isBlank() ? null : area.strip(),
                known(Sector.class, sector),
                known(PopulationGroup.class, group),
                known(NeedStatus.class, status),
                Boolean.TRUE.equals(mine),
                sort != null && SORTS.contains(sort) ? sort : SORTS.getFirst(),
                page == null || page < 0 ? 0 : page);
    }

    /** The page of the service's listing these filters select; {@code organisation} is the person's. */
    public NeedQuery query(@Nullable UUID organisation) {
        return new NeedQuery(sector, group, area, status, mine ? organisation : null, sort, page, PAGE_SIZE);
    }

    public boolean filtered() {
        return area != null || sector != null || group != null || status != null || mine;
    }

    public NeedFilter page(int p) {
        return new NeedFilter(area, sector, group, status, mine, sort, p);
    }

    /** The query string of these filters (without a leading {@code ?}); empty when nothing is chosen. */
    public String queryString() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("area", area);
        params.put("sector", sector);
        params.put("group", group);
        params.put("status", status);
        params.put("mine", mine ? "true" : null);
        params.put("sort", SORTS.getFirst().equals(sort) ? null : sort);
        params.put("page", page == 0 ? null : page);
        return ListFilters.queryString(params);
    }

    /** A path with these filters' query string. */
    public String on(String path) {
        return ListFilters.on(path, queryString());
    }
}
