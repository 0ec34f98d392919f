package org.arrival.registry.forums.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumUpdated;
import org.arrival.contracts.registry.MembershipChanged;
import org.arrival.contracts.registry.MembershipEnded;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.SeatType;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.RuleViolation;
import org.arrival.platform.web.StaleVersion;
import org.arrival.platform.web.UnprocessableReference;
import org.arrival.registry.forums.domain.Forum;
import org.arrival.registry.forums.domain.ForumProfile;
import org.arrival.registry.forums.domain.Membership;
import org.arrival.registry.forums.persistence.ForumFilter;
import org.arrival.registry.forums.persistence.ForumRepository;
import org.arrival.registry.forums.persistence.ForumRepository.StoredForum;
import org.arrival.registry.forums.persistence.MembershipRepository;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Revisions;
import org.arrival.registry.shared.Viewers;
import org.arrival.registry.stakeholders.domain.Stakeholder;
import org.arrival.registry.stakeholders.persistence.StakeholderRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forums and their memberships. A forum is established by a platform administrator or by the convening
 * organisation; its convenor, chair and secretariat run it (profile, status, memberships) through members with
 * the forum-coordinator role; an organisation may also end its own membership. Nobody edits another
 * organisation's records through a forum.
 */
@Service
public class ForumService {

    public static final String FORUM = "forum";
    public static final String MEMBERSHIP = "membership";

    private final ForumRepository forums;
    private final MembershipRepository memberships;
    private final StakeholderRepository stakeholders;
    private final Revisions revisions;
    private final Outbox outbox;
    private final Viewers viewers;
    private final Clock clock;

    public ForumService(
            ForumRepository forums,
            MembershipRepository memberships,
            StakeholderRepository stakeholders,
            Revisions revisions,
            Outbox outbox,
            Viewers viewers,
            Clock clock) {
        this.forums = forums;
        this.memberships = memberships;
        this.stakeholders = stakeholders;
        this.revisions = revisions;
        this.outbox = outbox;
        this.viewers = viewers;
        this.clock = clock;
    }

    @Transactional
    public StoredForum establish(Caller caller, ForumProfile profile) {
        boolean convenor = (caller.hasRole(Roles.ORG_ADMIN) || caller.hasRole(Roles.FORUM_COORDINATOR))
                && caller.actsFor(profile.convenorId());
        if (!caller.isPlatformAdmin() && !convenor) {
            throw new AccessRefused(
                    "A forum is established by a platform administrator or by its convening organisation");
        }
        checkReferences(caller, profile, null);
        Forum forum = Forum.establish(UUID.randomUUID(), profile);
        Audit audit = audit(caller);
        forums.insert(forum, audit);
        publishForum(forum, new ForumEstablished(snapshot(forum), caller.toActor()), audit);
        return forums.find(forum.id()).orElseThrow();
    }

    @Transactional
    public StoredForum update(Caller caller, UUID id, long expectedVersion, ForumProfile profile) {
        Forum current = managedForUpdate(caller, id, expectedVersion);
        List<String> changed = profile.changedFrom(current.profile());
        if (changed.isEmpty()) {
            return forums.find(id).orElseThrow();
        }
        checkReferences(caller, profile, id);
        Forum next = current.revise(profile);
        Audit audit = audit(caller);
        forums.update(next, audit);
        publishForum(next, new ForumUpdated(snapshot(next), caller.toActor(), changed, null), audit);
        return forums.find(id).orElseThrow();
    }

    @Transactional
    public StoredForum changeStatus(
            Caller caller, UUID id, @Nullable Long expectedVersion, ForumStatus status, @Nullable String reason) {
        Forum current = managedForUpdate(caller, id, expectedVersion);
        Forum next = current.moveTo(status);
        Audit audit = audit(caller);
        forums.update(next, audit);
        publishForum(next, new ForumUpdated(snapshot(next), caller.toActor(), List.of("status"), reason), audit);
        return forums.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public StoredForum get(Caller caller, UUID id) {
        return forums.find(id).orElseThrow(() -> new RecordNotFound("forum", id));
    }

    @Transactional(readOnly = true)
    public PageResult<StoredForum> list(Caller caller, ForumFilter filter, PageQuery page) {
        if (filter.member() != null) {
            Viewer viewer = viewers.of(caller);
            if (!viewer.maySeeOrganisation(filter.member())) {
                // for an enforcement body the hidden organisation does not exist, so it belongs to no forum
                return PageResult.of(List.of(), page, 0);
            }
        }
        return forums.search(filter, page);
    }

    @Transactional(readOnly = true)
    public List<RecordHistory.Revision> history(Caller caller, UUID id) {
        Forum forum = get(caller, id).forum();
        if (!caller.isPlatformAdmin() && !forum.profile().managedBy(caller.organisationId())) {
            throw new AccessRefused(
                    "Only the forum's convenor, chair or secretariat and platform administrators may read its history");
        }
        return revisions.of(FORUM, id);
    }

    @Transactional
    public Membership grant(
            Caller caller,
            UUID forumId,
            UUID stakeholderId,
            SeatType seat,
            @Nullable LocalDate termStart,
            @Nullable LocalDate termEnd) {
        Forum forum = managedForUpdate(caller, forumId, null);
        if (!forum.acceptsMembers()) {
            throw new RuleViolation("A dissolved forum takes no new members");
        }
        Stakeholder member = usableStakeholder(caller, "stakeholderId", stakeholderId);
        if (!memberships.ofForum(forumId, false, true).stream()
                .filter(m -> m.stakeholderId().equals(stakeholderId))
                .toList()
                .isEmpty()) {
            throw new RuleViolation("The organisation already holds an active seat in this forum");
        }
        Membership m = Membership.grant(UUID.randomUUID(), forumId, stakeholderId, seat, termStart, termEnd);
        Audit audit = audit(caller);
        memberships.insert(m, audit);
        publishMembership(forum, member, m, new MembershipGranted(snapshot(m), caller.toActor()), audit);
        return m;
    }

    @Transactional
    public Membership change(
            Caller caller,
            UUID forumId,
            UUID membershipId,
            long expectedVersion,
            SeatType seat,
            @Nullable LocalDate termStart,
            @Nullable LocalDate termEnd) {
        Forum forum = managedForUpdate(caller, forumId, null);
        if (!forum.acceptsMembers()) {
            throw new RuleViolation("Seats in a dissolved forum cannot be changed; end them instead");
        }
        Membership current = membershipForUpdate(caller, forumId, membershipId, expectedVersion);
        List<String> changed = current.changesTo(seat, termStart, termEnd);
        if (changed.isEmpty()) {
            return current;
        }
        Membership next = current.change(seat, termStart, termEnd);
        Audit audit = audit(caller);
        memberships.update(next, audit);
        publishMembership(
                forum,
                stakeholders.find(next.stakeholderId()).orElseThrow().stakeholder(),
                next,
                new MembershipChanged(snapshot(next), caller.toActor(), changed),
                audit);
        return next;
    }

    @Transactional
    public Membership end(
            Caller caller, UUID forumId, UUID membershipId, @Nullable Long expectedVersion, @Nullable String reason) {
        Forum forum = forums.findForUpdate(forumId)
                .map(StoredForum::forum)
                .orElseThrow(() -> new RecordNotFound("forum", forumId));
        Membership current = membershipForUpdate(caller, forumId, membershipId, expectedVersion);
        boolean leaving = caller.hasRole(Roles.ORG_ADMIN) && caller.actsFor(current.stakeholderId());
        if (!leaving) {
            requireManager(caller, forum);
        }
        Membership next = current.end(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Audit audit = audit(caller);
        memberships.update(next, audit);
        publishMembership(
                forum,
                stakeholders.find(next.stakeholderId()).orElseThrow().stakeholder(),
                next,
                new MembershipEnded(snapshot(next), caller.toActor(), reason),
                audit);
        return next;
    }

    @Transactional(readOnly = true)
    public List<Membership> memberships(Caller caller, UUID forumId, boolean includeEnded) {
        get(caller, forumId);
        Viewer viewer = viewers.of(caller);
        return memberships.ofForum(forumId, includeEnded, !viewer.enforcementBody());
    }

    @Transactional(readOnly = true)
    public Membership membership(Caller caller, UUID forumId, UUID membershipId) {
        get(caller, forumId);
        Membership m = memberships
                .find(forumId, membershipId)
                .orElseThrow(() -> new RecordNotFound("membership", membershipId));
        requireVisible(caller, m);
        return m;
    }

    @Transactional(readOnly = true)
    public List<RecordHistory.Revision> membershipHistory(Caller caller, UUID forumId, UUID membershipId) {
        Membership m = membership(caller, forumId, membershipId);
        Forum forum = get(caller, forumId).forum();
        if (!caller.isPlatformAdmin()
                && !forum.profile().managedBy(caller.organisationId())
                && !caller.actsFor(m.stakeholderId())) {
            throw new AccessRefused(
                    "Only the forum's managers, the member and platform administrators may read this history");
        }
        return revisions.of(MEMBERSHIP, membershipId);
    }

    private Membership membershipForUpdate(
            Caller caller, UUID forumId, UUID membershipId, @Nullable Long expectedVersion) {
        Membership m = memberships
                .findForUpdate(forumId, membershipId)
                .orElseThrow(() -> new RecordNotFound("membership", membershipId));
        requireVisible(caller, m);
        if (expectedVersion != null && m.version() != expectedVersion) {
            throw new StaleVersion("membership", membershipId, expectedVersion);
        }
        return m;
    }

    private void requireVisible(Caller caller, Membership m) {
        if (!viewers.of(caller).maySeeOrganisation(m.stakeholderId())) {
            throw new RecordNotFound("membership", m.id());
        }
    }

    private Forum managedForUpdate(Caller caller, UUID id, @Nullable Long expectedVersion) {
        Forum forum =
                forums.findForUpdate(id).map(StoredForum::forum).orElseThrow(() -> new RecordNotFound("forum", id));
        requireManager(caller, forum);
        if (expectedVersion != null && forum.version() != expectedVersion) {
            throw new StaleVersion("forum", id, expectedVersion);
        }
        return forum;
    }

    /**
     * Whether the caller runs the forum: a platform administrator, or a coordinator or administrator acting for its
     * convenor, chair or secretariat.
     */
    public static boolean runBy(Caller caller, Forum forum) {
        boolean coordinator = (caller.hasRole(Roles.FORUM_COORDINATOR) || caller.hasRole(Roles.ORG_ADMIN))
                && forum.profile().managedBy(caller.organisationId());
        return caller.isPlatformAdmin() || coordinator;
    }

    private static void requireManager(Caller caller, Forum forum) {
        if (!runBy(caller, forum)) {
            throw new AccessRefused("Only coordinators of the forum's convenor, chair or secretariat may manage it");
        }
    }

    private void checkReferences(Caller caller, ForumProfile profile, @Nullable UUID forumId) {
        publicRoleHolder(caller, "convenorId", profile.convenorId());
        if (profile.chairId() != null) {
            publicRoleHolder(caller, "chairId", profile.chairId());
        }
        if (profile.secretariatId() != null) {
            publicRoleHolder(caller, "secretariatId", profile.secretariatId());
        }
        if (profile.parentForumId() != null) {
            StoredForum parent = forums.find(profile.parentForumId())
                    .orElseThrow(
                            () -> new UnprocessableReference("parentForumId", "no forum " + profile.parentForumId()));
            if (parent.forum().status() == ForumStatus.DISSOLVED) {
                throw new UnprocessableReference("parentForumId", "the parent forum is dissolved");
            }
            if (forumId != null && forums.ancestorsOf(profile.parentForumId()).contains(forumId)) {
                throw new UnprocessableReference("parentForumId", "would make the forum its own ancestor");
            }
        }
    }

    /** Convenor, chair and secretariat are shown with every forum, so they cannot be hidden organisations. */
    private void publicRoleHolder(Caller caller, String field, UUID id) {
        if (usableStakeholder(caller, field, id).hiddenFromEnforcementBodies()) {
            throw new UnprocessableReference(
                    field,
                    "an organisation hidden from enforcement bodies cannot convene, chair or run a forum's secretariat, which every member sees");
        }
    }

    private Stakeholder usableStakeholder(Caller caller, String field, UUID id) {
        Viewer viewer = viewers.of(caller);
        Stakeholder s = stakeholders
                .find(id)
                .map(StakeholderRepository.StoredStakeholder::stakeholder)
                .filter(x -> viewer.maySeeOrganisation(id))
                .orElseThrow(() -> new UnprocessableReference(field, "no organisation " + id));
        if (!s.canTakePart()) {
            throw new UnprocessableReference(field, "the organisation is " + s.status() + " and cannot take part");
        }
        return s;
    }

    private void publishForum(Forum forum, Object event, Audit audit) {
        outbox.append(OutgoingEvent.about(forum.id(), forum.profile().convenorId(), DataClassification.PUBLIC, event)
                .at(audit.at()));
        revisions.record(FORUM, forum.id(), forum.version(), event, audit);
    }

    private void publishMembership(Forum forum, Stakeholder member, Membership m, Object event, Audit audit) {
        outbox.append(OutgoingEvent.about(m.id(), forum.profile().convenorId(), member.classification(), event)
                .keyedBy(forum.id())
                .at(audit.at()));
        revisions.record(MEMBERSHIP, m.id(), m.version(), event, audit);
    }

    private Audit audit(Caller caller) {
        return new Audit(caller.toActor(), clock.instant());
    }

    public static org.arrival.contracts.registry.Forum snapshot(Forum f) {
        var p = f.profile();
        return new org.arrival.contracts.registry.Forum(
                f.id(),
                f.version(),
                p.name(),
                p.type(),
                p.geographicScope(),
                p.thematicScope(),
                p.convenorId(),
                p.chairId(),
                p.secretariatId(),
                p.parentForumId(),
                f.status());
    }

    public static org.arrival.contracts.registry.Membership snapshot(Membership m) {
        return new org.arrival.contracts.registry.Membership(
                m.id(), m.version(), m.forumId(), m.stakeholderId(), m.seat(), m.termStart(), m.termEnd(), m.status());
    }
}
