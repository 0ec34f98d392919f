package org.arrival.registry.meetings.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.Attendance;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.arrival.registry.shared.FieldChanges;
import org.arrival.registry.shared.Text;
import org.jspecify.annotations.Nullable;

/**
 * A forum meeting. Lifecycle: scheduled, then held, then its minutes approved (final); or cancelled while scheduled
 * (final). Details, agenda and attendance change while it is scheduled or held; minutes only once it was held.
 */
public record Meeting(
        UUID id,
        long version,
        UUID forumId,
        MeetingDetails details,
        List<AgendaItem> agenda,
        List<Attendance> attendance,
        @Nullable String minutes,
        MeetingStatus status,
        @Nullable String cancellationReason) {

    public Meeting {
        agenda = List.copyOf(agenda);
        attendance = List.copyOf(attendance);
    }

    public static Meeting schedule(UUID id, UUID forumId, MeetingDetails details, List<AgendaItem> agenda) {
        return new Meeting(id, 1, forumId, details, agenda, List.of(), null, MeetingStatus.SCHEDULED, null);
    }

    /** New details and agenda; an item keeps its id when the agenda still has an item of the same title. */
    public Meeting revise(MeetingDetails next, List<AgendaItem> nextAgenda) {
        requireOpen("edited");
        List<AgendaItem> unused = new ArrayList<>(agenda);
        List<AgendaItem> kept = new ArrayList<>();
        for (AgendaItem item : nextAgenda) {
            AgendaItem same = unused.stream()
                    .filter(a -> a.title().equals(item.title()))
                    .findFirst()
                    .orElse(null);
            if (same != null) {
                unused.remove(same);
                kept.add(new AgendaItem(same.itemId(), item.title(), item.note(), item.records(), item.proposalId()));
            } else {
                kept.add(item);
            }
        }
        return new Meeting(id, version + 1, forumId, next, kept, attendance, minutes, status, cancellationReason);
    }

    public List<String> changesTo(MeetingDetails next, List<AgendaItem> nextAgenda) {
        return new FieldChanges()
                .compare("title", details.title(), next.title())
                .compare("date", details.date(), next.date())
                .compare("startTime", details.startTime(), next.startTime())
                .compare("place", details.place(), next.place())
                .compare("onlineLink", details.onlineLink(), next.onlineLink())
                .compare("agenda", withoutIds(agenda), withoutIds(nextAgenda))
                .list();
    }

    public Meeting attend(List<Attendance> next) {
        requireOpen("given attendance");
        return new Meeting(id, version + 1, forumId, details, agenda, next, minutes, status, cancellationReason);
    }

    public Meeting writeMinutes(@Nullable String text) {
        if (status != MeetingStatus.HELD) {
            throw new RuleViolation("Minutes are written for a held meeting; this one is " + status);
        }
        return new Meeting(id, version + 1, forumId, details, agenda, attendance, Text.optional(text), status, null);
    }

    /** The next lifecycle step: HELD, MINUTES_APPROVED or CANCELLED (which needs a reason). */
    public Meeting moveTo(MeetingStatus next, @Nullable String reason) {
        MeetingStatus from = switch (next) {
            case HELD, CANCELLED -> MeetingStatus.SCHEDULED;
            case MINUTES_APPROVED -> MeetingStatus.HELD;
            case SCHEDULED -> throw InvalidInput.field("status", "must be HELD, MINUTES_APPROVED or CANCELLED");
        };
        String why = Text.optional(reason);
        if (next == MeetingStatus.CANCELLED && why == null) {
            throw InvalidInput.field("reason", "is required to cancel a meeting");
        }
        if (status != from) {
            throw new RuleViolation("A meeting that is " + status + " cannot become " + next);
        }
        return new Meeting(
                id,
                version + 1,
                forumId,
                details,
                agenda,
                attendance,
                minutes,
                next,
                next == MeetingStatus.CANCELLED ? why : null);
    }

    /** Decisions are recorded only at a meeting that took place and whose minutes are still open. */
    public void requireHeld() {
        if (status != MeetingStatus.HELD) {
            throw new RuleViolation("Decisions are recorded at a held meeting; this one is " + status);
        }
    }

    private void requireOpen(String verb) {
        if (status != MeetingStatus.SCHEDULED && status != MeetingStatus.HELD) {
            throw new RuleViolation("A meeting that is " + status + " cannot be " + verb);
        }
    }

    /** The meeting as its events carry it. */
    public org.arrival.contracts.registry.Meeting toContract() {
        return new org.arrival.contracts.registry.Meeting(
                id,
                version,
                forumId,
                details.title(),
                details.date(),
                details.startTime(),
                details.place(),
                details.onlineLink(),
                agenda,
                attendance,
                minutes,
                status,
                cancellationReason);
    }

    public static Meeting of(org.arrival.contracts.registry.Meeting m) {
        return new Meeting(
                m.meetingId(),
                m.version(),
                m.forumId(),
                new MeetingDetails(m.title(), m.date(), m.startTime(), m.place(), m.onlineLink()),
                m.agenda(),
                m.attendance(),
                m.minutes(),
                m.status(),
                m.cancellationReason());
    }

    private static List<List<Object>> withoutIds(List<AgendaItem> items) {
        return items.stream()
                .map(i -> java.util.Arrays.<Object>asList(i.title(), i.note(), i.records(), i.proposalId()))
                .toList();
    }
}
