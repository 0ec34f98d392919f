package org.arrival.web.forums;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.forum.ForumApi.TrackerQuery;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The tracker's filters, sort and page as the page's form and links carry them; values the forum service would
 * refuse (an unknown sector, say) are dropped rather than sent.
 */
public record TrackerFilter(UUID org, String sector, String group, String status, String area, String sort, int page) {

    public static final int PAGE_SIZE = 25;
    public static final List<String> SORTS = List.of("title", "-title", "status", "startDate", "-startDate", "endDate",
            "-endDate");

    public static TrackerFilter of(String org, String sector, String group, String status, String area, String sort,
            Integer page) {
        UUID orgId = null;
        try {
            orgId = org == null || org.isBlank() ? null : UUID.fromString(org.strip());
        } catch (IllegalArgumentException e) {
            orgId = null;
        }
        return new TrackerFilter(orgId, known(Sector.class, sector), known(PopulationGroup.class, group),
                known(ActionStatus.class, status), area == null || area.isBlank() ? null : area.strip(),
                sort != null && SORTS.contains(sort) ? sort : "title", page == null || page < 0 ? 0 : page);
    }

    public TrackerQuery query() {
        return new TrackerQuery(org, sector, group, status, area, sort, page, PAGE_SIZE);
    }

    public boolean filtered() {
        return org != null || sector != null || group != null || status != null || area != null;
    }

    public TrackerFilter page(int p) {
        return new TrackerFilter(org, sector, group, status, area, sort, p);
    }

    public TrackerFilter sortedBy(String s) {
        return new TrackerFilter(org, sector, group, status, area, s, 0);
    }

    /** The query string of these filters (without a leading {@code ?}); empty when nothing is chosen. */
    public String queryString() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", org);
        params.put("sector", sector);
        params.put("group", group);
        params.put("status", status);
        params.put("area", area);
        params.put("sort", "title".equals(sort) ? null : sort);
        params.put("page", page == 0 ? null : page);
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        params.forEach((k, v) -> {
            if (v != null) {
                b.queryParam(k, v);
            }
        });
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    /** A path with these filters' query string. */
    public String on(String path) {
        String q = queryString();
        return q.isEmpty() ? path : path + "?" + q;
    }

    private static <E extends Enum<E>> String known(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e.name();
            }
        }
        return null;
    }
}
