package org.arrival.actionplans.actions.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.actions.domain.Action;
import org.arrival.actionplans.actions.domain.ActionDetails;
import org.arrival.actionplans.actions.domain.Cascade;
import org.arrival.actionplans.shared.persistence.PlanningSql;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.contracts.actionplans.ParticipantRole;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * Actions with their participants and links to needs and gaps, in PostgreSQL; updates are conditional on the
 * version and rewrite the link rows.
 */
@Repository
public class ActionRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "createdAt",
            "created_at",
            "updatedAt",
            "updated_at",
            "title",
            "lower(title)",
            "startDate",
            "start_date",
            "endDate",
            "end_date");

    private final JdbcTemplate jdbc;

    public ActionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("createdAt", "updatedAt", "title", "startDate", "endDate");
    }

    public void insert(Action a, String userId, Instant at) {
        ActionDetails d = a.details();
        jdbc.update(
                """
                INSERT INTO action (id, version, owner_id, plan_id, title, description, kind, orientation, sectors,
                    target_groups, areas, start_date, end_date, reporting_cadence, implements_action_id,
                    requires_local_implementation, expected_implementers, weight, framework_items,
                    shared_with_forums, classification, status, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?::jsonb, ?, ?, ?, ?, ?, ?::uuid[], ?, ?::text[],
                    ?::uuid[], ?, ?, ?, ?, ?, ?)""",
                a.id(),
                a.version(),
                a.ownerId(),
                d.planId(),
                d.title(),
                d.description(),
                d.kind().name(),
                d.orientation() == null ? null : d.orientation().name(),
                PlanningSql.array(d.sectors()),
                PlanningSql.array(d.targetGroups()),
                PlanningSql.json(d.areas()),
                d.startDate(),
                d.endDate(),
                d.reportingCadence().name(),
                d.implementsActionId(),
                d.requiresLocalImplementation(),
                PlanningSql.array(d.expectedImplementers()),
                d.weight(),
                PlanningSql.array(d.frameworkItems()),
                PlanningSql.array(d.sharedWithForums()),
                d.classification().name(),
                a.status().name(),
                Timestamp.from(at),
                userId,
                Timestamp.from(at),
                userId);
        writeLinks(a);
    }

    public void update(Action a, String userId, Instant at) {
        ActionDetails d = a.details();
        int updated = jdbc.update(
                """
                UPDATE action SET version = ?, plan_id = ?, title = ?, description = ?, kind = ?, orientation = ?,
                    sectors = ?::text[], target_groups = ?::text[], areas = ?::jsonb, start_date = ?, end_date = ?,
                    reporting_cadence = ?, implements_action_id = ?, requires_local_implementation = ?,
                    expected_implementers = ?::uuid[], weight = ?, framework_items = ?::text[],
                    shared_with_forums = ?::uuid[], classification = ?, status = ?, updated_at = ?, updated_by = ?
                 WHERE id = ? AND version = ?""",
                a.version(),
                d.planId(),
                d.title(),
                d.description(),
                d.kind().name(),
                d.orientation() == null ? null : d.orientation().name(),
                PlanningSql.array(d.sectors()),
                PlanningSql.array(d.targetGroups()),
                PlanningSql.json(d.areas()),
                d.startDate(),
                d.endDate(),
                d.reportingCadence().name(),
                d.implementsActionId(),
                d.requiresLocalImplementation(),
                PlanningSql.array(d.expectedImplementers()),
                d.weight(),
                PlanningSql.array(d.frameworkItems()),
                PlanningSql.array(d.sharedWithForums()),
                d.classification().name(),
                a.status().name(),
                Timestamp.from(at),
                userId,
                a.id(),
                a.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("action", a.id(), a.version() - 1);
        }
        jdbc.update("DELETE FROM action_participant WHERE action_id = ?", a.id());
        jdbc.update("DELETE FROM action_need WHERE action_id = ?", a.id());
        jdbc.update("DELETE FROM action_gap WHERE action_id = ?", a.id());
        writeLinks(a);
    }

    private void writeLinks(Action a) {
        ActionDetails d = a.details();
        for (Participant p : d.participants()) {
            jdbc.update(
                    "INSERT INTO action_participant (action_id, organisation_id, role) VALUES (?, ?, ?)",
                    a.id(),
                    p.organisationId(),
                    p.role().name());
        }
        for (UUID need : d.needIds()) {
            jdbc.update("INSERT INTO action_need (action_id, need_id) VALUES (?, ?)", a.id(), need);
        }
        for (UUID gap : d.gapIds()) {
            jdbc.update("INSERT INTO action_gap (action_id, gap_id) VALUES (?, ?)", a.id(), gap);
        }
    }

    public Optional<StoredAction> find(UUID id) {
        return jdbc.query("SELECT * FROM action WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    public Optional<StoredAction> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM action WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    /** Who may read each of the actions (those that exist): their owner, classification and forums. */
    public Map<UUID, RecordScope> scopes(Collection<UUID> ids) {
        Map<UUID, RecordScope> scopes = new HashMap<>();
        if (ids.isEmpty()) {
            return scopes;
        }
        jdbc.query(
                "SELECT id, owner_id, classification, shared_with_forums FROM action WHERE id = ANY (?::uuid[])",
                rs -> {
                    scopes.put(
                            rs.getObject("id", UUID.class),
                            RecordScope.of(
                                    rs.getObject("owner_id", UUID.class),
                                    DataClassification.valueOf(rs.getString("classification")),
                                    PlanningSql.uuids(rs, "shared_with_forums")));
                },
                PlanningSql.array(ids));
        return scopes;
    }

    /** The action the given one implements, and so on upwards: to refuse cycles in the cascade. */
    public List<UUID> ancestorsOf(UUID id) {
        return jdbc.queryForList("""
                WITH RECURSIVE up (id, parent, depth) AS (
                    SELECT id, implements_action_id, 0 FROM action WHERE id = ?
                    UNION ALL
                    SELECT a.id, a.implements_action_id, up.depth + 1 FROM action a JOIN up ON a.id = up.parent
                    WHERE up.depth < 50)
                SELECT id FROM up""", UUID.class, id);
    }

    /** The actions implementing a commitment, each with its latest reported percent, and whether the viewer sees it. */
    public List<CascadeRow> children(UUID parentId) {
        return jdbc.query(
                """
                SELECT a.id, a.owner_id, a.title, a.status, COALESCE(a.weight, 1) AS weight, a.classification,
                       a.shared_with_forums,
                       (SELECT r.percent_complete FROM progress_report r WHERE r.action_id = a.id
                         ORDER BY r.period_end DESC, r.reported_at DESC LIMIT 1) AS latest_percent
                  FROM action a WHERE a.implements_action_id = ? ORDER BY a.created_at, a.id""",
                (rs, i) -> new CascadeRow(
                        new Cascade.Child(
                                rs.getObject("id", UUID.class),
                                rs.getObject("owner_id", UUID.class),
                                rs.getString("title"),
                                ActionStatus.valueOf(rs.getString("status")),
                                rs.getInt("weight"),
                                rs.getObject("latest_percent", Integer.class)),
                        DataClassification.valueOf(rs.getString("classification")),
                        PlanningSql.uuids(rs, "shared_with_forums")),
                parentId);
    }

    public PageResult<StoredAction> search(ActionFilter f, Viewer viewer, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(PlanningSql.visibleTo(viewer, "", args));
        PlanningSql.condition(where, args, "owner_id = ?", f.owner());
        PlanningSql.condition(where, args, "plan_id = ?", f.plan());
        PlanningSql.condition(where, args, "shared_with_forums @> ARRAY[?]::uuid[]", f.forum());
        PlanningSql.condition(
                where,
                args,
                "sectors @> ARRAY[?]::text[]",
                f.sector() == null ? null : f.sector().name());
        PlanningSql.condition(
                where,
                args,
                "target_groups @> ARRAY[?]::text[]",
                f.targetGroup() == null ? null : f.targetGroup().name());
        PlanningSql.condition(
                where,
                args,
                "status = ?",
                f.status() == null ? null : f.status().name());
        PlanningSql.condition(where, args, "framework_items @> ARRAY[?]::text[]", f.frameworkItem());
        PlanningSql.condition(where, args, "implements_action_id = ?", f.implementsActionId());
        PlanningSql.condition(where, args, "requires_local_implementation = ?", f.requiresLocalImplementation());
        PlanningSql.condition(
                where,
                args,
                "EXISTS (SELECT 1 FROM action_need n WHERE n.action_id = action.id AND n.need_id = ?)",
                f.need());
        PlanningSql.condition(
                where,
                args,
                "EXISTS (SELECT 1 FROM action_gap g WHERE g.action_id = action.id AND g.gap_id = ?)",
                f.gap());
        if (f.area() != null) {
            String key = f.area().length() == 2 ? "country" : "subdivision";
            PlanningSql.condition(where, args, "areas @> ?::jsonb", PlanningSql.json(List.of(Map.of(key, f.area()))));
        }
        if (f.overdue() != null) {
            // announced overdue (the freshness check runs inside every write that changes a schedule, at start-up and
            // as each day begins), not reported since, and still expected to report (under way, as the standing says)
            where.append(f.overdue() ? " AND " : " AND NOT ").append("""
                    (action.status IN ('COMMITTED', 'IN_PROGRESS')
                     AND EXISTS (SELECT 1 FROM report_reminder rr WHERE rr.action_id = action.id AND rr.kind = 'OVERDUE'
                      AND NOT EXISTS (SELECT 1 FROM progress_report pr WHERE pr.action_id = rr.action_id
                                        AND pr.period_end = rr.period_end)))""");
        }
        return PlanningSql.page(jdbc, "action", where.toString(), args, page, SORT_COLUMNS, this::map);
    }

    private StoredAction map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Jurisdiction> areas =
                EventJson.mapper().readValue(rs.getString("areas"), new TypeReference<List<Jurisdiction>>() {});
        List<Participant> participants = jdbc.query(
                "SELECT organisation_id, role FROM action_participant WHERE action_id = ? ORDER BY role, organisation_id",
                (r, i) -> new Participant(r.getObject(1, UUID.class), ParticipantRole.valueOf(r.getString(2))),
                id);
        List<UUID> needs = jdbc.queryForList(
                "SELECT need_id FROM action_need WHERE action_id = ? ORDER BY need_id", UUID.class, id);
        List<UUID> gaps =
                jdbc.queryForList("SELECT gap_id FROM action_gap WHERE action_id = ? ORDER BY gap_id", UUID.class, id);
        String orientation = rs.getString("orientation");
        ActionDetails d = new ActionDetails(
                rs.getObject("plan_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                ActionKind.valueOf(rs.getString("kind")),
                orientation == null ? null : ActionOrientation.valueOf(orientation),
                PlanningSql.strings(rs, "sectors").stream().map(Sector::valueOf).toList(),
                PlanningSql.strings(rs, "target_groups").stream()
                        .map(PopulationGroup::valueOf)
                        .toList(),
                areas,
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                ReportingCadence.valueOf(rs.getString("reporting_cadence")),
                participants,
                rs.getObject("implements_action_id", UUID.class),
                rs.getBoolean("requires_local_implementation"),
                PlanningSql.uuids(rs, "expected_implementers"),
                rs.getObject("weight", Integer.class),
                needs,
                gaps,
                PlanningSql.strings(rs, "framework_items"),
                DataClassification.valueOf(rs.getString("classification")),
                PlanningSql.uuids(rs, "shared_with_forums"));
        Action a = new Action(
                id,
                rs.getLong("version"),
                rs.getObject("owner_id", UUID.class),
                d,
                ActionStatus.valueOf(rs.getString("status")));
        return new StoredAction(
                a,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** An action and when it was first and last stored. */
    public record StoredAction(Action action, Instant createdAt, Instant updatedAt) {}

    /** A child in the cascade with what decides who may see it. */
    public record CascadeRow(Cascade.Child child, DataClassification classification, List<UUID> sharedWithForums) {

        public RecordScope scope() {
            return RecordScope.of(child.ownerId(), classification, sharedWithForums);
        }
    }

    /** What a listing may be narrowed to; {@code area} is a country (UG) or subdivision (UG-C) code. */
    public record ActionFilter(
            @Nullable UUID owner,
            @Nullable UUID plan,
            @Nullable UUID forum,
            @Nullable Sector sector,
            @Nullable String area,
            @Nullable ActionStatus status,
            @Nullable String frameworkItem,
            @Nullable PopulationGroup targetGroup,
            @Nullable UUID need,
            @Nullable UUID gap,
            @Nullable Boolean overdue,
            @Nullable UUID implementsActionId,
            @Nullable Boolean requiresLocalImplementation) {}
}
