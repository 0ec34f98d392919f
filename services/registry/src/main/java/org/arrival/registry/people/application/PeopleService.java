package org.arrival.registry.people.application;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.registry.people.persistence.PeopleChanges;
import org.arrival.registry.people.persistence.PeopleChanges.Change;
import org.arrival.registry.people.persistence.PeopleChanges.PeopleChange;
import org.arrival.registry.people.realm.RealmPerson;
import org.arrival.registry.people.realm.RealmUsers;
import org.arrival.registry.stakeholders.application.StakeholderService;
import org.arrival.registry.stakeholders.persistence.StakeholderRepository.StoredStakeholder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The people of an organisation: its administrators (and platform administrators, for any organisation) invite
 * colleagues by e-mail, give and take their roles and remove them. The accounts live in the identity provider; the
 * platform sets {@code org_id} from the organisation, never from what a person types, and the platform
 * administrator's role is never given here. Each change is logged with who made it.
 */
@Service
public class PeopleService {

    /** The roles an organisation's administrators hand out. */
    public static final Set<String> ROLES =
            Set.of(Roles.ORG_ADMIN, Roles.ORG_EDITOR, Roles.MEMBER, Roles.FORUM_COORDINATOR);

    private static final RequestedRoles REQUESTED = new RequestedRoles(
            ROLES,
            "org-admin, org-editor, member, forum-coordinator",
            "people",
            "A role is not one an organisation gives",
            "A person needs at least one role");

    private static final Set<String> SEEN_ROLES =
            Set.of(Roles.ORG_ADMIN, Roles.ORG_EDITOR, Roles.MEMBER, Roles.FORUM_COORDINATOR, Roles.PLATFORM_ADMIN);
    private static final Logger log = LoggerFactory.getLogger(PeopleService.class);

    private final StakeholderService stakeholders;
    private final RealmUsers realm;
    private final PeopleChanges changes;
    private final Clock clock;
    private final String invitationClient;

    public PeopleService(
            StakeholderService stakeholders,
            RealmUsers realm,
            PeopleChanges changes,
            Clock clock,
            @Value("${arrival.people.invitation-client:arrival-bff}") String invitationClient) {
        this.stakeholders = stakeholders;
        this.realm = realm;
        this.changes = changes;
        this.clock = clock;
        this.invitationClient = invitationClient;
    }

    public List<RealmPerson> list(Caller caller, UUID organisation) {
        mayManage(caller, organisation);
        return realm.ofOrganisation(organisation, SEEN_ROLES);
    }

    public List<PeopleChange> history(Caller caller, UUID organisation) {
        mayManage(caller, organisation);
        return changes.of(organisation, 200);
    }

    /**
     * Opens an account acting for the organisation with these roles and sends its set-password e-mail. If the roles
     * or the e-mail cannot be done, the account is taken back, so nothing is left half made.
     */
    public RealmPerson invite(
            Caller caller,
            UUID organisation,
            String email,
            @Nullable String firstName,
            @Nullable String lastName,
            List<String> roles) {
        StoredStakeholder s = mayManage(caller, organisation);
        StakeholderStatus status = s.stakeholder().status();
        if (status == StakeholderStatus.ARCHIVED || status == StakeholderStatus.SUSPENDED) {
            throw new Closed(status);
        }
        Set<String> given = roles(roles);
        String address = email.strip().toLowerCase(Locale.ROOT);
        String id = realm.create(address, blankToNull(firstName), blankToNull(lastName), organisation);
        try {
            realm.setRoles(id, given, ROLES);
            realm.sendInvitation(id, invitationClient);
        } catch (RuntimeException e) {
            realm.delete(id);
            throw e;
        }
        record(caller, organisation, id, address, Change.INVITED, given);
        return realm.find(id, SEEN_ROLES).orElseThrow(() -> new RecordNotFound("person", id));
    }

    public RealmPerson changeRoles(Caller caller, UUID organisation, String personId, List<String> roles) {
        mayManage(caller, organisation);
        Set<String> given = roles(roles);
        RealmPerson person = member(organisation, personId);
        if (person.id().equals(caller.userId()) && !given.contains(Roles.ORG_ADMIN) && !caller.isPlatformAdmin()) {
            throw new AccessRefused("You may not take your own administrator role; ask another administrator");
        }
        realm.setRoles(person.id(), given, ROLES);
        record(caller, organisation, person.id(), person.email(), Change.ROLES_CHANGED, given);
        return realm.find(person.id(), SEEN_ROLES).orElseThrow(() -> new RecordNotFound("person", personId));
    }

    public void remove(Caller caller, UUID organisation, String personId) {
        mayManage(caller, organisation);
        RealmPerson person = member(organisation, personId);
        if (person.id().equals(caller.userId())) {
            throw new AccessRefused("You may not remove yourself; ask another administrator");
        }
        realm.delete(person.id());
        record(caller, organisation, person.id(), person.email(), Change.REMOVED, Set.of());
    }

    /** The organisation, if the caller administers its people; hidden ones do not exist for enforcement bodies. */
    private StoredStakeholder mayManage(Caller caller, UUID organisation) {
        StoredStakeholder s = stakeholders.get(caller, organisation);
        boolean ownAdmin = caller.hasRole(Roles.ORG_ADMIN) && caller.actsFor(organisation);
        if (!caller.isPlatformAdmin() && !ownAdmin) {
            throw new AccessRefused("Only the organisation's own administrators and platform administrators may manage"
                    + " its people");
        }
        return s;
    }

    /** A person of this organisation; a platform administrator's account is never changed here. */
    private RealmPerson member(UUID organisation, String personId) {
        RealmPerson person =
                personId.length() > 64 ? null : realm.find(personId, SEEN_ROLES).orElse(null);
        if (person == null || !organisation.equals(person.organisationId())) {
            throw new RecordNotFound("person", personId);
        }
        if (person.roles().contains(Roles.PLATFORM_ADMIN)) {
            throw new AccessRefused("A platform administrator's account is not managed through an organisation");
        }
        return person;
    }

    private static Set<String> roles(List<String> roles) {
        if (roles.contains(Roles.PLATFORM_ADMIN)) {
            throw new AccessRefused("The platform administrator's role is never given through an organisation");
        }
        return REQUESTED.checked(roles);
    }

    private void record(
            Caller caller, UUID organisation, String personId, String email, Change change, Set<String> roles) {
        changes.record(new PeopleChange(
                organisation,
                personId,
                email,
                change,
                roles.stream().sorted().toList(),
                caller.userId(),
                caller.username(),
                caller.organisationId(),
                clock.instant()));
        log.info(
                "people: {} {} {} in organisation {} with roles {} by {} ({})",
                change,
                personId,
                email,
                organisation,
                roles,
                caller.username(),
                caller.userId());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 409: an archived or suspended organisation takes no new people. */
    static final class Closed extends ApiException {
        Closed(StakeholderStatus status) {
            super(409, "Conflict", "The organisation is " + status + " and takes no new people", List.of());
        }
    }
}
