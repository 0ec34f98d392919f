package org.arrival.assessments.needs.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.needs.domain.Need;
import org.arrival.assessments.needs.domain.NeedDetails;
import org.arrival.assessments.shared.persistence.EvidenceSql;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Needs and the actions linked to them, in PostgreSQL; updates are conditional on the version. */
@Repository
public class NeedRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "createdAt",
            "created_at",
            "updatedAt",
            "updated_at",
            "severity",
            "CASE severity WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 ELSE 4 END");

    private final JdbcTemplate jdbc;

    public NeedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("createdAt", "updatedAt", "severity");
    }

    public void insert(Need n, String userId, Instant at) {
        NeedDetails d = n.details();
        jdbc.update(
                """
                INSERT INTO need (id, version, owner_id, statement, sector, population_groups, country, subdivision,
                    area_code, area_name, severity, barriers, evidence_references, round_id, status, status_reason,
                    classification, shared_forums, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?::text[], ?::jsonb, ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?)""",
                n.id(),
                n.version(),
                n.ownerId(),
                d.statement(),
                d.sector().name(),
                EvidenceSql.array(d.populationGroups()),
                d.area().country(),
                d.area().subdivision(),
                d.area().areaCode(),
                d.area().areaName(),
                d.severity().name(),
                EvidenceSql.array(d.barriers()),
                json(d.evidenceReferences()),
                d.roundId(),
                n.status().name(),
                n.statusReason(),
                d.classification().name(),
                EvidenceSql.array(d.sharedWithForums()),
                Timestamp.from(at),
                userId,
                Timestamp.from(at),
                userId);
    }

    public void update(Need n, String userId, Instant at) {
        NeedDetails d = n.details();
        int updated = jdbc.update(
                """
                UPDATE need SET version = ?, statement = ?, sector = ?, population_groups = ?::text[], country = ?,
                    subdivision = ?, area_code = ?, area_name = ?, severity = ?, barriers = ?::text[],
                    evidence_references = ?::jsonb, round_id = ?, status = ?, status_reason = ?, classification = ?,
                    shared_forums = ?::uuid[], updated_at = ?, updated_by = ?
                 WHERE id = ? AND version = ?""",
                n.version(),
                d.statement(),
                d.sector().name(),
                EvidenceSql.array(d.populationGroups()),
                d.area().country(),
                d.area().subdivision(),
                d.area().areaCode(),
                d.area().areaName(),
                d.severity().name(),
                EvidenceSql.array(d.barriers()),
                json(d.evidenceReferences()),
                d.roundId(),
                n.status().name(),
                n.statusReason(),
                d.classification().name(),
                EvidenceSql.array(d.sharedWithForums()),
                Timestamp.from(at),
                userId,
                n.id(),
                n.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("need", n.id(), n.version() - 1);
        }
    }

    public Optional<StoredNeed> find(UUID id) {
        return jdbc.query("SELECT * FROM need WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    public Optional<StoredNeed> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM need WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    /** Links an action; false when it was already linked. */
    public boolean link(UUID needId, UUID actionId, String userId, Instant at) {
        return jdbc.update("""
                INSERT INTO need_action_link (need_id, action_id, linked_at, linked_by) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", needId, actionId, Timestamp.from(at), userId) == 1;
    }

    public PageResult<StoredNeed> search(NeedFilter f, Viewer viewer, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(EvidenceSql.visibleTo(viewer, "owner_id", args));
        condition(
                where,
                args,
                "sector = ?",
                f.sector() == null ? null : f.sector().name());
        condition(
                where,
                args,
                "population_groups @> ARRAY[?]::text[]",
                f.group() == null ? null : f.group().name());
        condition(where, args, "country = ?", f.country());
        condition(where, args, "subdivision = ?", f.subdivision());
        condition(
                where,
                args,
                "lower(?) IN (lower(area_code), lower(area_name), lower(subdivision), lower(country))",
                f.area());
        condition(
                where,
                args,
                "status = ?",
                f.status() == null ? null : f.status().name());
        condition(
                where,
                args,
                "severity = ?",
                f.severity() == null ? null : f.severity().name());
        condition(
                where,
                args,
                "barriers @> ARRAY[?]::text[]",
                f.barrier() == null ? null : f.barrier().name());
        condition(where, args, "owner_id = ?", f.owner());
        condition(where, args, "round_id = ?", f.roundId());
        return EvidenceSql.page(jdbc, "need", where.toString(), args, page, SORT_COLUMNS, this::map);
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, @Nullable Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            args.add(value);
        }
    }

    private static String json(Object value) {
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }

    private StoredNeed map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<String> refs =
                EventJson.mapper().readValue(rs.getString("evidence_references"), new TypeReference<List<String>>() {});
        NeedDetails d = new NeedDetails(
                rs.getString("statement"),
                Sector.valueOf(rs.getString("sector")),
                EvidenceSql.strings(rs, "population_groups").stream()
                        .map(PopulationGroup::valueOf)
                        .toList(),
                new Jurisdiction(
                        rs.getString("country"),
                        rs.getString("subdivision"),
                        rs.getString("area_code"),
                        rs.getString("area_name")),
                Severity.valueOf(rs.getString("severity")),
                EvidenceSql.strings(rs, "barriers").stream()
                        .map(BarrierType::valueOf)
                        .toList(),
                refs,
                rs.getObject("round_id", UUID.class),
                DataClassification.valueOf(rs.getString("classification")),
                EvidenceSql.uuids(rs, "shared_forums"));
        Need n = new Need(
                id,
                rs.getLong("version"),
                rs.getObject("owner_id", UUID.class),
                d,
                NeedStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"));
        List<UUID> actions = jdbc.queryForList(
                "SELECT action_id FROM need_action_link WHERE need_id = ? ORDER BY linked_at, action_id",
                UUID.class,
                id);
        return new StoredNeed(
                n,
                actions,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** A need, the actions linked to it, and when it was first and last stored. */
    public record StoredNeed(
            Need need, List<UUID> actionIds, java.time.Instant createdAt, java.time.Instant updatedAt) {}

    /** What a listing may be narrowed to. */
    public record NeedFilter(
            @Nullable Sector sector,
            @Nullable PopulationGroup group,
            @Nullable String country,
            @Nullable String subdivision,
            @Nullable String area,
            @Nullable NeedStatus status,
            @Nullable Severity severity,
            @Nullable BarrierType barrier,
            @Nullable UUID owner,
            @Nullable UUID roundId) {}
}
