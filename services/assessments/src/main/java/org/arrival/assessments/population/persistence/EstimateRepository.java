package org.arrival.assessments.population.persistence;

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
import org.arrival.assessments.population.domain.Cell;
import org.arrival.assessments.population.domain.Estimate;
import org.arrival.assessments.population.domain.EstimateDetails;
import org.arrival.assessments.shared.persistence.EvidenceSql;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Population estimates in PostgreSQL, exactly as their owner gave them; updates are conditional on the version. */
@Repository
public class EstimateRepository {

    /** Never sortable by a count: the order would give away suppressed values. */
    private static final Map<String, String> SORT_COLUMNS =
            Map.of("asOf", "as_of", "createdAt", "created_at", "updatedAt", "updated_at");

    private final JdbcTemplate jdbc;

    public EstimateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("asOf", "createdAt", "updatedAt");
    }

    public void insert(Estimate e, String userId, Instant at) {
        EstimateDetails d = e.details();
        jdbc.update(
                """
                INSERT INTO population_estimate (id, version, owner_id, series_id, country, subdivision, area_code,
                    area_name, population_group, registered_count, estimated_count, breakdown, source, method, as_of,
                    classification, shared_forums, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?)""",
                e.id(),
                e.version(),
                e.ownerId(),
                d.seriesId(),
                d.area().country(),
                d.area().subdivision(),
                d.area().areaCode(),
                d.area().areaName(),
                d.group().name(),
                d.registered(),
                d.estimated(),
                json(d.breakdown()),
                d.source(),
                d.method(),
                d.asOf(),
                d.classification().name(),
                EvidenceSql.array(d.sharedWithForums()),
                Timestamp.from(at),
                userId,
                Timestamp.from(at),
                userId);
    }

    public void update(Estimate e, String userId, Instant at) {
        EstimateDetails d = e.details();
        int updated = jdbc.update(
                """
                UPDATE population_estimate SET version = ?, series_id = ?, country = ?, subdivision = ?, area_code = ?,
                    area_name = ?, population_group = ?, registered_count = ?, estimated_count = ?, breakdown = ?::jsonb,
                    source = ?, method = ?, as_of = ?, classification = ?, shared_forums = ?::uuid[], updated_at = ?,
                    updated_by = ?
                 WHERE id = ? AND version = ?""",
                e.version(),
                d.seriesId(),
                d.area().country(),
                d.area().subdivision(),
                d.area().areaCode(),
                d.area().areaName(),
                d.group().name(),
                d.registered(),
                d.estimated(),
                json(d.breakdown()),
                d.source(),
                d.method(),
                d.asOf(),
                d.classification().name(),
                EvidenceSql.array(d.sharedWithForums()),
                Timestamp.from(at),
                userId,
                e.id(),
                e.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("population estimate", e.id(), e.version() - 1);
        }
    }

    public Optional<StoredEstimate> find(UUID id) {
        return jdbc.query("SELECT * FROM population_estimate WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    public Optional<StoredEstimate> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM population_estimate WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    public PageResult<StoredEstimate> search(EstimateFilter filter, Viewer viewer, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(EvidenceSql.visibleTo(viewer, "owner_id", args));
        condition(where, args, "country = ?", filter.country());
        condition(where, args, "subdivision = ?", filter.subdivision());
        condition(where, args, "area_code = ?", filter.areaCode());
        condition(
                where,
                args,
                "population_group = ?",
                filter.group() == null ? null : filter.group().name());
        condition(where, args, "series_id = ?", filter.seriesId());
        condition(where, args, "owner_id = ?", filter.owner());
        return EvidenceSql.page(jdbc, "population_estimate", where.toString(), args, page, SORT_COLUMNS, this::map);
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

    private StoredEstimate map(ResultSet rs, int row) throws SQLException {
        List<Cell> cells = EventJson.mapper().readValue(rs.getString("breakdown"), new TypeReference<List<Cell>>() {});
        Integer registered = (Integer) rs.getObject("registered_count");
        Integer estimated = (Integer) rs.getObject("estimated_count");
        EstimateDetails d = new EstimateDetails(
                rs.getString("series_id"),
                new Jurisdiction(
                        rs.getString("country"),
                        rs.getString("subdivision"),
                        rs.getString("area_code"),
                        rs.getString("area_name")),
                PopulationGroup.valueOf(rs.getString("population_group")),
                registered,
                estimated,
                cells,
                rs.getString("source"),
                rs.getString("method"),
                rs.getObject("as_of", java.time.LocalDate.class),
                DataClassification.valueOf(rs.getString("classification")),
                EvidenceSql.uuids(rs, "shared_forums"));
        Estimate e = new Estimate(
                rs.getObject("id", UUID.class), rs.getLong("version"), rs.getObject("owner_id", UUID.class), d);
        return new StoredEstimate(
                e,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** An estimate with the times it was first and last stored. */
    public record StoredEstimate(Estimate estimate, Instant createdAt, Instant updatedAt) {}

    /** What a listing may be narrowed to. */
    public record EstimateFilter(
            @Nullable String country,
            @Nullable String subdivision,
            @Nullable String areaCode,
            @Nullable PopulationGroup group,
            @Nullable String seriesId,
            @Nullable UUID owner) {}
}
