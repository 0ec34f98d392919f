package org.arrival.web.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.forum.ForumApi.TrackerItem;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;

/**
 * The as-of page: the date asked for (as the form keeps it), the forum's tracker as it stood at the end of that day,
 * and what changed since, newest first ({@code shown} of {@code total}). Without a result (a date refused) only the
 * form is shown.
 */
public record AsOfView(
        ForumSummary forum,
        FormResult form,
        @Nullable LocalDate date,
        @Nullable Instant at,
        List<TrackerItem> tracker,
        List<ChangeRow> changes,
        int total) {

    /** One change: when, what happened (worded), to which record (its kind, title and page, if it has one). */
    public record ChangeRow(
            Instant time,
            String what,
            String recordKind,
            String title,
            @Nullable String href,
            @Nullable UUID recordId) {}

    public boolean hasResult() {
        return at != null;
    }
}
