package org.arrival.web.notifications;

import java.util.List;
import java.util.UUID;
import org.arrival.web.api.Listing;
import org.arrival.web.api.notifications.NotificationsApi;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's inbox: their notifications and their organisation's, newest first, worded in their language, each
 * leading to its record's page; unread ones marked and counted; marking one or all read (plain forms, POST and
 * redirect).
 */
@Controller
public class InboxPage {

    static final int PAGE_SIZE = 25;

    private final NotificationsApi notifications;

    public InboxPage(NotificationsApi notifications) {
        this.notifications = notifications;
    }

    /** The inbox's page of notifications, the filter and the counts. */
    public record InboxView(
            List<NoticeRow> items, boolean unreadOnly, int page, int totalPages, long total, long unread) {

        public String path(int p) {
            return "/notifications?" + (unreadOnly ? "unread=true&" : "") + "page=" + p;
        }
    }

    @GetMapping("/notifications")
    public String inbox(
            @RequestParam(required = false) @Nullable Boolean unread,
            @RequestParam(required = false) @Nullable Integer page,
            @ModelAttribute("page") Page view,
            Model model) {
        boolean unreadOnly = Boolean.TRUE.equals(unread);
        int p = page == null || page < 0 ? 0 : page;
        Listing<NotificationsApi.InboxItem> found = notifications.inbox(unreadOnly, p, PAGE_SIZE);
        model.addAttribute(
                "inbox",
                new InboxView(
                        found.items().stream().map(i -> NoticeRow.of(view, i)).toList(),
                        unreadOnly,
                        found.page(),
                        Math.max(1, found.totalPages()),
                        found.totalItems(),
                        notifications.unreadCount()));
        return "notifications/inbox";
    }

    @PostMapping("/notifications/{id}/read")
    public String read(@PathVariable UUID id, @RequestParam(required = false) @Nullable String back) {
        notifications.markRead(id);
        return "redirect:" + back(back) + "#notification-" + id;
    }

    @PostMapping("/notifications/read-all")
    public String readAll(@RequestParam(required = false) @Nullable String back) {
        notifications.markAllRead();
        return "redirect:" + back(back);
    }

    /** Back to the inbox page the person was on (only an inbox address). */
    static String back(@Nullable String back) {
        return back != null
                        && back.startsWith("/notifications")
                        && !back.startsWith("//")
                        && back.chars().noneMatch(c -> c < 0x20 || c == '#')
                ? back
                : "/notifications";
    }
}
