package org.arrival.forum.projection.domain;

import java.util.ArrayList;
import java.util.List;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.Assignment;
import org.arrival.contracts.registry.AssignmentAccepted;
import org.arrival.contracts.registry.AssignmentDeclined;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.AssignmentOverdue;
import org.arrival.contracts.registry.Attendance;
import org.arrival.contracts.registry.Decision;
import org.arrival.contracts.registry.DecisionRecorded;
import org.arrival.contracts.registry.Dissent;
import org.arrival.contracts.registry.Meeting;
import org.arrival.contracts.registry.MeetingCancelled;
import org.arrival.contracts.registry.MeetingHeld;
import org.arrival.contracts.registry.MeetingScheduled;
import org.arrival.contracts.registry.MeetingUpdated;
import org.arrival.contracts.registry.MinutesApproved;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.forum.projection.domain.Rows.AgendaItemState;
import org.arrival.forum.projection.domain.Rows.AssignmentRow;
import org.arrival.forum.projection.domain.Rows.AttendanceState;
import org.arrival.forum.projection.domain.Rows.DecisionRow;
import org.arrival.forum.projection.domain.Rows.DissentState;
import org.arrival.forum.projection.domain.Rows.MeetingRow;
import org.arrival.forum.projection.domain.Rows.RecordRef;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Projector}'s part for a forum's meetings, decisions and assignments. Each event carries the full state of
 * its record and a version: a newer version replaces the row, an older or repeated one changes nothing. Agenda
 * proposals are not kept: the meetings that take them up name them.
 */
final class Meetings {

    private Meetings() {}

    static void apply(ProjectionStore store, ProjectedEvent event) {
        switch (event.name()) {
            case "MeetingScheduled" ->
                meeting(store, event.payloadAs(MeetingScheduled.class).meeting());
            case "MeetingUpdated" ->
                meeting(store, event.payloadAs(MeetingUpdated.class).meeting());
            case "MeetingHeld" ->
                meeting(store, event.payloadAs(MeetingHeld.class).meeting());
            case "MinutesApproved" ->
                meeting(store, event.payloadAs(MinutesApproved.class).meeting());
            case "MeetingCancelled" ->
                meeting(store, event.payloadAs(MeetingCancelled.class).meeting());
            case "DecisionRecorded" ->
                decision(store, event, event.payloadAs(DecisionRecorded.class).decision());
            case "AssignmentMade" ->
                assignment(store, event.payloadAs(AssignmentMade.class).assignment());
            case "AssignmentAccepted" ->
                assignment(store, event.payloadAs(AssignmentAccepted.class).assignment());
            case "AssignmentDeclined" ->
                assignment(store, event.payloadAs(AssignmentDeclined.class).assignment());
            case "AssignmentOverdue" ->
                assignment(store, event.payloadAs(AssignmentOverdue.class).assignment());
            default -> throw new IllegalArgumentException("not a meeting event: " + event.type());
        }
    }

    private static void meeting(ProjectionStore store, Meeting m) {
        if (store.meeting(m.meetingId()).map(r -> r.version >= m.version()).orElse(false)) {
            return;
        }
        MeetingRow row = new MeetingRow();
        row.id = m.meetingId();
        row.version = m.version();
        row.forumId = m.forumId();
        row.title = m.title();
        row.date = m.date();
        row.startTime = m.startTime();
        row.place = m.place();
        row.onlineLink = m.onlineLink();
        for (AgendaItem item : copy(m.agenda())) {
            AgendaItemState state = new AgendaItemState();
            state.itemId = item.itemId();
            state.title = item.title();
            state.note = item.note();
            state.records = refs(item.records());
            state.proposalId = item.proposalId();
            row.agenda.add(state);
        }
        for (Attendance a : copy(m.attendance())) {
            AttendanceState state = new AttendanceState();
            state.stakeholderId = a.stakeholderId();
            state.status = name(a.status());
            row.attendance.add(state);
        }
        row.minutes = m.minutes();
        row.status = name(m.status());
        row.cancellationReason = m.cancellationReason();
        store.save(row);
    }

    private static void decision(ProjectionStore store, ProjectedEvent event, Decision d) {
        if (store.decision(d.decisionId()).map(r -> r.version >= d.version()).orElse(false)) {
            return;
        }
        DecisionRow row = new DecisionRow();
        row.id = d.decisionId();
        row.version = d.version();
        row.forumId = d.forumId();
        row.meetingId = d.meetingId();
        row.decidedOn = d.decidedOn();
        row.text = d.text();
        row.type = name(d.type());
        row.method = name(d.method());
        if (d.votes() != null) {
            row.inFavour = d.votes().inFavour();
            row.against = d.votes().against();
            row.abstaining = d.votes().abstaining();
        }
        for (Dissent x : copy(d.dissent())) {
            DissentState state = new DissentState();
            state.stakeholderId = x.stakeholderId();
            state.reason = x.reason();
            row.dissent.add(state);
        }
        row.concerns = refs(d.concerns());
        row.escalatedToForumId = d.escalatedToForumId();
        row.recordedAt = event.time();
        store.save(row);
    }

    private static void assignment(ProjectionStore store, Assignment a) {
        if (store.assignment(a.assignmentId())
                .map(r -> r.version >= a.version())
                .orElse(false)) {
            return;
        }
        AssignmentRow row = new AssignmentRow();
        row.id = a.assignmentId();
        row.version = a.version();
        row.forumId = a.forumId();
        row.decisionId = a.decisionId();
        row.assigneeId = a.assigneeId();
        row.expected = a.expected();
        row.dueOn = a.dueOn();
        row.status = name(a.status());
        row.actionId = a.actionId();
        row.declineReason = a.declineReason();
        store.save(row);
    }

    private static List<RecordRef> refs(@Nullable List<RecordReference> references) {
        List<RecordRef> out = new ArrayList<>();
        for (RecordReference r : copy(references)) {
            RecordRef ref = new RecordRef();
            ref.kind = name(r.kind());
            ref.recordId = r.recordId();
            out.add(ref);
        }
        return out;
    }

    private static <T> List<T> copy(@Nullable List<T> values) {
        List<T> out = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(out::add);
        }
        return out;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
