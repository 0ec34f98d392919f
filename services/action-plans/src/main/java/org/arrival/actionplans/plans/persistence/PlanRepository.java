package org.arrival.actionplans.plans.persistence;

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
import org.arrival.actionplans.plans.domain.Plan;
import org.arrival.actionplans.plans.domain.PlanDetails;
import org.arrival.actionplans.shared.persistence.PlanningSql;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.Inclusion;
import org.arrival.contracts.actionplans.NupPhase;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.PlanType;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Plans in PostgreSQL; updates are conditional on the version. */
@Repository
public class PlanRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "createdAt",
            "created_at",
            "updatedAt",
            "updated_at",
            "title",
            "lower(title)",
            "periodStart",
            "period_start");

    private final JdbcTemplate jdbc;

    public PlanRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("createdAt", "updatedAt", "title", "periodStart");
    }

    public void insert(Plan p, String userId, Instant at) {
        PlanDetails d = p.details();
        jdbc.update(
                """
                INSERT INTO plan (id, version, owner_id, title, type, country, subdivision, area_code, area_name,
                    period_start, period_end, objectives, nup_phase, migrants_named, migrants_budgeted, staff_trained,
                    shared_with_forums, classification, status, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?)""",
                p.id(),
                p.version(),
                p.ownerId(),
                d.title(),
                d.type().name(),
                d.jurisdiction().country(),
                d.jurisdiction().subdivision(),
                d.jurisdiction().areaCode(),
                d.jurisdiction().areaName(),
                d.periodStart(),
                d.periodEnd(),
                PlanningSql.json(d.objectives()),
                d.nupPhase() == null ? null : d.nupPhase().name(),
                d.inclusion().migrantsNamed(),
                d.inclusion().migrantsBudgeted(),
                d.inclusion().staffTrained(),
                PlanningSql.array(d.sharedWithForums()),
                d.classification().name(),
                p.status().name(),
                Timestamp.from(at),
                userId,
                Timestamp.from(at),
                userId);
    }

    public void update(Plan p, String userId, Instant at) {
        PlanDetails d = p.details();
        int updated = jdbc.update(
                """
                UPDATE plan SET version = ?, title = ?, type = ?, country = ?, subdivision = ?, area_code = ?,
                    area_name = ?, period_start = ?, period_end = ?, objectives = ?::jsonb, nup_phase = ?,
                    migrants_named = ?, migrants_budgeted = ?, staff_trained = ?, shared_with_forums = ?::uuid[],
                    classification = ?, status = ?, updated_at = ?, updated_by = ?
                 WHERE id = ? AND version = ?""",
                p.version(),
                d.title(),
                d.type().name(),
                d.jurisdiction().country(),
                d.jurisdiction().subdivision(),
                d.jurisdiction().areaCode(),
                d.jurisdiction().areaName(),
                d.periodStart(),
                d.periodEnd(),
                PlanningSql.json(d.objectives()),
                d.nupPhase() == null ? null : d.nupPhase().name(),
                d.inclusion().migrantsNamed(),
                d.inclusion().migrantsBudgeted(),
                d.inclusion().staffTrained(),
                PlanningSql.array(d.sharedWithForums()),
                d.classification().name(),
                p.status().name(),
                Timestamp.from(at),
                userId,
                p.id(),
                p.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("plan", p.id(), p.version() - 1);
        }
    }

    public Optional<StoredPlan> find(UUID id) {
        return jdbc.query("SELECT * FROM plan WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    public Optional<StoredPlan> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM plan WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    /** Who may read each of the plans (those that exist): their owner, classification and forums. */
    public Map<UUID, RecordScope> scopes(Collection<UUID> ids) {
        Map<UUID, RecordScope> scopes = new HashMap<>();
        if (ids.isEmpty()) {
            return scopes;
        }
        jdbc.query(
                "SELECT id, owner_id, classification, shared_with_forums FROM plan WHERE id = ANY (?::uuid[])",
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

    public PageResult<StoredPlan> search(PlanFilter f, Viewer viewer, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(PlanningSql.visibleTo(viewer, "", args));
        PlanningSql.condition(where, args, "owner_id = ?", f.owner());
        PlanningSql.condition(
                where, args, "type = ?", f.type() == null ? null : f.type().name());
        PlanningSql.condition(where, args, "country = ?", f.country());
        PlanningSql.condition(where, args, "subdivision = ?", f.subdivision());
        PlanningSql.condition(
                where,
                args,
                "status = ?",
                f.status() == null ? null : f.status().name());
        PlanningSql.condition(where, args, "shared_with_forums @> ARRAY[?]::uuid[]", f.forum());
        return PlanningSql.page(jdbc, "plan", where.toString(), args, page, SORT_COLUMNS, this::map);
    }

    private StoredPlan map(ResultSet rs, int row) throws SQLException {
        List<String> objectives =
                EventJson.mapper().readValue(rs.getString("objectives"), new TypeReference<List<String>>() {});
        String nup = rs.getString("nup_phase");
        PlanDetails d = new PlanDetails(
                rs.getString("title"),
                PlanType.valueOf(rs.getString("type")),
                new Jurisdiction(
                        rs.getString("country"),
                        rs.getString("subdivision"),
                        rs.getString("area_code"),
                        rs.getString("area_name")),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                objectives,
                nup == null ? null : NupPhase.valueOf(nup),
                new Inclusion(
                        rs.getBoolean("migrants_named"),
                        rs.getBoolean("migrants_budgeted"),
                        rs.getBoolean("staff_trained")),
                DataClassification.valueOf(rs.getString("classification")),
                PlanningSql.uuids(rs, "shared_with_forums"));
        Plan p = new Plan(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("owner_id", UUID.class),
                d,
                PlanStatus.valueOf(rs.getString("status")));
        return new StoredPlan(
                p,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** A plan and when it was first and last stored. */
    public record StoredPlan(Plan plan, Instant createdAt, Instant updatedAt) {}

    /** What a listing may be narrowed to. */
    public record PlanFilter(
            @Nullable UUID owner,
            @Nullable PlanType type,
            @Nullable String country,
            @Nullable String subdivision,
            @Nullable PlanStatus status,
            @Nullable UUID forum) {}
}
