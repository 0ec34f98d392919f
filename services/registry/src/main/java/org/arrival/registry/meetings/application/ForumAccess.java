package org.arrival.registry.meetings.application;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.Dissent;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.registry.forums.application.ForumService;
import org.arrival.registry.forums.domain.Forum;
import org.arrival.registry.forums.persistence.ForumRepository;
import org.arrival.registry.forums.persistence.ForumRepository.StoredForum;
import org.arrival.registry.meetings.domain.AgendaProposal;
import org.arrival.registry.meetings.domain.Assignment;
import org.arrival.registry.meetings.domain.Decision;
import org.arrival.registry.meetings.domain.Meeting;
import org.arrival.registry.meetings.domain.MeetingDetails;
import org.arrival.registry.meetings.persistence.AgendaProposalRepository.StoredProposal;
import org.arrival.registry.meetings.persistence.AssignmentRepository.StoredAssignment;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Revisions;
import org.arrival.registry.shared.Viewers;
import org.springframework.stereotype.Component;

/**
 * Who may run and read a forum's meetings, decisions and assignments, what an enforcement body is shown of them,
 * and how their events leave (topic arrival.registry.meetings.v1, keyed by the forum, owned by its convenor).
 */
@Component
public class ForumAccess {

    private final ForumRepository forums;
    private final Viewers viewers;
    private final Outbox outbox;
    private final Revisions revisions;

    public ForumAccess(ForumRepository forums, Viewers viewers, Outbox outbox, Revisions revisions) {
        this.forums = forums;
        this.viewers = viewers;
        this.outbox = outbox;
        this.revisions = revisions;
    }

    public Forum forum(UUID forumId) {
        return forums.find(forumId).map(StoredForum::forum).orElseThrow(() -> new RecordNotFound("forum", forumId));
    }

    /** The forum, if the caller runs its meetings (the same rule as managing the forum). */
    public Forum runs(Caller caller, UUID forumId) {
        Forum forum = forum(forumId);
        if (!ForumService.runBy(caller, forum)) {
            throw new AccessRefused(
                    "Only coordinators of the forum's convenor, chair or secretariat run its meetings and decisions");
        }
        return forum;
    }

    /** The caller's view, if they may read the forum's meetings: seated members, those who run it, administrators. */
    public Viewer reads(Caller caller, UUID forumId) {
        Forum forum = forum(forumId);
        Viewer viewer = viewers.of(caller);
        if (!mayRead(caller, viewer, forum)) {
            throw new AccessRefused("Only the forum's members read its meetings, decisions and assignments");
        }
        return viewer;
    }

    public Viewer viewer(Caller caller) {
        return viewers.of(caller);
    }

    /** The names of the organisations hidden from the viewer, taken out of what people typed; none for most. */
    public HiddenNames hiddenNames(Viewer viewer) {
        return viewers.hiddenNames(viewer);
    }

    public boolean mayRead(Caller caller, Viewer viewer, Forum forum) {
        return ForumService.runBy(caller, forum)
                || forum.profile().managedBy(caller.organisationId())
                || viewer.forums().contains(forum.id());
    }

    /**
     * The meeting as the viewer is shown it: for an enforcement body, no record references, no hidden attendee, and
     * the hidden organisations' names taken out of its title, place, agenda, minutes and cancellation reason.
     */
    public static Meeting shown(Viewer viewer, HiddenNames hidden, Meeting m) {
        if (!viewer.enforcementBody()) {
            return m;
        }
        List<AgendaItem> agenda = m.agenda().stream()
                .map(i -> new AgendaItem(
                        i.itemId(), hidden.redactText(i.title()), hidden.redact(i.note()), List.of(), i.proposalId()))
                .toList();
        MeetingDetails d = m.details();
        return new Meeting(
                m.id(),
                m.version(),
                m.forumId(),
                new MeetingDetails(
                        hidden.redactText(d.title()),
                        d.date(),
                        d.startTime(),
                        hidden.redact(d.place()),
                        d.onlineLink()),
                agenda,
                m.attendance().stream()
                        .filter(a -> viewer.maySeeOrganisation(a.stakeholderId()))
                        .toList(),
                hidden.redact(m.minutes()),
                m.status(),
                hidden.redact(m.cancellationReason()));
    }

    /**
     * The decision as the viewer is shown it: for an enforcement body, no concerns, no hidden dissenter, and the hidden
     * organisations' names taken out of its text and the dissenters' reasons.
     */
    public static Decision shown(Viewer viewer, HiddenNames hidden, Decision d) {
        if (!viewer.enforcementBody()) {
            return d;
        }
        return new Decision(
                d.id(),
                d.version(),
                d.forumId(),
                d.meetingId(),
                d.decidedOn(),
                hidden.redactText(d.text()),
                d.type(),
                d.method(),
                d.votes(),
                d.dissent().stream()
                        .filter(x -> viewer.maySeeOrganisation(x.stakeholderId()))
                        .map(x -> new Dissent(x.stakeholderId(), hidden.redactText(x.reason())))
                        .toList(),
                List.of(),
                d.escalatedToForumId());
    }

    /** The assignment with the hidden organisations' names taken out of what people typed in it and its decision. */
    public static StoredAssignment shown(HiddenNames hidden, StoredAssignment s) {
        if (hidden.isEmpty()) {
            return s;
        }
        Assignment a = s.assignment();
        return new StoredAssignment(
                new Assignment(
                        a.id(),
                        a.version(),
                        a.forumId(),
                        a.decisionId(),
                        a.assigneeId(),
                        hidden.redactText(a.expected()),
                        a.dueOn(),
                        a.status(),
                        a.actionId(),
                        hidden.redact(a.declineReason())),
                s.forumName(),
                hidden.redactText(s.decisionText()),
                s.meetingId(),
                hidden.redactText(s.meetingTitle()),
                s.decidedOn(),
                s.assigneeName());
    }

    /** The agenda proposal with the hidden organisations' names taken out of its title. */
    public static StoredProposal shown(HiddenNames hidden, StoredProposal s) {
        if (hidden.isEmpty()) {
            return s;
        }
        AgendaProposal p = s.proposal();
        return new StoredProposal(
                new AgendaProposal(
                        p.id(),
                        p.forumId(),
                        p.fromForumId(),
                        p.decisionId(),
                        hidden.redactText(p.title()),
                        p.records(),
                        p.proposedOn()),
                s.fromForumName());
    }

    /** Publishes the event about the forum's meetings and keeps it as the record's revision. */
    public void publish(Forum forum, String recordType, UUID recordId, long version, Object event, Audit audit) {
        outbox.append(OutgoingEvent.about(forum.id(), forum.profile().convenorId(), DataClassification.FORUM, event)
                .at(audit.at()));
        revisions.record(recordType, recordId, version, event, audit);
    }

    /** Publishes an event that changes no record (an overdue notice). */
    public void publish(Forum forum, Object event, java.time.Instant at) {
        outbox.append(OutgoingEvent.about(forum.id(), forum.profile().convenorId(), DataClassification.FORUM, event)
                .at(at));
    }
}
