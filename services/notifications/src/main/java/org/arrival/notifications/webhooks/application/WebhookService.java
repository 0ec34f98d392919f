package org.arrival.notifications.webhooks.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.notifications.webhooks.domain.TargetGuard;
import org.arrival.notifications.webhooks.domain.UnsafeTarget;
import org.arrival.notifications.webhooks.domain.WebhookSignature;
import org.arrival.notifications.webhooks.persistence.WebhookRepository;
import org.arrival.notifications.webhooks.persistence.WebhookRepository.DeliveryLine;
import org.arrival.notifications.webhooks.persistence.WebhookRepository.StoredWebhook;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering an organisation's webhooks. Only the administrators of the organisation manage them; another
 * organisation's webhook is not found. The secret is generated here and shown once, when it is created or rotated.
 */
@Service
public class WebhookService {

    private final WebhookRepository webhooks;
    private final TargetGuard guard;
    private final Clock clock;

    public WebhookService(WebhookRepository webhooks, TargetGuard guard, ObjectProvider<Clock> clock) {
        this.webhooks = webhooks;
        this.guard = guard;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A webhook and, right after it was created or rotated, its secret (null otherwise). */
    public record Registered(StoredWebhook webhook, String secret) {}

    @Transactional
    public Registered register(Caller caller, String url, List<String> eventTypes) {
        UUID org = requireAdmin(caller);
        String checked = checkedUrl(url);
        List<String> types = EventTypes.resolve(eventTypes);
        String secret = WebhookSignature.newSecret();
        Instant at = clock.instant();
        StoredWebhook w = new StoredWebhook(
                UUID.randomUUID(),
                1,
                org,
                checked,
                secret,
                types,
                true,
                0,
                null,
                at,
                caller.userId(),
                at,
                caller.userId());
        webhooks.insert(w);
        return new Registered(webhooks.find(w.id()).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public PageResult<StoredWebhook> list(Caller caller, PageQuery page) {
        return webhooks.ofOwner(requireAdmin(caller), page);
    }

    @Transactional(readOnly = true)
    public StoredWebhook get(Caller caller, UUID id) {
        requireAdmin(caller);
        return webhooks.find(id)
                .filter(w -> caller.actsFor(w.ownerOrg()))
                .orElseThrow(() -> new RecordNotFound("webhook", id));
    }

    @Transactional
    public StoredWebhook revise(Caller caller, UUID id, long expectedVersion, String url, List<String> eventTypes) {
        StoredWebhook current = ownedForUpdate(caller, id, expectedVersion);
        String checked = checkedUrl(url);
        List<String> types = EventTypes.resolve(eventTypes);
        if (checked.equals(current.url()) && types.equals(current.eventTypes())) {
            return current;
        }
        return save(
                caller,
                current,
                checked,
                current.secret(),
                types,
                current.active(),
                current.failures(),
                current.disabledReason());
    }

    @Transactional
    public Registered rotateSecret(Caller caller, UUID id, long expectedVersion) {
        StoredWebhook current = ownedForUpdate(caller, id, expectedVersion);
        String secret = WebhookSignature.newSecret();
        StoredWebhook saved = save(
                caller,
                current,
                current.url(),
                secret,
                current.eventTypes(),
                current.active(),
                current.failures(),
                current.disabledReason());
        return new Registered(saved, secret);
    }

    /** Switches a webhook back on, after an administrator disabled it or deliveries kept failing. */
    @Transactional
    public StoredWebhook enable(Caller caller, UUID id, long expectedVersion) {
        StoredWebhook current = ownedForUpdate(caller, id, expectedVersion);
        // the target may have become unsafe while the webhook was off
        checkedUrl(current.url());
        if (current.active() && current.failures() == 0 && current.disabledReason() == null) {
            return current;
        }
        return save(caller, current, current.url(), current.secret(), current.eventTypes(), true, 0, null);
    }

    @Transactional
    public StoredWebhook disable(Caller caller, UUID id, long expectedVersion) {
        StoredWebhook current = ownedForUpdate(caller, id, expectedVersion);
        if (!current.active()) {
            return current;
        }
        return save(
                caller,
                current,
                current.url(),
                current.secret(),
                current.eventTypes(),
                false,
                current.failures(),
                "disabled by " + caller.username());
    }

    @Transactional
    public void delete(Caller caller, UUID id, long expectedVersion) {
        ownedForUpdate(caller, id, expectedVersion);
        webhooks.delete(id);
    }

    @Transactional(readOnly = true)
    public PageResult<DeliveryLine> deliveries(Caller caller, UUID id, @Nullable String status, PageQuery page) {
        StoredWebhook w = get(caller, id);
        return webhooks.deliveries(w.id(), status, page);
    }

    private StoredWebhook save(
            Caller caller,
            StoredWebhook current,
            String url,
            String secret,
            List<String> types,
            boolean active,
            int failures,
            @Nullable String disabledReason) {
        StoredWebhook next = new StoredWebhook(
                current.id(),
                current.version() + 1,
                current.ownerOrg(),
                url,
                secret,
                types,
                active,
                failures,
                disabledReason,
                current.createdAt(),
                current.createdBy(),
                clock.instant(),
                caller.userId());
        webhooks.update(next, current.version());
        return webhooks.find(current.id()).orElseThrow();
    }

    /** Locks the webhook; 403 unless the caller administers an organisation, 404 if not theirs, 412 if stale. */
    private StoredWebhook ownedForUpdate(Caller caller, UUID id, long expectedVersion) {
        requireAdmin(caller);
        StoredWebhook current = webhooks.findForUpdate(id)
                .filter(w -> caller.actsFor(w.ownerOrg()))
                .orElseThrow(() -> new RecordNotFound("webhook", id));
        if (current.version() != expectedVersion) {
            throw new StaleVersion("webhook", id, expectedVersion);
        }
        return current;
    }

    private String checkedUrl(String url) {
        try {
            return guard.check(url).toString();
        } catch (UnsafeTarget e) {
            throw InvalidInput.field("url", e.reason());
        }
    }

    /** The caller's organisation, if the caller administers it; else 403. */
    static UUID requireAdmin(Caller caller) {
        UUID org = caller.organisationId();
        if (org == null || !caller.hasRole(Roles.ORG_ADMIN)) {
            throw new AccessRefused(
                    "Only the administrators of an organisation (role " + Roles.ORG_ADMIN + ") manage its webhooks");
        }
        return org;
    }
}
