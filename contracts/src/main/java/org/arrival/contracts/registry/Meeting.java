package org.arrival.contracts.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The full state of a forum meeting after a change, as carried by every meeting event.
 *
 * @param startTime local time of day the meeting starts, {@code HH:mm}
 * @param place where it meets, if in person
 * @param onlineLink where it meets, if online
 * @param minutes the minutes as written by the secretariat (plain text)
 * @param cancellationReason why it was cancelled (only when cancelled)
 */
public record Meeting(
        UUID meetingId,
        long version,
        UUID forumId,
        String title,
        LocalDate date,
        @Nullable String startTime,
        @Nullable String place,
        @Nullable String onlineLink,
        List<AgendaItem> agenda,
        List<Attendance> attendance,
        @Nullable String minutes,
        MeetingStatus status,
        @Nullable String cancellationReason) {}
