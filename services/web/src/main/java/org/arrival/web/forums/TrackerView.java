package org.arrival.web.forums;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.Listing;
import org.arrival.web.api.forum.ForumApi.TrackerItem;

/**
 * The tracker as the page shows it: the page of actions the filters select, how many the forum has in all, and the
 * choices of the filter form.
 */
public record TrackerView(
        UUID forumId,
        TrackerFilter filter,
        Listing<TrackerItem> shown,
        int total,
        Map<String, UUID> owners,
        List<String> sectors,
        List<String> groups,
        List<String> statuses) {

    public static final String FORM_ID = "tracker-filters";

    public String path() {
        return "/forums/" + forumId;
    }

    public String partPath() {
        return "/forums/" + forumId + "/parts/tracker";
    }

    public boolean hasPrevious() {
        return filter.page() > 0;
    }

    public boolean hasNext() {
        return filter.page() + 1 < shown.totalPages();
    }
}
