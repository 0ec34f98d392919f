package org.arrival.assessments.rounds.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.rounds.domain.AssessmentRound;
import org.arrival.assessments.rounds.domain.RoundProfile;
import org.arrival.assessments.shared.persistence.EvidenceSql;
import org.arrival.contracts.assessments.RoundStatus;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Rounds and their respondents in PostgreSQL; updates are conditional on the version the caller changed. */
@Repository
public class RoundRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "title",
            "lower(r.title)",
            "createdAt",
            "r.created_at",
            "updatedAt",
            "r.updated_at",
            "closesOn",
            "r.closes_on");

    private final JdbcTemplate jdbc;

    public RoundRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("title", "createdAt", "updatedAt", "closesOn");
    }

    public void insert(AssessmentRound r, Actor actor, Instant at) {
        RoundProfile p = r.profile();
        Jurisdiction j = p.jurisdiction();
        jdbc.update(
                """
                INSERT INTO round_assessment (id, version, title, country, subdivision, area_code, area_name,
                    convenor_id, instrument_id, instrument_version, closes_on, shared_with_forums, status,
                    created_at, created_by, created_by_org, updated_at, updated_by, updated_by_org)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?, ?)""",
                r.id(),
                r.version(),
                p.title(),
                j.country(),
                j.subdivision(),
                j.areaCode(),
                j.areaName(),
                p.convenorId(),
                r.instrumentId(),
                r.instrumentVersion(),
                p.closesOn(),
                EvidenceSql.array(p.sharedWithForums()),
                r.status().name(),
                Timestamp.from(at),
                actor.userId(),
                actor.organisationId(),
                Timestamp.from(at),
                actor.userId(),
                actor.organisationId());
        insertRespondents(r);
    }

    public void update(AssessmentRound r, Actor actor, Instant at, boolean respondentsChanged) {
        RoundProfile p = r.profile();
        Jurisdiction j = p.jurisdiction();
        int updated = jdbc.update(
                """
                UPDATE round_assessment SET version = ?, title = ?, country = ?, subdivision = ?, area_code = ?,
                       area_name = ?, closes_on = ?, shared_with_forums = ?::uuid[], status = ?, updated_at = ?,
                       updated_by = ?, updated_by_org = ?
                 WHERE id = ? AND version = ?""",
                r.version(),
                p.title(),
                j.country(),
                j.subdivision(),
                j.areaCode(),
                j.areaName(),
                p.closesOn(),
                EvidenceSql.array(p.sharedWithForums()),
                r.status().name(),
                Timestamp.from(at),
                actor.userId(),
                actor.organisationId(),
                r.id(),
                r.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("round", r.id(), r.version() - 1);
        }
        if (respondentsChanged) {
            jdbc.update("DELETE FROM round_respondent WHERE round_id = ?", r.id());
            insertRespondents(r);
        }
    }

    private void insertRespondents(AssessmentRound r) {
        List<UUID> ids = r.profile().respondentIds();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {r.id(), ids.get(i), i});
        }
        jdbc.batchUpdate("INSERT INTO round_respondent (round_id, respondent_id, position) VALUES (?, ?, ?)", rows);
    }

    public Optional<StoredRound> find(UUID id) {
        return jdbc.query("SELECT * FROM round_assessment WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    /** The round, locked until the transaction ends: its changes and its answers are serialised. */
    public Optional<StoredRound> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM round_assessment WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    /** One page of the rounds the viewer may see ({@link RoundVisibility}), narrowed by the filter. */
    public PageResult<StoredRound> search(RoundFilter filter, PageQuery page, Viewer viewer) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(RoundVisibility.condition(viewer, args));
        if (filter.country() != null) {
            where.append(" AND r.country = ?");
            args.add(filter.country());
        }
        if (filter.subdivision() != null) {
            where.append(" AND r.subdivision = ?");
            args.add(filter.subdivision());
        }
        if (filter.status() != null) {
            where.append(" AND r.status = ?");
            args.add(filter.status().name());
        }
        if (filter.convenor() != null) {
            where.append(" AND r.convenor_id = ?");
            args.add(filter.convenor());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM round_assessment r" + where, Long.class, args.toArray());
        String order = " ORDER BY " + SORT_COLUMNS.get(page.sortField()) + (page.descending() ? " DESC" : " ASC")
                + " NULLS LAST, r.id";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<StoredRound> items = jdbc.query(
                "SELECT r.* FROM round_assessment r" + where + order + " LIMIT ? OFFSET ?",
                this::map,
                pageArgs.toArray());
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    private StoredRound map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<UUID> respondents = jdbc.queryForList(
                "SELECT respondent_id FROM round_respondent WHERE round_id = ? ORDER BY position", UUID.class, id);
        UUID[] forums = (UUID[]) rs.getArray("shared_with_forums").getArray();
        LocalDate closesOn = rs.getObject("closes_on", LocalDate.class);
        RoundProfile profile = new RoundProfile(
                rs.getString("title"),
                new Jurisdiction(
                        rs.getString("country"),
                        rs.getString("subdivision"),
                        rs.getString("area_code"),
                        rs.getString("area_name")),
                rs.getObject("convenor_id", UUID.class),
                respondents,
                closesOn,
                Arrays.asList(forums));
        AssessmentRound round = new AssessmentRound(
                id,
                rs.getLong("version"),
                profile,
                rs.getString("instrument_id"),
                rs.getInt("instrument_version"),
                RoundStatus.valueOf(rs.getString("status")));
        return new StoredRound(
                round,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    public record StoredRound(AssessmentRound round, Instant createdAt, Instant updatedAt) {}
}
