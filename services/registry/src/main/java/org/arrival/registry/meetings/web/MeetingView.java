package org.arrival.registry.meetings.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.AttendanceStatus;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.registry.meetings.application.Reads.MeetingRead;
import org.jspecify.annotations.Nullable;

/** A meeting as the API shows it, with the decisions recorded at it. */
public record MeetingView(
        UUID meetingId,
        long version,
        UUID forumId,
        String title,
        LocalDate date,
        @Nullable String startTime,
        @Nullable String place,
        @Nullable String onlineLink,
        List<AgendaItem> agenda,
        List<AttendanceView> attendance,
        @Nullable String minutes,
        MeetingStatus status,
        @Nullable String cancellationReason,
        List<DecisionView> decisions) {

    public record AttendanceView(
            UUID stakeholderId, @Nullable String name, AttendanceStatus status) {}

    public static MeetingView of(MeetingRead read) {
        var m = read.meeting();
        var d = m.details();
        return new MeetingView(
                m.id(),
                m.version(),
                m.forumId(),
                d.title(),
                d.date(),
                d.startTime(),
                d.place(),
                d.onlineLink(),
                m.agenda(),
                m.attendance().stream()
                        .map(a -> new AttendanceView(
                                a.stakeholderId(), read.names().get(a.stakeholderId()), a.status()))
                        .toList(),
                m.minutes(),
                m.status(),
                m.cancellationReason(),
                read.decisions().stream().map(DecisionView::of).toList());
    }
}
