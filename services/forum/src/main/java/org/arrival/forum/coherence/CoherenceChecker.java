package org.arrival.forum.coherence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.CoherenceFlagUpdated;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.registry.Decision;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.contracts.registry.ReferencedRecordKind;
import org.arrival.forum.coherence.domain.CoherenceChecks;
import org.arrival.forum.coherence.domain.Finding;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Scopes;
import org.arrival.forum.web.ForumMembers;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.RuleViolation;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the coherence checks of a forum over the active projection and keeps its flags: a new finding raises a flag,
 * a finding already flagged stays that flag, and an open or acknowledged flag whose condition no longer holds is
 * resolved. Every change of a flag is published on {@code arrival.forum.flags.v1} through the outbox, classified as
 * the strictest of the records it names.
 *
 * <p>A flag is derived from the records it names: a viewer reads it, and a coordinator changes it, only when the
 * viewer may read every one of them (otherwise it is answered as an unknown flag).
 */
@Component
public class CoherenceChecker {

    static final Actor SYSTEM = new Actor("arrival-forum-coherence", null);
    static final String NO_LONGER_HOLDS = "condition no longer holds";
    static final String HOLDS_AGAIN = "condition holds again";
    private static final Logger LOG = LoggerFactory.getLogger(CoherenceChecker.class);

    private final JdbcTemplate jdbc;
    private final Generations generations;
    private final Outbox outbox;
    private final ForumMembers members;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CheckSettingsStore settings;

    public CoherenceChecker(
            JdbcTemplate jdbc,
            Generations generations,
            Outbox outbox,
            ForumMembers members,
            PlatformTransactionManager transactions,
            Clock clock,
            CheckSettingsStore settings) {
        this.clock = clock;
        this.settings = settings;
        this.jdbc = jdbc;
        this.generations = generations;
        this.outbox = outbox;
        this.members = members;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Checks every forum of the view: once a day, just after midnight (UTC), when reports fall overdue and evidence
     * goes stale without any event; changes are checked as they come by {@link ChangedForums}.
     */
    @Scheduled(cron = "${arrival.forum.coherence.daily-cron:0 5 0 * * *}", zone = "UTC")
    public void checkAll() {
        for (UUID forum : forums()) {
            try {
                check(forum);
            } catch (RuntimeException e) {
                LOG.warn("coherence check of forum {} failed", forum, e);
            }
        }
    }

    /** The last run of a forum's checks: when it ended, how long it took, over how many actions, with what result. */
    public record LastRun(Instant at, long tookMicros, int actions, int findings) {}

    public Optional<LastRun> lastRun(UUID forumId) {
        return jdbc
                .query(
                        "SELECT * FROM coherence_check_run WHERE forum_id = ?",
                        (rs, i) -> new LastRun(
                                rs.getTimestamp("checked_at").toInstant(),
                                rs.getLong("took_micros"),
                                rs.getInt("actions"),
                                rs.getInt("findings")),
                        forumId)
                .stream()
                .findFirst();
    }

    /** The forums of the active view. */
    public List<UUID> forums() {
        return jdbc.queryForList(
                "SELECT id FROM fv_forum WHERE generation = ? ORDER BY id", UUID.class, generations.active());
    }

    /** Runs the checks of one forum and brings its flags up to date; returns the findings. */
    public List<Finding> check(UUID forumId) {
        return tx.execute(status -> {
            lock(forumId);
            long started = System.nanoTime();
            JdbcStore store = generations.activeStore();
            List<UUID> actionIds = store.actionsSharedWith(forumId).stream()
                    .map((ActionRow a) -> a.id)
                    .toList();
            List<Finding> findings = CoherenceChecks.run(
                    store,
                    forumId,
                    new EventLogLinks(jdbc, actionIds),
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                    settings.of(forumId),
                    members.hiddenFromEnforcementBodies()::contains);
            ForumRow forum = store.forum(forumId).orElse(null);
            UUID owner = forum == null || forum.convenorId == null ? forumId : forum.convenorId;
            reconcile(forumId, owner, coordinators(forum), findings, classifier(store));
            jdbc.update(
                    "INSERT INTO coherence_check_run (forum_id, checked_at, took_micros, actions, findings) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (forum_id) DO UPDATE SET checked_at = "
                            + "excluded.checked_at, took_micros = excluded.took_micros, actions = excluded.actions, "
                            + "findings = excluded.findings",
                    forumId,
                    Timestamp.from(now()),
                    (System.nanoTime() - started) / 1000,
                    actionIds.size(),
                    findings.size());
            return findings;
        });
    }

    /**
     * The classification of the events about a flag: the strictest of the records it names and of the organisation
     * whose decision (and reason) it carries, and RESTRICTED when one is an organisation hidden from enforcement
     * bodies or belongs to one, so that no enforcement body is told of it (the notifications service words and
     * routes by the event's classification and owner).
     */
    private Function<CoherenceFlagRow, DataClassification> classifier(JdbcStore store) {
        Set<UUID> hidden = members.hiddenFromEnforcementBodies();
        return flag -> {
            Map<UUID, List<RecordScope>> known = store.scopes(flag.recordIds());
            List<RecordScope> sources =
                    new ArrayList<>(Scopes.all(flag.recordIds(), id -> known.getOrDefault(id, List.of())));
            if (flag.updatedByOrganisation() != null) {
                sources.add(Scopes.organisation(flag.updatedByOrganisation()));
            }
            return RecordScope.strictest(DataClassification.FORUM, sources, hidden::contains);
        };
    }

    /** The organisations that run the forum's follow-up of flags: its convenor, chair and secretariat. */
    static List<UUID> coordinators(@Nullable ForumRow forum) {
        if (forum == null) {
            return List.of();
        }
        return java.util.stream.Stream.of(forum.convenorId, forum.chairId, forum.secretariatId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    private void reconcile(
            UUID forumId,
            UUID owner,
            List<UUID> coordinators,
            List<Finding> findings,
            Function<CoherenceFlagRow, DataClassification> classifier) {
        Map<String, CoherenceFlagRow> existing = new HashMap<>();
        for (CoherenceFlagRow row : jdbc.query(
                "SELECT * FROM coherence_flag WHERE forum_id = ? FOR UPDATE", CoherenceChecker::row, forumId)) {
            existing.put(row.key(), row);
        }
        Instant now = now();
        for (Finding f : findings) {
            CoherenceFlagRow row = existing.remove(f.key());
            if (row == null) {
                CoherenceFlagRow raised = new CoherenceFlagRow(
                        UUID.randomUUID(),
                        1,
                        forumId,
                        f.check(),
                        f.key(),
                        f.recordIds(),
                        f.summary(),
                        FlagStatus.OPEN,
                        null,
                        true,
                        now,
                        now,
                        SYSTEM.userId(),
                        null,
                        f.parameters(),
                        f.severity());
                jdbc.update(
                        "INSERT INTO coherence_flag (id, forum_id, check_code, flag_key, record_ids, summary, "
                                + "status, reason, condition_holds, version, created_at, updated_at, updated_by, parameters, "
                                + "severity) VALUES (?, ?, ?, ?, ?::uuid[], ?, 'OPEN', NULL, true, 1, ?, ?, ?, ?::jsonb, ?)",
                        raised.flagId(),
                        forumId,
                        f.check().name(),
                        f.key(),
                        array(f.recordIds()),
                        f.summary(),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        SYSTEM.userId(),
                        json(f.parameters()),
                        f.severity().name());
                outbox.append(event(
                        raised,
                        owner,
                        classifier,
                        new CoherenceFlagRaised(
                                raised.toContract(), null, coordinators.isEmpty() ? null : coordinators)));
                continue;
            }
            List<String> changed = new ArrayList<>();
            FlagStatus status = row.status();
            String reason = row.reason();
            if (status == FlagStatus.RESOLVED && !row.conditionHolds()) {
                status = FlagStatus.OPEN;
                reason = null;
                changed.add("status");
                changed.add("reason");
            }
            if (!f.summary().equals(row.summary())) {
                changed.add("summary");
            }
            if (!f.recordIds().equals(row.recordIds())) {
                changed.add("recordIds");
            }
            if (f.severity() != row.severity()) {
                changed.add("severity");
            }
            if (changed.isEmpty()) {
                if (!row.conditionHolds()) {
                    jdbc.update("UPDATE coherence_flag SET condition_holds = true WHERE id = ?", row.flagId());
                }
                if (!java.util.Objects.equals(f.parameters(), row.parameters())) {
                    // the same finding, now also said as parameters (a flag raised before they were kept): the
                    // summary did not change, so neither did the flag for its readers
                    jdbc.update(
                            "UPDATE coherence_flag SET parameters = ?::jsonb WHERE id = ?",
                            json(f.parameters()),
                            row.flagId());
                }
                continue;
            }
            // a reason carried over stays its author's words (and keeps its author's visibility)
            CoherenceFlagRow updated = new CoherenceFlagRow(
                    row.flagId(),
                    row.version() + 1,
                    forumId,
                    row.checkCode(),
                    row.key(),
                    f.recordIds(),
                    f.summary(),
                    status,
                    reason,
                    true,
                    row.createdAt(),
                    now,
                    reason == null ? SYSTEM.userId() : row.updatedBy(),
                    reason == null ? null : row.updatedByOrganisation(),
                    f.parameters(),
                    f.severity());
            save(updated);
            outbox.append(event(
                    updated,
                    owner,
                    classifier,
                    new CoherenceFlagUpdated(
                            updated.toContract(), SYSTEM, changed, changed.contains("status") ? HOLDS_AGAIN : null)));
        }
        for (CoherenceFlagRow row : existing.values()) {
            if (row.status() == FlagStatus.OPEN || row.status() == FlagStatus.ACKNOWLEDGED) {
                CoherenceFlagRow resolved = new CoherenceFlagRow(
                        row.flagId(),
                        row.version() + 1,
                        forumId,
                        row.checkCode(),
                        row.key(),
                        row.recordIds(),
                        row.summary(),
                        FlagStatus.RESOLVED,
                        NO_LONGER_HOLDS,
                        false,
                        row.createdAt(),
                        now,
                        SYSTEM.userId(),
                        null,
                        row.parameters(),
                        row.severity());
                save(resolved);
                outbox.append(event(
                        resolved,
                        owner,
                        classifier,
                        new CoherenceFlagUpdated(
                                resolved.toContract(), SYSTEM, List.of("status", "reason"), NO_LONGER_HOLDS)));
            } else if (row.conditionHolds()) {
                jdbc.update("UPDATE coherence_flag SET condition_holds = false WHERE id = ?", row.flagId());
            }
        }
    }

    /**
     * A coordinator's change of a flag's status: acknowledge, resolve or dismiss, at the version the caller read.
     * A flag the viewer may not read is answered as an unknown one.
     */
    public CoherenceFlagRow transition(
            UUID forumId, UUID flagId, FlagStatus target, @Nullable String reason, long expected, Viewer viewer) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 2000) {
            throw InvalidInput.field("reason", "at most 2000 characters");
        }
        if (why == null && target != FlagStatus.ACKNOWLEDGED) {
            throw InvalidInput.field(
                    "reason",
                    "a reason is required to " + (target == FlagStatus.DISMISSED ? "dismiss" : "resolve") + " a flag");
        }
        Actor actor = viewer.caller().toActor();
        return tx.execute(status -> {
            lock(forumId);
            JdbcStore store = generations.activeStore();
            CoherenceFlagRow row = jdbc
                    .query(
                            "SELECT * FROM coherence_flag WHERE id = ? AND forum_id = ? FOR UPDATE",
                            CoherenceChecker::row,
                            flagId,
                            forumId)
                    .stream()
                    .findFirst()
                    .filter(f -> readable(viewer, List.of(f), store).size() == 1)
                    .orElseThrow(() -> new RecordNotFound("flag", flagId));
            if (expected != row.version()) {
                throw new StaleVersion("flag", flagId, expected);
            }
            boolean allowed = switch (target) {
                case ACKNOWLEDGED -> row.status() == FlagStatus.OPEN;
                case RESOLVED, DISMISSED -> row.status() == FlagStatus.OPEN || row.status() == FlagStatus.ACKNOWLEDGED;
                case OPEN -> false;
            };
            if (!allowed) {
                throw new RuleViolation("A " + row.status() + " flag cannot become " + target);
            }
            List<String> changed = new ArrayList<>(List.of("status"));
            if (!java.util.Objects.equals(why, row.reason())) {
                changed.add("reason");
            }
            UUID owner = store.forum(forumId).map(f -> f.convenorId).orElse(null);
            CoherenceFlagRow updated =
                    move(row, target, why, actor, viewer.caller().username(), changed, store, owner);
            return updated;
        });
    }

    /**
     * Resolves the open or acknowledged flags a forum's RESOLVE_FLAG decision concerns, in the caller's transaction,
     * attributed to whoever recorded the decision. A flag already resolved, dismissed, of another forum or unknown is
     * left as it is, so a decision delivered again changes nothing.
     */
    public List<CoherenceFlagRow> resolveBy(Decision decision, Actor actor) {
        if (decision.type() != DecisionType.RESOLVE_FLAG || decision.concerns() == null) {
            return List.of();
        }
        List<UUID> flagIds = decision.concerns().stream()
                .filter(r -> r != null && r.kind() == ReferencedRecordKind.FLAG)
                .map(RecordReference::recordId)
                .distinct()
                .toList();
        if (flagIds.isEmpty()) {
            return List.of();
        }
        String why = "Resolved by the forum's decision of " + decision.decidedOn() + ": " + decision.text();
        String reason = why.length() > 2000 ? why.substring(0, 2000) : why;
        UUID forumId = decision.forumId();
        return tx.execute(status -> {
            lock(forumId);
            JdbcStore store = generations.activeStore();
            UUID owner = store.forum(forumId).map(f -> f.convenorId).orElse(null);
            List<CoherenceFlagRow> resolved = new ArrayList<>();
            for (UUID flagId : flagIds) {
                CoherenceFlagRow row = jdbc
                        .query(
                                "SELECT * FROM coherence_flag WHERE id = ? AND forum_id = ? FOR UPDATE",
                                CoherenceChecker::row,
                                flagId,
                                forumId)
                        .stream()
                        .findFirst()
                        .orElse(null);
                if (row == null || (row.status() != FlagStatus.OPEN && row.status() != FlagStatus.ACKNOWLEDGED)) {
                    continue;
                }
                CoherenceFlagRow updated = move(
                        row,
                        FlagStatus.RESOLVED,
                        reason,
                        actor,
                        actor.userId(),
                        List.of("status", "reason"),
                        store,
                        owner);
                resolved.add(updated);
            }
            return resolved;
        });
    }

    /**
     * Moves the flag to {@code target} with the reason, attributed to the actor: the new version, the decision in the
     * flag's history and its event in the outbox, in the caller's transaction.
     */
    private CoherenceFlagRow move(
            CoherenceFlagRow row,
            FlagStatus target,
            @Nullable String reason,
            Actor actor,
            String actorName,
            List<String> changed,
            JdbcStore store,
            @Nullable UUID owner) {
        CoherenceFlagRow updated = new CoherenceFlagRow(
                row.flagId(),
                row.version() + 1,
                row.forumId(),
                row.checkCode(),
                row.key(),
                row.recordIds(),
                row.summary(),
                target,
                reason,
                row.conditionHolds(),
                row.createdAt(),
                now(),
                actor.userId(),
                actor.organisationId(),
                row.parameters(),
                row.severity());
        save(updated);
        jdbc.update(
                "INSERT INTO coherence_flag_decision (flag_id, version, from_status, to_status, reason, "
                        + "decided_at, decided_by, decided_by_name, decided_by_org) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                row.flagId(),
                updated.version(),
                row.status().name(),
                target.name(),
                reason,
                Timestamp.from(updated.updatedAt()),
                actor.userId(),
                actorName,
                actor.organisationId());
        outbox.append(event(
                updated,
                owner == null ? row.forumId() : owner,
                classifier(store),
                new CoherenceFlagUpdated(updated.toContract(), actor, changed, reason)));
        return updated;
    }

    /**
     * Which of a forum's flags a page lists: of any of the statuses (all when none), of a check and a severity, naming
     * an organisation (itself, in the records it names, or as the owner of an action or a need it names), newest or
     * oldest first.
     */
    public record FlagQuery(
            List<FlagStatus> statuses,
            @Nullable CoherenceCheckCode check,
            @Nullable FlagSeverity severity,
            @Nullable UUID organisation,
            boolean oldestFirst) {

        public FlagQuery {
            statuses = List.copyOf(statuses);
        }
    }

    /** How many flags are judged readable at once (their records' scopes read in one go). */
    static final int READABLE_CHUNK = 500;

    private record FlagRecords(UUID flagId, List<UUID> recordIds) {}

    /**
     * One page of the forum's flags the query selects and the viewer may read. Only the ids and records of the
     * selected flags are read to judge readability, chunk by chunk, so that the totals count readable flags alone;
     * the page's flags are then read in full. An organisation the viewer may not know of names no flag.
     */
    public PageResult<CoherenceFlagRow> flags(UUID forumId, FlagQuery query, PageQuery page, Viewer viewer) {
        if (query.organisation() != null && !viewer.maySeeOrganisation(query.organisation())) {
            return PageResult.of(List.of(), page, 0);
        }
        JdbcStore store = generations.activeStore();
        String order = query.oldestFirst() ? "created_at, flag_key" : "created_at DESC, flag_key DESC";
        List<String> names = query.statuses().stream().map(Enum::name).toList();
        SqlParameterValue statuses = names.isEmpty() ? null : ReadSql.array(names);
        String organisation =
                query.organisation() == null ? null : query.organisation().toString();
        List<FlagRecords> selected = jdbc.query(
                "SELECT f.id, f.record_ids FROM coherence_flag f WHERE f.forum_id = ? "
                        + "AND (?::text[] IS NULL OR f.status = ANY(?::text[])) "
                        + "AND (?::text IS NULL OR f.check_code = ?) AND (?::text IS NULL OR f.severity = ?) "
                        + "AND (?::uuid IS NULL OR ?::uuid = ANY(f.record_ids) "
                        + "OR f.parameters->'records' @> jsonb_build_array(jsonb_build_object('recordId', ?::text, "
                        + "'kind', 'ORGANISATION')) "
                        + "OR EXISTS (SELECT 1 FROM fv_action a WHERE a.generation = ? AND a.id = ANY(f.record_ids) "
                        + "AND a.owner_id = ?::uuid) "
                        + "OR EXISTS (SELECT 1 FROM fv_need n WHERE n.generation = ? AND n.id = ANY(f.record_ids) "
                        + "AND (n.data->>'ownerId')::uuid = ?::uuid)) "
                        + "ORDER BY " + order,
                (rs, i) -> new FlagRecords(rs.getObject("id", UUID.class), Arrays.asList((UUID[])
                        rs.getArray("record_ids").getArray())),
                forumId,
                statuses,
                statuses,
                name(query.check()),
                name(query.check()),
                name(query.severity()),
                name(query.severity()),
                organisation,
                organisation,
                organisation,
                store.generation(),
                organisation,
                store.generation(),
                organisation);
        Map<UUID, List<RecordScope>> scopes = new HashMap<>();
        Set<UUID> judged = new HashSet<>();
        List<UUID> onPage = new ArrayList<>();
        long total = 0;
        for (int from = 0; from < selected.size(); from += READABLE_CHUNK) {
            List<FlagRecords> chunk = selected.subList(from, Math.min(selected.size(), from + READABLE_CHUNK));
            Set<UUID> unknown = chunk.stream()
                    .flatMap(f -> f.recordIds().stream())
                    .filter(judged::add)
                    .collect(Collectors.toSet());
            scopes.putAll(store.scopes(unknown));
            for (FlagRecords f : chunk) {
                if (readableAll(viewer, f.recordIds(), scopes)) {
                    if (total >= page.offset() && onPage.size() < page.size()) {
                        onPage.add(f.flagId());
                    }
                    total++;
                }
            }
        }
        Map<UUID, CoherenceFlagRow> rows = new HashMap<>();
        if (!onPage.isEmpty()) {
            // judged again as read in full: a check may have changed the records a flag names meanwhile
            readable(
                            viewer,
                            jdbc.query(
                                    "SELECT * FROM coherence_flag WHERE id = ANY(?::uuid[])",
                                    CoherenceChecker::row,
                                    array(onPage)),
                            store)
                    .forEach(r -> rows.put(r.flagId(), r));
        }
        List<CoherenceFlagRow> items = onPage.stream()
                .map(rows::get)
                .filter(Objects::nonNull)
                .map(f -> f.seenBy(viewer))
                .toList();
        return PageResult.of(items, page, total);
    }

    /** The decisions taken on the flag, oldest first, as the viewer may see them; empty for a flag they may not read. */
    public List<FlagDecision> decisions(UUID forumId, UUID flagId, Viewer viewer) {
        if (flag(forumId, flagId, viewer).isEmpty()) {
            throw new RecordNotFound("flag", flagId);
        }
        return jdbc
                .query(
                        "SELECT * FROM coherence_flag_decision WHERE flag_id = ? ORDER BY version",
                        (rs, i) -> new FlagDecision(
                                rs.getLong("version"),
                                FlagStatus.valueOf(rs.getString("from_status")),
                                FlagStatus.valueOf(rs.getString("to_status")),
                                rs.getString("reason"),
                                rs.getTimestamp("decided_at").toInstant(),
                                rs.getString("decided_by_name"),
                                rs.getObject("decided_by_org", UUID.class)),
                        flagId)
                .stream()
                .map(d -> d.seenBy(viewer))
                .toList();
    }

    /** The flag, if the viewer may read it. */
    public Optional<CoherenceFlagRow> flag(UUID forumId, UUID flagId, Viewer viewer) {
        return flag(forumId, flagId)
                .filter(f ->
                        readable(viewer, List.of(f), generations.activeStore()).size() == 1);
    }

    /**
     * The flags naming only records the viewer may read, by their scopes in the projection now: a flag is derived
     * from its records (its summary quotes them), so it is readable only when all of them are.
     */
    static List<CoherenceFlagRow> readable(Viewer viewer, List<CoherenceFlagRow> flags, JdbcStore store) {
        Map<UUID, List<RecordScope>> scopes =
                store.scopes(flags.stream().flatMap(f -> f.recordIds().stream()).collect(Collectors.toSet()));
        return flags.stream()
                .filter(f -> readableAll(viewer, f.recordIds(), scopes))
                .toList();
    }

    private static boolean readableAll(Viewer viewer, List<UUID> recordIds, Map<UUID, List<RecordScope>> scopes) {
        return viewer.mayReadAll(Scopes.all(recordIds, id -> scopes.getOrDefault(id, List.of())));
    }

    /** Every flag of the forum, whoever may read it (the checks' own bookkeeping and tests). */
    public List<CoherenceFlagRow> flags(UUID forumId, @Nullable FlagStatus status, @Nullable CoherenceCheckCode check) {
        return jdbc.query(
                "SELECT * FROM coherence_flag WHERE forum_id = ? AND (?::text IS NULL OR status = ?) "
                        + "AND (?::text IS NULL OR check_code = ?) ORDER BY created_at, flag_key",
                CoherenceChecker::row,
                forumId,
                name(status),
                name(status),
                name(check),
                name(check));
    }

    Optional<CoherenceFlagRow> flag(UUID forumId, UUID flagId) {
        return jdbc
                .query(
                        "SELECT * FROM coherence_flag WHERE id = ? AND forum_id = ?",
                        CoherenceChecker::row,
                        flagId,
                        forumId)
                .stream()
                .findFirst();
    }

    private void save(CoherenceFlagRow r) {
        jdbc.update(
                "UPDATE coherence_flag SET version = ?, summary = ?, status = ?, reason = ?, condition_holds = ?, "
                        + "updated_at = ?, updated_by = ?, updated_by_org = ?, parameters = ?::jsonb, "
                        + "record_ids = ?::uuid[], severity = ? WHERE id = ?",
                r.version(),
                r.summary(),
                r.status().name(),
                r.reason(),
                r.conditionHolds(),
                Timestamp.from(r.updatedAt()),
                r.updatedBy(),
                r.updatedByOrganisation(),
                json(r.parameters()),
                array(r.recordIds()),
                r.severity() == null ? null : r.severity().name(),
                r.flagId());
    }

    private static OutgoingEvent event(
            CoherenceFlagRow flag,
            UUID owner,
            Function<CoherenceFlagRow, DataClassification> classifier,
            Object payload) {
        return OutgoingEvent.about(flag.flagId(), owner, classifier.apply(flag), payload)
                .keyedBy(flag.forumId());
    }

    private void lock(UUID forumId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(7305, ?)", forumId.hashCode());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable String name(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static SqlParameterValue array(List<UUID> ids) {
        return ReadSql.array(ids);
    }

    static CoherenceFlagRow row(ResultSet rs, int i) throws SQLException {
        UUID[] ids = (UUID[]) rs.getArray("record_ids").getArray();
        Timestamp updated = rs.getTimestamp("updated_at");
        return new CoherenceFlagRow(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("forum_id", UUID.class),
                CoherenceCheckCode.valueOf(rs.getString("check_code")),
                rs.getString("flag_key"),
                Arrays.asList(ids),
                rs.getString("summary"),
                FlagStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getBoolean("condition_holds"),
                rs.getTimestamp("created_at").toInstant(),
                updated.toInstant(),
                rs.getString("updated_by"),
                rs.getObject("updated_by_org", UUID.class),
                parameters(rs.getString("parameters")),
                severity(rs.getString("severity")));
    }

    /** Parameters are kept as the contract writes them. */
    private static @Nullable String json(@Nullable CoherenceFlagParameters parameters) {
        return parameters == null ? null : new String(EventJson.write(parameters), StandardCharsets.UTF_8);
    }

    private static @Nullable FlagSeverity severity(@Nullable String name) {
        return name == null ? null : FlagSeverity.valueOf(name);
    }

    private static @Nullable CoherenceFlagParameters parameters(@Nullable String json) {
        return json == null
                ? null
                : EventJson.read(json.getBytes(StandardCharsets.UTF_8), CoherenceFlagParameters.class);
    }
}
