package org.arrival.notifications.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.notifications.records.KnownRecord;
import org.arrival.notifications.records.KnownRecords;
import org.arrival.notifications.routing.Firewall;
import org.arrival.notifications.texts.Texts;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.arrival.platform.web.UnprocessableReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions: a user subscribes for themself, an organisation administrator for the whole organisation. Nobody
 * sees or changes another user's or another organisation's subscriptions (404). A filter may name only what the
 * caller may see by the platform's read policy ({@link Viewer}): an organisation hidden from the caller, or a
 * record it may not read, is answered exactly like an id nobody knows.
 */
@Service
public class SubscriptionService {

    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
    private static final Pattern AREA = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");
    private static final int MAX_KEYS = 100;

    private final SubscriptionRepository subscriptions;
    private final KnownRecords records;
    private final Organisations organisations;
    private final JdbcTemplate jdbc;
    private final Texts texts;

    public SubscriptionService(
            SubscriptionRepository subscriptions,
            KnownRecords records,
            Organisations organisations,
            JdbcTemplate jdbc,
            Texts texts) {
        this.subscriptions = subscriptions;
        this.records = records;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.texts = texts;
    }

    @Transactional
    public Subscription create(Caller caller, SubscriptionInput input) {
        UUID org = requireOrganisation(caller);
        Scope scope = input.scope() == null ? Scope.USER : input.scope();
        if (scope == Scope.ORGANISATION) {
            requireOrgAdmin(caller);
        }
        Settings settings = validated(caller, org, input);
        Instant now = Instant.now();
        Subscription s = new Subscription(
                UUID.randomUUID(),
                1,
                org,
                scope == Scope.USER ? caller.userId() : null,
                settings.channel(),
                settings.address(),
                settings.webhookId(),
                settings.frequency(),
                settings.filter(),
                settings.language(),
                true,
                now,
                caller.userId(),
                now,
                caller.userId());
        subscriptions.insert(s);
        return s;
    }

    @Transactional(readOnly = true)
    public PageResult<Subscription> list(Caller caller, PageQuery page) {
        if (caller.organisationId() == null) {
            return PageResult.of(List.of(), page, 0);
        }
        return subscriptions.listOwned(caller.organisationId(), caller.userId(), page);
    }

    @Transactional(readOnly = true)
    public Subscription get(Caller caller, UUID id) {
        return owned(caller, id, false);
    }

    @Transactional
    public Subscription replace(Caller caller, UUID id, long expectedVersion, SubscriptionInput input) {
        Subscription current = owned(caller, id, true);
        if (current.scope() == Scope.ORGANISATION) {
            requireOrgAdmin(caller);
        }
        if (input.scope() != null && input.scope() != current.scope()) {
            throw InvalidInput.field("scope", "cannot change; create a new subscription instead");
        }
        if (current.version() != expectedVersion) {
            throw new StaleVersion("subscription", id, expectedVersion);
        }
        Settings settings = validated(caller, current.ownerOrg(), input);
        Subscription next = new Subscription(
                id,
                current.version() + 1,
                current.ownerOrg(),
                current.userId(),
                settings.channel(),
                settings.address(),
                settings.webhookId(),
                settings.frequency(),
                settings.filter(),
                settings.language(),
                true,
                current.createdAt(),
                current.createdBy(),
                Instant.now(),
                caller.userId());
        if (next.channel() == current.channel()
                && Objects.equals(next.address(), current.address())
                && Objects.equals(next.webhookId(), current.webhookId())
                && next.frequency() == current.frequency()
                && next.filter().equals(current.filter())
                && next.language().equals(current.language())) {
            return current;
        }
        subscriptions.update(next);
        return next;
    }

    /** Ends the subscription; it is kept (inactive) for the deliveries that refer to it. */
    @Transactional
    public void delete(Caller caller, UUID id, long expectedVersion) {
        Subscription current = owned(caller, id, true);
        if (current.scope() == Scope.ORGANISATION) {
            requireOrgAdmin(caller);
        }
        if (current.version() != expectedVersion) {
            throw new StaleVersion("subscription", id, expectedVersion);
        }
        subscriptions.update(new Subscription(
                id,
                current.version() + 1,
                current.ownerOrg(),
                current.userId(),
                current.channel(),
                current.address(),
                current.webhookId(),
                current.frequency(),
                current.filter(),
                current.language(),
                false,
                current.createdAt(),
                current.createdBy(),
                Instant.now(),
                caller.userId()));
    }

    private Subscription owned(Caller caller, UUID id, boolean forUpdate) {
        if (caller.organisationId() == null) {
            throw new RecordNotFound("subscription", id);
        }
        return subscriptions
                .findOwned(id, caller.organisationId(), caller.userId(), forUpdate)
                .orElseThrow(() -> new RecordNotFound("subscription", id));
    }

    private record Settings(
            Channel channel,
            @Nullable String address,
            @Nullable UUID webhookId,
            Frequency frequency,
            SubscriptionFilter filter,
            String language) {}

    /**
     * Checks the input: 400 for what is malformed, 422 for references to what is unknown or what the caller may not
     * see (the same answer, so that it tells nothing of what exists).
     */
    private Settings validated(Caller caller, UUID org, SubscriptionInput input) {
        if (input.channel() == null) {
            throw InvalidInput.field("channel", "is required (IN_APP, EMAIL or WEBHOOK)");
        }
        Frequency frequency = input.frequency() == null ? Frequency.IMMEDIATE : input.frequency();
        String address = input.address() == null || input.address().isBlank()
                ? null
                : input.address().strip();
        if (input.channel() == Channel.EMAIL) {
            if (address == null) {
                throw InvalidInput.field("address", "is required for EMAIL");
            }
            if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
                throw InvalidInput.field("address", "'" + address + "' is not an e-mail address");
            }
        } else if (address != null) {
            throw InvalidInput.field("address", "is only for EMAIL");
        }
        if (input.channel() == Channel.WEBHOOK) {
            if (input.webhookId() == null) {
                throw InvalidInput.field("webhookId", "is required for WEBHOOK");
            }
        } else if (input.webhookId() != null) {
            throw InvalidInput.field("webhookId", "is only for WEBHOOK");
        }
        if (frequency == Frequency.DAILY_DIGEST && input.channel() != Channel.EMAIL) {
            throw InvalidInput.field("frequency", "DAILY_DIGEST is only for EMAIL");
        }
        String language = language(input.language());
        SubscriptionFilter filter = filter(input.filter());
        // given exactly when the channel is WEBHOOK (checked above)
        UUID webhookId = input.webhookId();
        if (webhookId != null && !subscriptions.webhookOf(webhookId, org)) {
            throw new UnprocessableReference("webhookId", "no webhook " + webhookId + " of your organisation");
        }
        Viewer viewer = organisations.viewer(caller);
        List<UUID> unknownForums =
                filter.forums().stream().filter(f -> !forumVisible(viewer, f)).toList();
        if (!unknownForums.isEmpty()) {
            throw new UnprocessableReference("filter.forums", "unknown forums " + join(unknownForums));
        }
        List<UUID> unknownOrgs = filter.organisations().stream()
                .filter(o -> !organisationKnown(o) || !viewer.maySeeOrganisation(o))
                .toList();
        if (!unknownOrgs.isEmpty()) {
            throw new UnprocessableReference("filter.organisations", "unknown organisations " + join(unknownOrgs));
        }
        Map<UUID, KnownRecord> known = records.find(filter.records());
        List<UUID> unknownRecords = filter.records().stream()
                .filter(r -> !known.containsKey(r) || !viewer.mayRead(scope(known.get(r))))
                .toList();
        if (!unknownRecords.isEmpty()) {
            throw new UnprocessableReference("filter.records", "unknown records " + join(unknownRecords));
        }
        return new Settings(input.channel(), address, webhookId, frequency, filter, language);
    }

    /** The language tag e-mails are worded in: one the service words in, English when none is given. */
    private String language(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return texts.languages().getFirst().toLanguageTag();
        }
        Locale language = tag.length() <= 35 ? texts.supported(tag) : null;
        if (language == null) {
            throw InvalidInput.field(
                    "language",
                    "must be one of "
                            + texts.languages().stream()
                                    .map(Locale::toLanguageTag)
                                    .collect(Collectors.joining(", ")));
        }
        return language.toLanguageTag();
    }

    private static SubscriptionFilter filter(SubscriptionInput.@Nullable FilterInput f) {
        if (f == null) {
            return SubscriptionFilter.EVERYTHING;
        }
        List<UUID> forums = ids("filter.forums", f.forums());
        List<UUID> orgs = ids("filter.organisations", f.organisations());
        List<UUID> records = ids("filter.records", f.records());
        List<String> sectors = size("filter.sectors", f.sectors()).stream()
                .map(s -> {
                    if (s == null) {
                        throw InvalidInput.field("filter.sectors", "must not contain null");
                    }
                    return s.name();
                })
                .distinct()
                .toList();
        List<String> areas = size("filter.areas", f.areas()).stream()
                .map(a -> {
                    String v = a == null ? "" : a.strip().toUpperCase(Locale.ROOT);
                    if (!AREA.matcher(v).matches()) {
                        throw InvalidInput.field(
                                "filter.areas", "'" + a + "' is not a country (UG) or subdivision (UG-C) code");
                    }
                    return v;
                })
                .distinct()
                .toList();
        List<String> types = size("filter.eventTypes", f.eventTypes()).stream()
                .map(t -> {
                    String v = t == null ? "" : t.strip();
                    if (!knownType(v)) {
                        throw InvalidInput.field(
                                "filter.eventTypes", "'" + t + "' is not an event type of the catalogue");
                    }
                    return v;
                })
                .distinct()
                .toList();
        return new SubscriptionFilter(forums, orgs, sectors, areas, records, types);
    }

    static boolean knownType(String type) {
        return EventCatalogue.instance().findType(type).isPresent()
                || EventCatalogue.instance().eventTypes().stream()
                        .map(EventTypeDefinition::simpleName)
                        .anyMatch(type::equals);
    }

    private static List<UUID> ids(String field, @Nullable List<UUID> ids) {
        List<UUID> list = size(field, ids);
        if (list.contains(null)) {
            throw InvalidInput.field(field, "must not contain null");
        }
        return list.stream().distinct().toList();
    }

    private static <T> List<T> size(String field, @Nullable List<T> values) {
        if (values == null) {
            return new ArrayList<>();
        }
        if (values.size() > MAX_KEYS) {
            throw InvalidInput.field(field, "at most " + MAX_KEYS + " values");
        }
        return new ArrayList<>(values);
    }

    /** A forum the registry's events made known; one known as a record only when the caller may read it. */
    private boolean forumVisible(Viewer viewer, UUID forum) {
        KnownRecord record = records.find(List.of(forum)).get(forum);
        if (record != null && "FORUM".equals(record.kind())) {
            return viewer.mayRead(scope(record));
        }
        Integer n =
                jdbc.queryForObject("SELECT count(*) FROM forum_membership WHERE forum_id = ?", Integer.class, forum);
        return n != null && n > 0;
    }

    private static RecordScope scope(KnownRecord record) {
        return Firewall.scope(record.ownerId(), record.classification(), record.forums());
    }

    private boolean organisationKnown(UUID org) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM organisation WHERE id = ?", Integer.class, org);
        return n != null && n > 0;
    }

    private static String join(List<UUID> ids) {
        Set<UUID> set = new LinkedHashSet<>(ids);
        return set.stream().map(UUID::toString).collect(Collectors.joining(", "));
    }

    private static UUID requireOrganisation(Caller caller) {
        if (caller.organisationId() == null) {
            throw new AccessRefused("Subscriptions belong to an organisation; your account acts for none");
        }
        return caller.organisationId();
    }

    private static void requireOrgAdmin(Caller caller) {
        if (!caller.hasRole(Roles.ORG_ADMIN)) {
            throw new AccessRefused("Only your organisation's administrators manage its subscriptions");
        }
    }
}
