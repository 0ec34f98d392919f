package org.arrival.registry.meetings.application;

import java.time.Clock;
import java.util.UUID;
import org.arrival.contracts.registry.AssignmentAccepted;
import org.arrival.contracts.registry.AssignmentDeclined;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.forums.domain.Forum;
import org.arrival.registry.meetings.domain.Assignment;
import org.arrival.registry.meetings.persistence.AssignmentRepository;
import org.arrival.registry.meetings.persistence.AssignmentRepository.StoredAssignment;
import org.arrival.registry.shared.Audit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work forums assigned to organisations. The assignee's editors, coordinators and administrators accept it (with
 * the action that takes it on) or decline it (with a reason); the assignee's people and the forum's readers read it.
 */
@Service
public class AssignmentService {

    private final ForumAccess access;
    private final AssignmentRepository assignments;
    private final Clock clock;

    public AssignmentService(ForumAccess access, AssignmentRepository assignments, Clock clock) {
        this.access = access;
        this.assignments = assignments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StoredAssignment get(Caller caller, UUID id) {
        StoredAssignment a = visible(caller, id);
        Forum forum = access.forum(a.assignment().forumId());
        if (!caller.actsFor(a.assignment().assigneeId())
                && !caller.isPlatformAdmin()
                && !access.mayRead(caller, access.viewer(caller), forum)) {
            throw new AccessRefused("Only the assignee and the forum's members read an assignment");
        }
        return ForumAccess.shown(access.hiddenNames(access.viewer(caller)), a);
    }

    @Transactional(readOnly = true)
    public PageResult<StoredAssignment> list(
            Caller caller, @Nullable UUID assignee, @Nullable AssignmentStatus status, PageQuery page) {
        UUID org = assignee != null ? assignee : caller.organisationId();
        if (org == null) {
            throw InvalidInput.field("assignee", "is required for a caller acting for no organisation");
        }
        if (!caller.isPlatformAdmin() && !caller.actsFor(org)) {
            throw new AccessRefused("An organisation's assignments are listed for its own people");
        }
        HiddenNames hidden = access.hiddenNames(access.viewer(caller));
        return assignments.ofAssignee(org, status, page).map(a -> ForumAccess.shown(hidden, a));
    }

    @Transactional
    public StoredAssignment accept(Caller caller, UUID id, long expectedVersion, UUID actionId) {
        Assignment current = forUpdate(caller, id, expectedVersion);
        Assignment next = current.accept(actionId);
        save(caller, next, new AssignmentAccepted(next.toContract(), caller.toActor()));
        return ForumAccess.shown(
                access.hiddenNames(access.viewer(caller)), assignments.find(id).orElseThrow());
    }

    @Transactional
    public StoredAssignment decline(Caller caller, UUID id, long expectedVersion, @Nullable String reason) {
        Assignment current = forUpdate(caller, id, expectedVersion);
        Assignment next = current.decline(reason);
        save(caller, next, new AssignmentDeclined(next.toContract(), caller.toActor()));
        return ForumAccess.shown(
                access.hiddenNames(access.viewer(caller)), assignments.find(id).orElseThrow());
    }

    private StoredAssignment visible(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return assignments
                .find(id)
                .filter(a -> viewer.maySeeOrganisation(a.assignment().assigneeId()))
                .orElseThrow(() -> new RecordNotFound("assignment", id));
    }

    private Assignment forUpdate(Caller caller, UUID id, long expectedVersion) {
        Viewer viewer = access.viewer(caller);
        Assignment a = assignments
                .findForUpdate(id)
                .filter(x -> viewer.maySeeOrganisation(x.assigneeId()))
                .orElseThrow(() -> new RecordNotFound("assignment", id));
        boolean answers = (caller.hasRole(Roles.ORG_EDITOR)
                        || caller.hasRole(Roles.FORUM_COORDINATOR)
                        || caller.hasRole(Roles.ORG_ADMIN))
                && caller.actsFor(a.assigneeId());
        if (!answers) {
            throw new AccessRefused(
                    "Only the assignee's editors, coordinators and administrators accept or decline its assignment");
        }
        if (a.version() != expectedVersion) {
            throw new StaleVersion("assignment", id, expectedVersion);
        }
        return a;
    }

    private void save(Caller caller, Assignment next, Object event) {
        Audit audit = new Audit(caller.toActor(), clock.instant());
        assignments.update(next, audit);
        access.publish(
                access.forum(next.forumId()), MeetingService.ASSIGNMENT, next.id(), next.version(), event, audit);
    }
}
