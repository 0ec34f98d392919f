package org.arrival.notifications.routing;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.registry.Assignment;
import org.arrival.contracts.registry.AssignmentDeclined;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.AssignmentOverdue;
import org.arrival.notifications.records.EventInterpreter;
import org.arrival.notifications.records.ForumCoordinators;
import org.arrival.notifications.records.KnownRecord;
import org.arrival.notifications.records.KnownRecords;
import org.arrival.notifications.records.RecordEvent;
import org.arrival.notifications.subscriptions.Channel;
import org.arrival.notifications.subscriptions.Frequency;
import org.arrival.notifications.subscriptions.Subscription;
import org.arrival.notifications.subscriptions.SubscriptionRepository;
import org.arrival.notifications.texts.Notice;
import org.arrival.notifications.texts.Texts;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides who is told about an event and writes, in the transaction that handles it, the in-app notifications, the
 * e-mails of immediate e-mail subscriptions, the digest items of daily ones and the webhook calls of the
 * recipients' organisations. Every recipient passes the {@link Firewall}, as the platform's read policy sees it
 * ({@link Organisations#viewer}). The unique indexes make a second handling of the same event write nothing new.
 */
@Component
public class Router {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Notices about forums' meetings, decisions and assignments, and flags (which quote an assignment's work or a
     * decision's text): they carry what the forum's people typed.
     */
    private static final Set<String> TYPED_BY_FORUMS = Set.of(
            "MeetingScheduled",
            "MeetingUpdated",
            "MeetingHeld",
            "MinutesApproved",
            "MeetingCancelled",
            "DecisionRecorded",
            "AssignmentMade",
            "AssignmentAccepted",
            "AssignmentDeclined",
            "AssignmentOverdue",
            "AgendaItemProposed",
            "CoherenceFlagRaised",
            "CoherenceFlagUpdated");

    /** The fields of those events' payloads that hold typed words. */
    private static final Set<String> TYPED_FIELDS = Set.of(
            "title",
            "note",
            "place",
            "minutes",
            "cancellationReason",
            "text",
            "reason",
            "expected",
            "declineReason",
            "summary");

    /** Forum members hear of these on records shared with their forum, without subscribing. */
    static final Set<String> FORUM_DEFAULTS = Set.of("ActionProposed", "ReportOverdue", "MeetingScheduled");
    /** Who runs a forum (chair, secretariat) hears of these on work its decisions assigned, without subscribing. */
    static final Set<String> COORDINATOR_DEFAULTS = Set.of("AssignmentDeclined", "AssignmentOverdue");
    /** The assignee's people hear of these on work a forum's decision assigned to it, without subscribing. */
    static final Set<String> ASSIGNEE_DEFAULTS = Set.of("AssignmentMade", "AssignmentOverdue");

    private static final String NOTIFY = """
            INSERT INTO notification (id, event_id, event_type, subject_id, recipient_org, recipient_user,
                subscription_id, title, body, link, classification, occurred_at, organisations, code, parameters,
                created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?::jsonb, now())
            ON CONFLICT (event_id, recipient_org, coalesce(recipient_user, '')) DO NOTHING""";
    /** Names the notification by what makes it unique, so that one written before (a replay) is found too. */
    private static final String DIGEST_ITEM = """
            INSERT INTO digest_item (subscription_id, notification_id, added_at)
            SELECT ?, id, now() FROM notification
            WHERE event_id = ? AND recipient_org = ? AND coalesce(recipient_user, '') = coalesce(?, '')
            ON CONFLICT DO NOTHING""";

    private static final String EMAIL = """
            INSERT INTO delivery (id, channel, subscription_id, event_id, target, subject, payload, status,
                next_attempt_at, created_at)
            VALUES (?, 'EMAIL', ?, ?, ?, ?, ?, 'PENDING', now(), now())
            ON CONFLICT (subscription_id, event_id) WHERE channel = 'EMAIL' DO NOTHING""";
    private static final String WEBHOOK_CALL = """
            INSERT INTO delivery (id, channel, webhook_id, event_id, target, subject, payload, status,
                next_attempt_at, created_at)
            VALUES (?, 'WEBHOOK', ?, ?, ?, ?, ?, 'PENDING', now(), now())
            ON CONFLICT (webhook_id, event_id) WHERE channel = 'WEBHOOK' DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final SubscriptionRepository subscriptions;
    private final Organisations organisations;
    private final ForumCoordinators coordinators;
    private final Texts texts;
    private final String linkBase;

    public Router(
            JdbcTemplate jdbc,
            SubscriptionRepository subscriptions,
            Organisations organisations,
            ForumCoordinators coordinators,
            Texts texts,
            @Value("${arrival.notifications.link-base}") String linkBase) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.organisations = organisations;
        this.coordinators = coordinators;
        this.texts = texts;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    /**
     * One poll of events: what routing reads that events do not change (the active subscriptions, the replica's
     * organisations and seats, the webhooks), read once for the whole poll, and what routing writes, held until
     * {@link #flush} writes it in one JDBC batch per statement. A subscription or webhook changed meanwhile counts
     * from the next poll on.
     */
    public final class Poll {

        private @Nullable List<Subscription> subscriptions;
        private final Lookups organisations;
        private final Map<List<Object>, List<Map<String, Object>>> webhooks = new HashMap<>();
        private final Map<List<Object>, Object[]> notifications = new LinkedHashMap<>();
        private final List<Object[]> digestItems = new ArrayList<>();
        private final List<Object[]> emails = new ArrayList<>();
        private final List<Object[]> webhookCalls = new ArrayList<>();

        private Poll(Set<UUID> organisationsNamed) {
            this.organisations = new Lookups(organisationsNamed);
        }

        private List<Subscription> subscriptions() {
            if (subscriptions == null) {
                subscriptions = Router.this.subscriptions.allActive();
            }
            return subscriptions;
        }

        private List<Map<String, Object>> webhooks(UUID org, String type) {
            return webhooks.computeIfAbsent(List.of(org, type), k -> Router.this.webhooks(org, type));
        }

        /** Writes what the poll's events routed; notifications first, as digest items refer to them. */
        public void flush() {
            batch(NOTIFY, List.copyOf(notifications.values()));
            batch(DIGEST_ITEM, digestItems);
            batch(EMAIL, emails);
            batch(WEBHOOK_CALL, webhookCalls);
            notifications.clear();
            digestItems.clear();
            emails.clear();
            webhookCalls.clear();
        }

        private void batch(String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        }
    }

    /**
     * A fresh set of look-ups and writes for the events of one poll.
     *
     * @param named the ids the poll's events name, to find the organisations among them in one query
     */
    public Poll poll(Collection<UUID> named) {
        Set<UUID> organisationsNamed = named.isEmpty()
                ? Set.of()
                : Set.copyOf(jdbc.queryForList(
                        "SELECT id FROM organisation WHERE id = ANY(?::uuid[])", UUID.class, ReadSql.array(named)));
        return new Poll(organisationsNamed);
    }

    /**
     * Routes an event about {@code record} (as known after the event) with the poll's look-ups; its writes wait for
     * the poll's {@link Poll#flush}. {@code known} gives the records the event names. Returns the organisations told.
     */
    public Set<UUID> route(
            InboundEvent event, RecordEvent read, KnownRecord record, KnownRecords.Poll known, Poll poll) {
        Lookups orgs = poll.organisations;
        Firewall.Audience audience = audience(event, read, record, known, orgs);

        Set<String> areas = new LinkedHashSet<>(record.countries());
        areas.addAll(record.subdivisions());
        Set<UUID> ids = new LinkedHashSet<>(read.relatedIds());
        ids.add(record.id());
        if (record.planId() != null) {
            ids.add(record.planId());
        }
        EventFacts facts = new EventFacts(
                event.type(), record.ownerId(), Set.copyOf(record.forums()), Set.copyOf(record.sectors()), areas, ids);

        Notice notice = Wording.describe(
                read.payload(),
                record,
                record.ownerId(),
                orgs::name,
                id -> known.find(id).map(KnownRecord::title).orElse(null));
        Locale english = texts.languages().getFirst();
        Notification n = new Notification(
                event, notice, texts.title(english, notice), texts.body(english, notice), link(read, record), audience);

        // an enforcement body is told the meeting's, decision's or assignment's typed words without hidden names
        Map<UUID, Notification> worded = new HashMap<>();
        java.util.function.Function<UUID, Notification> to = org -> worded.computeIfAbsent(org, o -> {
            HiddenNames hidden = orgs.hiddenNames(o);
            if (hidden.isEmpty() || !TYPED_BY_FORUMS.contains(notice.code())) {
                return n;
            }
            Notice shown = redacted(notice, hidden);
            return new Notification(
                    event, shown, texts.title(english, shown), texts.body(english, shown), n.link(), audience);
        });

        Set<UUID> told = new LinkedHashSet<>();
        for (Subscription s : poll.subscriptions()) {
            if (!FilterMatching.matches(s.filter(), facts) || !orgs.mayTell(audience, s.ownerOrg())) {
                continue;
            }
            told.add(s.ownerOrg());
            if (s.channel() == Channel.WEBHOOK) {
                continue;
            }
            Notification mine = to.apply(s.ownerOrg());
            notify(poll, mine, s.ownerOrg(), s.userId(), s.id());
            if (s.channel() == Channel.EMAIL && s.address() != null) {
                if (s.frequency() == Frequency.DAILY_DIGEST) {
                    poll.digestItems.add(new Object[] {s.id(), n.event().id(), s.ownerOrg(), s.userId()});
                } else {
                    poll.emails.add(email(mine, s, texts));
                }
            }
        }
        for (UUID org : defaultRecipients(read, record, event, known, orgs)) {
            if (orgs.mayTell(audience, org)) {
                told.add(org);
                notify(poll, to.apply(org), org, null, null);
            }
        }
        String document = null;
        for (UUID org : told) {
            HiddenNames hidden = orgs.hiddenNames(org);
            for (Map<String, Object> hook : poll.webhooks(org, event.type())) {
                String sent;
                if (hidden.isEmpty() || !TYPED_BY_FORUMS.contains(notice.code())) {
                    if (document == null) {
                        document = cloudEvent(event);
                    }
                    sent = document;
                } else {
                    sent = cloudEvent(event, hidden);
                }
                poll.webhookCalls.add(
                        new Object[] {UUID.randomUUID(), hook.get("id"), event.id(), hook.get("url"), event.type(), sent
                        });
            }
        }
        return told;
    }

    /**
     * Who may be told: the owner the firewall decides for (an input's contributor, else the record's owner), the
     * event's classification raised by the record it quotes and the restricted records it names, and every
     * organisation it is about or names.
     */
    private static Firewall.Audience audience(
            InboundEvent event, RecordEvent read, KnownRecord record, KnownRecords.Poll known, Lookups orgs) {
        UUID recordOwner = record.ownerId();
        UUID owner = read.firewallOwner() != null ? read.firewallOwner() : recordOwner;
        Set<UUID> addressees = new HashSet<>();
        if (read.author() != null) {
            addressees.add(read.author());
        }
        if (read.firewallOwner() != null && recordOwner != null) {
            addressees.add(recordOwner);
        }
        Set<UUID> organisations = new HashSet<>(addressees);
        organisations.add(event.ownerOrg());
        if (owner != null) {
            organisations.add(owner);
        }
        List<RecordScope> named = new ArrayList<>();
        for (UUID id : read.namedIds()) {
            if (orgs.named(id)) {
                organisations.add(id);
            }
            if (id.equals(record.id())) {
                continue;
            }
            known.find(id).ifPresent(r -> {
                if (r.ownerId() != null) {
                    organisations.add(r.ownerId());
                }
                if (!"STAKEHOLDER".equals(r.kind())) {
                    named.add(Firewall.scope(r.ownerId(), r.classification(), r.forums()));
                }
            });
        }
        RecordScope quoted = Firewall.scope(recordOwner, record.classification(), record.forums());
        DataClassification classification = Firewall.classification(event.classification(), quoted, named);
        Set<UUID> forums = read.firewallOwner() != null ? Set.of() : Set.copyOf(record.forums());
        return new Firewall.Audience(Firewall.scope(owner, classification, forums), organisations, addressees);
    }

    /**
     * The record's page in the web application: {@code /actions/{id}}, {@code /needs/{id}}, {@code /plans/{id}},
     * {@code /rounds/{id}}, {@code /estimates/{id}}, {@code /stakeholders/{id}}, {@code /forums/{id}}, a flag in its
     * forum ({@code /forums/{forum}/flags/{id}}), a checklist gap in its round ({@code /rounds/{round}}), a meeting
     * in its forum ({@code /forums/{forum}/meetings/{id}}), an assignment ({@code /assignments/{id}}; a declined one
     * and a decision at what came of the forum's decisions, {@code /forums/{forum}/decisions}) and an agenda item
     * proposed to a forum at its meetings ({@code /forums/{forum}/meetings}).
     */
    private String link(RecordEvent read, KnownRecord record) {
        String forum =
                record.forums().isEmpty() ? null : "/forums/" + record.forums().getFirst();
        if ("FLAG".equals(record.kind()) && forum != null) {
            return linkBase + forum + "/flags/" + record.id();
        }
        if ("MEETING".equals(record.kind()) && forum != null) {
            return linkBase + forum + "/meetings/" + record.id();
        }
        if ("PROPOSAL".equals(record.kind()) && forum != null) {
            return linkBase + forum + "/meetings";
        }
        if (("DECISION".equals(record.kind()) || read.payload() instanceof AssignmentDeclined) && forum != null) {
            return linkBase + forum + "/decisions";
        }
        if ("GAP".equals(record.kind())
                && read.payload() instanceof ChecklistGapIdentified gap
                && gap.roundId() != null) {
            return linkBase + "/rounds/" + gap.roundId();
        }
        return linkBase + "/" + record.kind().toLowerCase(Locale.ROOT) + "s/" + record.id();
    }

    /**
     * Organisation inboxes that hear of the event without a subscription (each still passes the firewall): forum
     * members of new commitments and overdue reports shared with their forum, owners of comments and inputs on their
     * records, and of a new coherence flag its forum's convenor (the flag's owner) and the owners of the records it
     * names (an organisation named, such as an expected local implementer, stands for itself), and the organisations the
     * forum service names as running the forum's follow-up of flags (chair, secretariat); forum members of a meeting
     * scheduled; the assignee of work a forum's decision assigned and of it being overdue; and the forum's chair and
     * secretariat of such work declined or overdue.
     */
    private Set<UUID> defaultRecipients(
            RecordEvent read, KnownRecord record, InboundEvent event, KnownRecords.Poll known, Lookups orgs) {
        Set<UUID> to = new LinkedHashSet<>();
        String name = EventInterpreter.simpleName(event.type());
        if (FORUM_DEFAULTS.contains(name) && !record.forums().isEmpty()) {
            to.addAll(jdbc.queryForList("""
                    SELECT DISTINCT stakeholder_id FROM forum_membership WHERE active AND forum_id = ANY(?::uuid[])""", UUID.class, ReadSql.array(record.forums())));
            if ((name.equals("ActionProposed") || name.equals("MeetingScheduled")) && read.actorOrg() != null) {
                to.remove(read.actorOrg()); // the proposer knows already
            }
        }
        Assignment assignment = assignment(read.payload());
        if (assignment != null) {
            if (COORDINATOR_DEFAULTS.contains(name)) {
                to.addAll(coordinators.chairAndSecretariat(assignment.forumId(), record.ownerId()));
            }
            if (ASSIGNEE_DEFAULTS.contains(name)) {
                to.add(assignment.assigneeId());
            }
        }
        if ((name.equals("ContributionMade") || name.equals("InputContributed")) && record.ownerId() != null) {
            to.add(record.ownerId());
        }
        if (read.payload() instanceof CoherenceFlagRaised raised) {
            if (record.ownerId() != null) {
                to.add(record.ownerId());
            }
            if (raised.coordinators() != null) {
                raised.coordinators().stream().filter(Objects::nonNull).forEach(to::add);
            }
            List<UUID> named = raised.flag().recordIds();
            for (UUID id : named == null ? List.<UUID>of() : named) {
                if (id == null) {
                    continue;
                }
                if (orgs.named(id)) {
                    to.add(id);
                }
                KnownRecord r = known.find(id).orElse(null);
                if (r != null && r.ownerId() != null) {
                    to.add(r.ownerId());
                }
            }
        }
        return to;
    }

    private static @Nullable Assignment assignment(Object payload) {
        return switch (payload) {
            case AssignmentMade e -> e.assignment();
            case AssignmentDeclined e -> e.assignment();
            case AssignmentOverdue e -> e.assignment();
            default -> null;
        };
    }

    /** One notification per event, organisation and user: the first subscription that asks for it names it. */
    private static void notify(
            Poll poll, Notification n, UUID org, @Nullable String user, @Nullable UUID subscription) {
        poll.notifications.putIfAbsent(Arrays.asList(n.event().id(), org, user), new Object[] {
            UUID.randomUUID(),
            n.event().id(),
            n.event().type(),
            n.event().subject(),
            org,
            user,
            subscription,
            n.title(),
            n.body(),
            n.link(),
            n.audience().scope().classification().name(),
            Timestamp.from(n.event().time()),
            ReadSql.array(n.audience().organisations()),
            n.notice().code(),
            JSON.writeValueAsString(n.notice().parameters())
        });
    }

    /** An immediate e-mail, worded in the subscription's language. */
    private static Object[] email(Notification n, Subscription s, Texts texts) {
        Locale language = texts.language(s.language());
        return new Object[] {
            UUID.randomUUID(),
            s.id(),
            n.event().id(),
            s.address(),
            texts.title(language, n.notice()),
            texts.email(language, n.notice(), n.link(), s.id().toString())
        };
    }

    private List<Map<String, Object>> webhooks(UUID org, String type) {
        return jdbc.queryForList("""
                SELECT id, url FROM webhook WHERE owner_org = ? AND active
                    AND (cardinality(event_types) = 0 OR ? = ANY(event_types) OR ? = ANY(event_types))
                ORDER BY created_at, id""", org, type, EventInterpreter.simpleName(type));
    }

    /** The notice with the hidden names taken out of the words people typed and the titles it names. */
    private static Notice redacted(Notice notice, HiddenNames hidden) {
        Map<String, Object> parameters = new LinkedHashMap<>(notice.parameters());
        for (String key : List.of("title", "otherTitle", "text", "reason", "place", "summary")) {
            if (parameters.get(key) instanceof String typed) {
                parameters.put(key, hidden.redactText(typed));
            }
        }
        return new Notice(notice.code(), parameters);
    }

    /**
     * The event as a CloudEvents document, with the hidden names taken out of what people typed in the meeting, the
     * decision or the assignment it carries.
     */
    static String cloudEvent(InboundEvent e, HiddenNames hidden) {
        ObjectNode doc = (ObjectNode) JSON.readTree(cloudEvent(e));
        redactTyped(doc.get("data"), hidden);
        return JSON.writeValueAsString(doc);
    }

    private static void redactTyped(@Nullable JsonNode node, HiddenNames hidden) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if (value != null && value.isString() && TYPED_FIELDS.contains(field)) {
                    object.put(field, hidden.redactText(value.asString()));
                } else {
                    redactTyped(value, hidden);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(child -> redactTyped(child, hidden));
        }
    }

    /** The event as a CloudEvents 1.0 JSON document (structured content mode). */
    static String cloudEvent(InboundEvent e) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("specversion", CloudEventHeaders.SPEC_VERSION_VALUE);
        doc.put("id", e.id());
        doc.put("source", e.source());
        doc.put("type", e.type());
        doc.put("subject", e.subject());
        doc.put("time", e.time().toString());
        doc.put("datacontenttype", CloudEventHeaders.JSON);
        doc.put("ownerorg", e.ownerOrg().toString());
        doc.put("dataclassification", e.classification().name());
        doc.set("data", JSON.readTree(new String(e.payload(), StandardCharsets.UTF_8)));
        return JSON.writeValueAsString(doc);
    }

    private record Notification(
            InboundEvent event, Notice notice, String title, String body, String link, Firewall.Audience audience) {}

    /** Replica look-ups, once per organisation per poll. */
    private final class Lookups {

        private final Set<UUID> named;
        private final Map<UUID, java.util.Optional<KnownOrganisation>> known = new HashMap<>();
        private final Map<UUID, Viewer> viewers = new HashMap<>();
        private final Map<UUID, HiddenNames> hiddenNames = new HashMap<>();

        Lookups(Set<UUID> named) {
            this.named = named;
        }

        /** Whether an id the poll's events name is an organisation's. */
        boolean named(UUID id) {
            return named.contains(id);
        }

        java.util.Optional<KnownOrganisation> find(UUID org) {
            return known.computeIfAbsent(org, organisations::find);
        }

        /** The organisation's name, or null when the replica does not know it (the wording says "an organisation"). */
        @Nullable
        String name(@Nullable UUID org) {
            return org == null ? null : find(org).map(KnownOrganisation::name).orElse(null);
        }

        /** The organisation as the read policy sees it; an organisation the replica does not know is an enforcement body. */
        boolean mayTell(Firewall.Audience audience, UUID org) {
            return Firewall.mayTell(audience, viewer(org));
        }

        /** The names of the organisations hidden from the recipient; none unless it is an enforcement body. */
        HiddenNames hiddenNames(UUID org) {
            return hiddenNames.computeIfAbsent(org, o -> {
                Viewer viewer = viewer(o);
                if (!viewer.enforcementBody()) {
                    return HiddenNames.none();
                }
                Map<UUID, List<@Nullable String>> names = new HashMap<>();
                for (UUID hidden : viewer.hiddenOrganisations()) {
                    names.put(hidden, java.util.Collections.singletonList(name(hidden)));
                }
                return HiddenNames.from(viewer, names);
            });
        }

        private Viewer viewer(UUID org) {
            return viewers.computeIfAbsent(org, o -> organisations.viewer(Firewall.recipient(o)));
        }
    }
}
