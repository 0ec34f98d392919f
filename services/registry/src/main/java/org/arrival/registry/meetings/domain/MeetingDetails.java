package org.arrival.registry.meetings.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.arrival.platform.web.InvalidInput;
import org.arrival.registry.shared.Text;
import org.jspecify.annotations.Nullable;

/** When and where a meeting is held, and what it is called. */
public record MeetingDetails(
        String title,
        LocalDate date,
        @Nullable String startTime,
        @Nullable String place,
        @Nullable String onlineLink) {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    /** The details as stored: text trimmed, blank optional parts absent, time and link checked. */
    public static MeetingDetails of(
            @Nullable String title,
            @Nullable LocalDate date,
            @Nullable String startTime,
            @Nullable String place,
            @Nullable String onlineLink) {
        if (date == null) {
            throw InvalidInput.field("date", "is required");
        }
        String time = Text.optional(startTime);
        if (time != null && !TIME.matcher(time).matches()) {
            throw InvalidInput.field("startTime", "must be a time of day as HH:mm");
        }
        String link = Text.optional(onlineLink);
        if (link != null
                && (!link.startsWith("https://") || link.length() <= "https://".length() || link.contains(" "))) {
            throw InvalidInput.field("onlineLink", "must be an https:// address");
        }
        return new MeetingDetails(Text.required(title, "title"), date, time, Text.optional(place), link);
    }
}
