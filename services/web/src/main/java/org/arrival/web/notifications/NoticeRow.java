package org.arrival.web.notifications;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.web.api.notifications.NotificationsApi.InboxItem;
import org.arrival.web.layout.Page;
import org.arrival.web.wording.Wording;
import org.jspecify.annotations.Nullable;

/**
 * A notification as the inbox shows it: worded in the reader's language from its code and parameters (its English
 * words when it came without), with the path of the record's page in this application.
 */
public record NoticeRow(
        UUID id,
        @Nullable String title,
        List<String> body,
        @Nullable String href,
        Instant occurredAt,
        boolean read,
        boolean personal) {

    public static NoticeRow of(Page page, InboxItem item) {
        return new NoticeRow(
                item.id(),
                Wording.title(page, item.code(), item.parameters(), item.title()),
                Wording.body(page, item.code(), item.parameters(), item.body()),
                localPath(item.link()),
                item.occurredAt(),
                item.read(),
                item.personal());
    }

    /**
     * The record's page here: the path of the service's link (which names this application's address as the
     * service knows it), never another site.
     */
    static @Nullable String localPath(@Nullable String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(link.strip());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
