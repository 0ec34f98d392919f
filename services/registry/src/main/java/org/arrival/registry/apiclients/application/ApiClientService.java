package org.arrival.registry.apiclients.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.apiclients.domain.ApiClient;
import org.arrival.registry.apiclients.persistence.ApiClientChanges;
import org.arrival.registry.apiclients.persistence.ApiClientChanges.ApiClientChange;
import org.arrival.registry.apiclients.persistence.ApiClientChanges.Change;
import org.arrival.registry.apiclients.persistence.ApiClientRepository;
import org.arrival.registry.apiclients.realm.ClientIdTaken;
import org.arrival.registry.apiclients.realm.RealmClients;
import org.arrival.registry.people.application.RequestedRoles;
import org.arrival.registry.stakeholders.application.StakeholderService;
import org.arrival.registry.stakeholders.persistence.StakeholderRepository.StoredStakeholder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's API clients: its administrators (and platform administrators) create a machine identity for the
 * organisation's own system with roles among member, org-editor and forum-coordinator, rotate its secret and revoke
 * it. A client never administers: the platform administrator's and the organisation administrator's roles are never
 * given to one. Its tokens name the organisation ({@code org_id}) and the services record its writes as
 * {@code client:<clientId>}. The secret is shown once, when made; the registry never stores it. Each change is logged
 * with who made it.
 */
@Service
public class ApiClientService {

    /** The roles an API client may hold. */
    public static final Set<String> ROLES = Set.of(Roles.MEMBER, Roles.ORG_EDITOR, Roles.FORUM_COORDINATOR);

    private static final RequestedRoles REQUESTED = new RequestedRoles(
            ROLES,
            "member, org-editor, forum-coordinator",
            "api-clients",
            "A role is not one an API client may hold",
            "An API client needs at least one role");

    private static final Set<String> NEVER = Set.of(Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN);
    private static final Logger log = LoggerFactory.getLogger(ApiClientService.class);

    /** A client and its secret, which is shown this once. */
    public record Issued(ApiClient client, String secret) {}

    private final StakeholderService stakeholders;
    private final RealmClients realm;
    private final ApiClientRepository clients;
    private final ApiClientChanges changes;
    private final Clock clock;

    public ApiClientService(
            StakeholderService stakeholders,
            RealmClients realm,
            ApiClientRepository clients,
            ApiClientChanges changes,
            Clock clock) {
        this.stakeholders = stakeholders;
        this.realm = realm;
        this.clients = clients;
        this.changes = changes;
        this.clock = clock;
    }

    /** The organisation's clients, each with when it last got a token (from the realm's events, remembered here). */
    public List<ApiClient> list(Caller caller, UUID organisation) {
        mayManage(caller, organisation);
        List<ApiClient> found = new ArrayList<>();
        for (ApiClient c : clients.ofOrganisation(organisation)) {
            found.add(c.revoked() ? c : withLastUse(c));
        }
        return found;
    }

    public ApiClient get(Caller caller, UUID organisation, UUID id) {
        mayManage(caller, organisation);
        return withLastUse(client(organisation, id));
    }

    public List<ApiClientChange> history(Caller caller, UUID organisation) {
        mayManage(caller, organisation);
        return changes.of(organisation, 200);
    }

    /**
     * Makes the client in the realm with these roles and records it; if recording fails, the realm's client is
     * deleted again, so nothing is left half made.
     */
    @Transactional
    public Issued create(Caller caller, UUID organisation, String name, List<String> roles) {
        StoredStakeholder s = mayManage(caller, organisation);
        StakeholderStatus status = s.stakeholder().status();
        if (status == StakeholderStatus.ARCHIVED || status == StakeholderStatus.SUSPENDED) {
            throw new Closed(status);
        }
        Set<String> given = roles(roles);
        String label = name.strip();
        String clientId = freeClientId(organisation, label);
        RealmClients.Made made = realm.create(clientId, label, organisation, given, ROLES);
        Instant now = clock.instant();
        ApiClient client = new ApiClient(
                UUID.randomUUID(),
                organisation,
                label,
                clientId,
                made.realmId(),
                given.stream().sorted().toList(),
                caller.userId(),
                caller.username(),
                now,
                null,
                null,
                null,
                1);
        try {
            clients.insert(client);
            record(caller, client, Change.CREATED, now);
        } catch (DuplicateKeyException e) {
            // another request took the same client id between the check and the insert
            realm.delete(made.realmId());
            throw new ClientIdTaken();
        } catch (RuntimeException e) {
            realm.delete(made.realmId());
            throw e;
        }
        return new Issued(client, made.secret());
    }

    /** A new secret; the old one stops working at once. */
    @Transactional
    public Issued rotate(Caller caller, UUID organisation, UUID id, long expected) {
        mayManage(caller, organisation);
        ApiClient current = client(organisation, id);
        if (current.revoked()) {
            throw new Revoked(current.clientId());
        }
        Instant now = clock.instant();
        ApiClient rotated = current.rotatedAt(now);
        save(rotated, expected);
        String secret = realm.rotate(current.realmId());
        record(caller, rotated, Change.SECRET_ROTATED, now);
        return new Issued(rotated, secret);
    }

    /** Deletes the client in the realm: it gets no token any more. The record stays, marked revoked. */
    @Transactional
    public ApiClient revoke(Caller caller, UUID organisation, UUID id, long expected) {
        mayManage(caller, organisation);
        ApiClient current = client(organisation, id);
        if (current.revoked()) {
            throw new Revoked(current.clientId());
        }
        Instant now = clock.instant();
        ApiClient revoked = current.revokedAt(now);
        save(revoked, expected);
        realm.delete(current.realmId());
        record(caller, revoked, Change.REVOKED, now);
        return revoked;
    }

    private void save(ApiClient changed, long expected) {
        if (changed.version() != expected + 1 || !clients.update(changed, expected)) {
            throw new StaleVersion("API client", changed.id(), expected);
        }
    }

    private ApiClient withLastUse(ApiClient c) {
        Optional<Instant> last = realm.lastLogin(c.clientId());
        if (last.isEmpty() || (c.lastUsedAt() != null && !last.get().isAfter(c.lastUsedAt()))) {
            return c;
        }
        clients.lastUsed(c.id(), last.get());
        return new ApiClient(
                c.id(),
                c.organisationId(),
                c.name(),
                c.clientId(),
                c.realmId(),
                c.roles(),
                c.createdBy(),
                c.createdByUsername(),
                c.createdAt(),
                last.get(),
                c.rotatedAt(),
                c.revokedAt(),
                c.version());
    }

    private String freeClientId(UUID organisation, String name) {
        String base = ApiClient.clientIdFor(organisation, name);
        String candidate = base;
        for (int n = 2; clients.clientIdTaken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** The organisation, if the caller administers it; hidden ones do not exist for enforcement bodies. */
    private StoredStakeholder mayManage(Caller caller, UUID organisation) {
        StoredStakeholder s = stakeholders.get(caller, organisation);
        boolean ownAdmin = caller.hasRole(Roles.ORG_ADMIN) && caller.actsFor(organisation);
        if (!caller.isPlatformAdmin() && !ownAdmin) {
            throw new AccessRefused("Only the organisation's own administrators and platform administrators may manage"
                    + " its API clients");
        }
        return s;
    }

    private ApiClient client(UUID organisation, UUID id) {
        return clients.find(id)
                .filter(c -> c.organisationId().equals(organisation))
                .orElseThrow(() -> new RecordNotFound("API client", id));
    }

    private static Set<String> roles(List<String> roles) {
        for (String role : roles) {
            if (NEVER.contains(role)) {
                throw new AccessRefused("An API client is never given the " + role + " role");
            }
        }
        return REQUESTED.checked(roles);
    }

    private void record(Caller caller, ApiClient client, Change change, Instant at) {
        changes.record(new ApiClientChange(
                client.organisationId(),
                client.id(),
                client.clientId(),
                client.name(),
                change,
                client.roles(),
                caller.userId(),
                caller.username(),
                caller.organisationId(),
                at));
        log.info(
                "api-clients: {} {} ({}) of organisation {} with roles {} by {} ({})",
                change,
                client.clientId(),
                client.id(),
                client.organisationId(),
                client.roles(),
                caller.username(),
                caller.userId());
    }

    /** 409: an archived or suspended organisation gets no new API clients. */
    static final class Closed extends ApiException {
        Closed(StakeholderStatus status) {
            super(409, "Conflict", "The organisation is " + status + " and gets no new API clients", List.of());
        }
    }

    /** 409: the client was revoked; it is neither rotated nor revoked again. */
    static final class Revoked extends ApiException {
        Revoked(String clientId) {
            super(409, "Conflict", "The API client " + clientId + " was revoked", List.of());
        }
    }
}
