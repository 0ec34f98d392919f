package org.arrival.web.forums;

import static org.arrival.web.layout.ListFilters.known;

import java.util.LinkedHashMap;
import java.util.Map;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.jspecify.annotations.Nullable;

/**
 * The flag list's filters, by severity and by check, as the forum service's {@code severity} and {@code check}
 * parameters take them; an unknown value is dropped rather than sent.
 */
public record FlagFilter(
        @Nullable String severity, @Nullable String check) {

    public static FlagFilter of(@Nullable String severity, @Nullable String check) {
        return new FlagFilter(known(FlagSeverity.class, severity), known(CoherenceCheckCode.class, check));
    }

    public boolean filtered() {
        return severity != null || check != null;
    }

    /** The filters chosen, by parameter name. */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (severity != null) {
            params.put("severity", severity);
        }
        if (check != null) {
            params.put("check", check);
        }
        return params;
    }
}
