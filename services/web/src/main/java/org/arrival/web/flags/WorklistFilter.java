package org.arrival.web.flags;

import static org.arrival.web.layout.ListFilters.known;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.web.api.forum.ForumApi.FlagQuery;
import org.jspecify.annotations.Nullable;

/**
 * The worklist's filters: a status ({@code OPEN}, {@code ACKNOWLEDGED}, {@code RESOLVED}, {@code DISMISSED}, or
 * {@code ALL}; none means the open and the acknowledged), severity, check, organisation, the order by age and the
 * page. An unknown value is dropped.
 */
public record WorklistFilter(
        @Nullable String status,
        @Nullable String severity,
        @Nullable String check,
        @Nullable UUID org,
        boolean oldestFirst,
        int page) {

    public static final String ALL = "ALL";
    public static final int PAGE_SIZE = 20;
    static final List<String> WAITING = List.of("OPEN", "ACKNOWLEDGED");

    public static WorklistFilter of(
            @Nullable String status,
            @Nullable String severity,
            @Nullable String check,
            @Nullable String org,
            @Nullable String sort,
            @Nullable Integer page) {
        String s = ALL.equalsIgnoreCase(status == null ? "" : status.strip()) ? ALL : known(FlagStatus.class, status);
        return new WorklistFilter(
                s,
                known(FlagSeverity.class, severity),
                known(CoherenceCheckCode.class, check),
                uuid(org),
                "oldest".equals(sort),
                page == null || page < 0 ? 0 : page);
    }

    /** The statuses the forum service filters by: the waiting ones when none is chosen, none for all. */
    List<String> serviceStatuses() {
        return status == null ? WAITING : ALL.equals(status) ? List.of() : List.of(status);
    }

    /** The page of flags the worklist shows, as the forum service is asked for it. */
    FlagQuery query() {
        return new FlagQuery(serviceStatuses(), severity, check, org, oldestFirst, page, PAGE_SIZE);
    }

    public boolean filtered() {
        return status != null || severity != null || check != null || org != null;
    }

    /** The filters and order chosen, by parameter name (the page left out). */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("severity", severity);
        params.put("check", check);
        params.put("org", org);
        params.put("sort", oldestFirst ? "oldest" : null);
        return params;
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
