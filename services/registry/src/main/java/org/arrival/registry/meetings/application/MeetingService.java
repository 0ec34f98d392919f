package org.arrival.registry.meetings.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.AgendaItemProposed;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.Attendance;
import org.arrival.contracts.registry.DecisionRecorded;
import org.arrival.contracts.registry.Dissent;
import org.arrival.contracts.registry.MeetingCancelled;
import org.arrival.contracts.registry.MeetingHeld;
import org.arrival.contracts.registry.MeetingScheduled;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.contracts.registry.MeetingUpdated;
import org.arrival.contracts.registry.MinutesApproved;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.forums.application.ForumService;
import org.arrival.registry.forums.domain.Forum;
import org.arrival.registry.meetings.application.Drafts.AgendaDraft;
import org.arrival.registry.meetings.application.Drafts.AssignmentDraft;
import org.arrival.registry.meetings.application.Drafts.DecisionDraft;
import org.arrival.registry.meetings.application.Drafts.DissentDraft;
import org.arrival.registry.meetings.application.Reads.DecisionRead;
import org.arrival.registry.meetings.application.Reads.MeetingRead;
import org.arrival.registry.meetings.application.Reads.ProposalRead;
import org.arrival.registry.meetings.domain.AgendaProposal;
import org.arrival.registry.meetings.domain.Assignment;
import org.arrival.registry.meetings.domain.Decision;
import org.arrival.registry.meetings.domain.Meeting;
import org.arrival.registry.meetings.domain.MeetingDetails;
import org.arrival.registry.meetings.persistence.AgendaProposalRepository;
import org.arrival.registry.meetings.persistence.AssignmentRepository;
import org.arrival.registry.meetings.persistence.AssignmentRepository.StoredAssignment;
import org.arrival.registry.meetings.persistence.DecisionRepository;
import org.arrival.registry.meetings.persistence.ForumSeats;
import org.arrival.registry.meetings.persistence.MeetingRepository;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Revisions;
import org.arrival.registry.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A forum's meetings and the decisions recorded at them. Those who run the forum schedule meetings, keep their agenda,
 * attendance and minutes, move them through their lifecycle and record decisions, with the work they assign and the
 * escalations to the parent forum. The forum's seated members read them.
 */
@Service
public class MeetingService {

    public static final String MEETING = "meeting";
    public static final String DECISION = "decision";
    public static final String ASSIGNMENT = "assignment";
    public static final String AGENDA_PROPOSAL = "agenda-proposal";

    private final ForumAccess access;
    private final MeetingRepository meetings;
    private final DecisionRepository decisions;
    private final AssignmentRepository assignments;
    private final AgendaProposalRepository proposals;
    private final ForumSeats seats;
    private final Revisions revisions;
    private final Clock clock;

    public MeetingService(
            ForumAccess access,
            MeetingRepository meetings,
            DecisionRepository decisions,
            AssignmentRepository assignments,
            AgendaProposalRepository proposals,
            ForumSeats seats,
            Revisions revisions,
            Clock clock) {
        this.access = access;
        this.meetings = meetings;
        this.decisions = decisions;
        this.assignments = assignments;
        this.proposals = proposals;
        this.seats = seats;
        this.revisions = revisions;
        this.clock = clock;
    }

    @Transactional
    public MeetingRead schedule(Caller caller, UUID forumId, MeetingDetails details, List<AgendaDraft> agenda) {
        Forum forum = access.runs(caller, forumId);
        Meeting m = Meeting.schedule(UUID.randomUUID(), forumId, details, agendaItems(forumId, agenda));
        Audit audit = audit(caller);
        meetings.insert(m, audit);
        access.publish(
                forum, MEETING, m.id(), m.version(), new MeetingScheduled(m.toContract(), caller.toActor()), audit);
        return read(access.viewer(caller), m);
    }

    @Transactional
    public MeetingRead update(
            Caller caller,
            UUID forumId,
            UUID meetingId,
            long expectedVersion,
            MeetingDetails details,
            List<AgendaDraft> agenda) {
        Forum forum = access.runs(caller, forumId);
        Meeting current = forUpdate(forumId, meetingId, expectedVersion);
        Viewer viewer = access.viewer(caller);
        HiddenNames hidden = access.hiddenNames(viewer);
        details = asTyped(hidden, current, details);
        List<AgendaItem> items = agendaItems(forumId, asTyped(hidden, current, agenda));
        Meeting next = current.revise(details, items);
        if (viewer.enforcementBody()) {
            // an enforcement body is shown no record references, so its edit keeps those of the items it keeps
            next = keepReferences(current, next);
            items = next.agenda();
        }
        if (current.changesTo(details, items).isEmpty()) {
            return read(viewer, current);
        }
        return save(caller, forum, current, next, viewer);
    }

    @Transactional
    public MeetingRead attendance(
            Caller caller, UUID forumId, UUID meetingId, long expectedVersion, List<Attendance> rows) {
        Forum forum = access.runs(caller, forumId);
        Meeting current = forUpdate(forumId, meetingId, expectedVersion);
        Viewer viewer = access.viewer(caller);
        Set<UUID> seated = seats.seated(forumId);
        Set<UUID> named = new HashSet<>();
        List<Attendance> next = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            UUID org = rows.get(i).stakeholderId();
            String field = "attendance[" + i + "].stakeholderId";
            if (!seated.contains(org) || !viewer.maySeeOrganisation(org)) {
                throw InvalidInput.field(field, "the organisation holds no active seat in the forum");
            }
            if (!named.add(org)) {
                throw InvalidInput.field(field, "the organisation is named twice");
            }
            next.add(rows.get(i));
        }
        // rows the writer cannot see (hidden from an enforcement body) stay as they were
        current.attendance().stream()
                .filter(a -> !viewer.maySeeOrganisation(a.stakeholderId()))
                .forEach(next::add);
        Meeting attended = current.attend(next);
        if (next.equals(current.attendance())) {
            return read(viewer, current);
        }
        return save(caller, forum, current, attended, viewer);
    }

    @Transactional
    public MeetingRead minutes(
            Caller caller, UUID forumId, UUID meetingId, long expectedVersion, @Nullable String minutes) {
        Forum forum = access.runs(caller, forumId);
        Meeting current = forUpdate(forumId, meetingId, expectedVersion);
        Viewer viewer = access.viewer(caller);
        Meeting next = current.writeMinutes(asTyped(access.hiddenNames(viewer), current.minutes(), minutes));
        if (java.util.Objects.equals(next.minutes(), current.minutes())) {
            return read(viewer, current);
        }
        return save(caller, forum, current, next, viewer);
    }

    @Transactional
    public MeetingRead changeStatus(
            Caller caller,
            UUID forumId,
            UUID meetingId,
            long expectedVersion,
            MeetingStatus status,
            @Nullable String reason) {
        Forum forum = access.runs(caller, forumId);
        Meeting current = forUpdate(forumId, meetingId, expectedVersion);
        return save(caller, forum, current, current.moveTo(status, reason), access.viewer(caller));
    }

    @Transactional(readOnly = true)
    public MeetingRead get(Caller caller, UUID forumId, UUID meetingId) {
        Viewer viewer = access.reads(caller, forumId);
        return read(
                viewer, meetings.find(forumId, meetingId).orElseThrow(() -> new RecordNotFound("meeting", meetingId)));
    }

    @Transactional(readOnly = true)
    public PageResult<MeetingRead> list(Caller caller, UUID forumId, @Nullable MeetingStatus status, PageQuery page) {
        Viewer viewer = access.reads(caller, forumId);
        HiddenNames hidden = access.hiddenNames(viewer);
        return meetings.ofForum(forumId, status, page).map(m -> read(viewer, hidden, m));
    }

    @Transactional
    public DecisionRead decide(Caller caller, UUID forumId, UUID meetingId, DecisionDraft draft) {
        Forum forum = access.runs(caller, forumId);
        Meeting meeting =
                meetings.findForUpdate(forumId, meetingId).orElseThrow(() -> new RecordNotFound("meeting", meetingId));
        meeting.requireHeld();
        Viewer viewer = access.viewer(caller);
        Set<UUID> seated = seats.seated(forumId);
        List<Dissent> dissent = new ArrayList<>();
        for (int i = 0; i < draft.dissent().size(); i++) {
            DissentDraft d = draft.dissent().get(i);
            seatedOrRefused(seated, viewer, d.stakeholderId(), "dissent[" + i + "].stakeholderId");
            dissent.add(new Dissent(d.stakeholderId(), Text.required(d.reason(), "dissent[" + i + "].reason")));
        }
        Decision decision = Decision.take(
                UUID.randomUUID(),
                meeting,
                draft.text(),
                draft.type(),
                draft.method(),
                draft.votes(),
                dissent,
                draft.concerns(),
                draft.assignments().size(),
                forum.profile().parentForumId());
        List<Assignment> made = new ArrayList<>();
        for (int i = 0; i < draft.assignments().size(); i++) {
            AssignmentDraft a = draft.assignments().get(i);
            seatedOrRefused(seated, viewer, a.assigneeId(), "assignments[" + i + "].assigneeId");
            made.add(Assignment.make(UUID.randomUUID(), decision, i, a.assigneeId(), a.expected(), a.dueOn()));
        }
        Audit audit = audit(caller);
        decisions.insert(decision, audit);
        access.publish(
                forum,
                DECISION,
                decision.id(),
                1,
                new DecisionRecorded(decision.toContract(), caller.toActor()),
                audit);
        if (decision.escalatedToForumId() != null) {
            escalate(caller, decision, audit);
        }
        for (int i = 0; i < made.size(); i++) {
            Assignment a = made.get(i);
            assignments.insert(a, i, audit);
            access.publish(forum, ASSIGNMENT, a.id(), 1, new AssignmentMade(a.toContract(), caller.toActor()), audit);
        }
        return read(viewer, decision);
    }

    @Transactional(readOnly = true)
    public PageResult<DecisionRead> decisions(Caller caller, UUID forumId, PageQuery page) {
        Viewer viewer = access.reads(caller, forumId);
        HiddenNames hidden = access.hiddenNames(viewer);
        return decisions.ofForum(forumId, page).map(d -> read(viewer, hidden, d));
    }

    @Transactional(readOnly = true)
    public List<ProposalRead> proposals(Caller caller, UUID forumId) {
        Viewer viewer = access.reads(caller, forumId);
        HiddenNames hidden = access.hiddenNames(viewer);
        return proposals.toForum(forumId).stream()
                .map(p -> new ProposalRead(
                        viewer.enforcementBody()
                                ? ForumAccess.shown(
                                        hidden,
                                        new AgendaProposalRepository.StoredProposal(
                                                withoutRecords(p.proposal()), p.fromForumName()))
                                : p,
                        meetings.takingUp(forumId, p.proposal().id()).orElse(null)))
                .toList();
    }

    /** Who changed the meeting, its decisions and their assignments, when and how; for those who run the forum. */
    @Transactional(readOnly = true)
    public List<RecordHistory.Revision> history(Caller caller, UUID forumId, UUID meetingId) {
        Forum forum = access.forum(forumId);
        if (!ForumService.runBy(caller, forum)) {
            throw new AccessRefused(
                    "Only those who run the forum and platform administrators read a meeting's history");
        }
        if (meetings.find(forumId, meetingId).isEmpty()) {
            throw new RecordNotFound("meeting", meetingId);
        }
        Viewer viewer = access.viewer(caller);
        List<RecordHistory.Revision> all = new ArrayList<>(revisions.of(MEETING, meetingId));
        for (Decision d : decisions.ofMeeting(meetingId)) {
            all.addAll(revisions.of(DECISION, d.id()));
            for (StoredAssignment a : assignments.ofDecision(d.id())) {
                if (viewer.maySeeOrganisation(a.assignment().assigneeId())) {
                    all.addAll(revisions.of(ASSIGNMENT, a.assignment().id()));
                }
            }
        }
        HiddenNames hidden = access.hiddenNames(viewer);
        return all.stream()
                .filter(r ->
                        r.organisationId() == null || viewer.maySeeOrganisation(UUID.fromString(r.organisationId())))
                .map(r -> hidden.isEmpty()
                        ? r
                        : new RecordHistory.Revision(
                                r.version(),
                                r.change(),
                                r.at(),
                                r.userId(),
                                r.organisationId(),
                                r.changedFields(),
                                redactedReason(hidden, r.reason())))
                .sorted(Comparator.comparing(RecordHistory.Revision::at))
                .toList();
    }

    private void escalate(Caller caller, Decision decision, Audit audit) {
        UUID parentId = java.util.Objects.requireNonNull(decision.escalatedToForumId());
        Forum parent = access.forum(parentId);
        AgendaProposal proposal = AgendaProposal.escalating(UUID.randomUUID(), decision);
        proposals.insert(proposal, audit);
        access.publish(
                parent,
                AGENDA_PROPOSAL,
                proposal.id(),
                1,
                new AgendaItemProposed(
                        proposal.id(),
                        parent.id(),
                        decision.forumId(),
                        decision.id(),
                        proposal.title(),
                        proposal.records(),
                        caller.toActor()),
                audit);
    }

    private static Meeting keepReferences(Meeting before, Meeting next) {
        Map<UUID, List<RecordReference>> kept = new java.util.HashMap<>();
        before.agenda().forEach(i -> kept.put(i.itemId(), i.records()));
        List<AgendaItem> agenda = next.agenda().stream()
                .map(i -> {
                    java.util.LinkedHashSet<RecordReference> records =
                            new java.util.LinkedHashSet<>(kept.getOrDefault(i.itemId(), List.of()));
                    records.addAll(i.records());
                    return new AgendaItem(i.itemId(), i.title(), i.note(), List.copyOf(records), i.proposalId());
                })
                .toList();
        return new Meeting(
                next.id(),
                next.version(),
                next.forumId(),
                next.details(),
                agenda,
                next.attendance(),
                next.minutes(),
                next.status(),
                next.cancellationReason());
    }

    private static void seatedOrRefused(Set<UUID> seated, Viewer viewer, UUID org, String field) {
        if (!seated.contains(org) || !viewer.maySeeOrganisation(org)) {
            throw InvalidInput.field(field, "the organisation holds no active seat in the forum");
        }
    }

    private List<AgendaItem> agendaItems(UUID forumId, List<AgendaDraft> drafts) {
        List<AgendaItem> items = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            AgendaDraft d = drafts.get(i);
            String field = "agenda[" + i + "]";
            if (d.proposalId() != null
                    && proposals.find(forumId, d.proposalId()).isEmpty()) {
                throw InvalidInput.field(field + ".proposalId", "no agenda proposal to this forum " + d.proposalId());
            }
            items.add(new AgendaItem(
                    UUID.randomUUID(),
                    Text.required(d.title(), field + ".title"),
                    Text.optional(d.note()),
                    List.copyOf(new java.util.LinkedHashSet<>(d.records())),
                    d.proposalId()));
        }
        return items;
    }

    private Meeting forUpdate(UUID forumId, UUID meetingId, long expectedVersion) {
        Meeting m =
                meetings.findForUpdate(forumId, meetingId).orElseThrow(() -> new RecordNotFound("meeting", meetingId));
        if (m.version() != expectedVersion) {
            throw new StaleVersion("meeting", meetingId, expectedVersion);
        }
        return m;
    }

    private MeetingRead save(Caller caller, Forum forum, Meeting before, Meeting next, Viewer viewer) {
        Audit audit = audit(caller);
        meetings.update(next, audit);
        var snapshot = next.toContract();
        var actor = caller.toActor();
        Object event = next.status() == before.status()
                ? new MeetingUpdated(snapshot, actor)
                : switch (next.status()) {
                    case HELD -> new MeetingHeld(snapshot, actor);
                    case MINUTES_APPROVED -> new MinutesApproved(snapshot, actor);
                    case CANCELLED -> new MeetingCancelled(snapshot, actor);
                    case SCHEDULED -> new MeetingUpdated(snapshot, actor);
                };
        access.publish(forum, MEETING, next.id(), next.version(), event, audit);
        return read(viewer, next);
    }

    private MeetingRead read(Viewer viewer, Meeting m) {
        return read(viewer, access.hiddenNames(viewer), m);
    }

    private MeetingRead read(Viewer viewer, HiddenNames hidden, Meeting m) {
        Meeting shown = ForumAccess.shown(viewer, hidden, m);
        List<DecisionRead> ds = decisions.ofMeeting(m.id()).stream()
                .map(d -> read(viewer, hidden, d))
                .toList();
        Map<UUID, String> names = seats.names(
                shown.attendance().stream().map(Attendance::stakeholderId).toList());
        return new MeetingRead(shown, ds, names);
    }

    private DecisionRead read(Viewer viewer, Decision d) {
        return read(viewer, access.hiddenNames(viewer), d);
    }

    private DecisionRead read(Viewer viewer, HiddenNames hidden, Decision d) {
        Decision shown = ForumAccess.shown(viewer, hidden, d);
        List<StoredAssignment> as = assignments.ofDecision(d.id()).stream()
                .filter(a -> viewer.maySeeOrganisation(a.assignment().assigneeId()))
                .map(a -> ForumAccess.shown(hidden, a))
                .toList();
        Map<UUID, String> names =
                seats.names(shown.dissent().stream().map(Dissent::stakeholderId).toList());
        return new DecisionRead(shown, as, names);
    }

    /*
     * An enforcement body that runs the forum edits what it was shown: a text it sends back exactly as it was shown
     * it, hidden names taken out, keeps what was typed instead of replacing the names by the placeholder.
     */
    private static MeetingDetails asTyped(HiddenNames hidden, Meeting current, MeetingDetails details) {
        if (hidden.isEmpty()) {
            return details;
        }
        MeetingDetails was = current.details();
        return new MeetingDetails(
                Objects.requireNonNull(asTyped(hidden, was.title(), details.title()), "a title stays a title"),
                details.date(),
                details.startTime(),
                asTyped(hidden, was.place(), details.place()),
                details.onlineLink());
    }

    private static List<AgendaDraft> asTyped(HiddenNames hidden, Meeting current, List<AgendaDraft> drafts) {
        if (hidden.isEmpty()) {
            return drafts;
        }
        return drafts.stream()
                .map(d -> current.agenda().stream()
                        .filter(i -> Objects.equals(hidden.redact(i.title()), d.title()))
                        .findFirst()
                        .map(i -> new AgendaDraft(
                                i.title(), asTyped(hidden, i.note(), d.note()), d.records(), d.proposalId()))
                        .orElse(d))
                .toList();
    }

    /** A revision's reason with hidden names taken out; a revision without a reason keeps none. */
    private static String redactedReason(HiddenNames hidden, String reason) {
        return Objects.requireNonNullElse(hidden.redact(reason), reason);
    }

    private static @Nullable String asTyped(HiddenNames hidden, @Nullable String typed, @Nullable String sent) {
        return typed != null && sent != null && !sent.equals(typed) && sent.equals(hidden.redact(typed)) ? typed : sent;
    }

    private static AgendaProposal withoutRecords(AgendaProposal p) {
        return new AgendaProposal(
                p.id(), p.forumId(), p.fromForumId(), p.decisionId(), p.title(), List.of(), p.proposedOn());
    }

    private Audit audit(Caller caller) {
        return new Audit(caller.toActor(), clock.instant());
    }
}
