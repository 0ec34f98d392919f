package org.arrival.actionplans.progress.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.progress.domain.Report;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Progress reports in PostgreSQL; one per action and period (the table's unique key), never updated. */
@Repository
public class ReportRepository {

    private final JdbcTemplate jdbc;

    public ReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("periodEnd", "reportedAt");
    }

    /** Stores the report; false when the action already has a report for exactly this period. */
    public boolean insert(Report r, String userId, Instant at) {
        return jdbc.update(
                        """
                INSERT INTO progress_report (id, action_id, period_start, period_end, action_status, percent_complete,
                    rag, narrative, indicators, reported_at, reported_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (action_id, period_start, period_end) DO NOTHING""",
                        r.id(),
                        r.actionId(),
                        Date.valueOf(r.periodStart()),
                        Date.valueOf(r.periodEnd()),
                        r.actionStatus().name(),
                        r.percentComplete(),
                        r.rag().name(),
                        r.narrative(),
                        new String(EventJson.write(r.indicators()), StandardCharsets.UTF_8),
                        Timestamp.from(at),
                        userId)
                == 1;
    }

    public Optional<StoredReport> find(UUID actionId, UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM progress_report WHERE action_id = ? AND id = ?",
                        ReportRepository::map,
                        actionId,
                        id)
                .stream()
                .findFirst();
    }

    /** The action's latest report by period end. */
    public Optional<StoredReport> latest(UUID actionId) {
        return jdbc
                .query(
                        "SELECT * FROM progress_report WHERE action_id = ? ORDER BY period_end DESC, reported_at DESC LIMIT 1",
                        ReportRepository::map,
                        actionId)
                .stream()
                .findFirst();
    }

    /** Whether a report covers the last day of the period: one starting on or before it and ending on or after it. */
    public boolean covers(UUID actionId, LocalDate periodEnd) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM progress_report WHERE action_id = ? AND period_start <= ? AND period_end >= ?)",
                Boolean.class,
                actionId,
                Date.valueOf(periodEnd),
                Date.valueOf(periodEnd)));
    }

    public PageResult<StoredReport> list(UUID actionId, PageQuery page) {
        Long total =
                jdbc.queryForObject("SELECT count(*) FROM progress_report WHERE action_id = ?", Long.class, actionId);
        String column = "reportedAt".equals(page.sortField()) ? "reported_at" : "period_end";
        String dir = page.descending() ? " DESC" : " ASC";
        List<StoredReport> items = jdbc.query(
                "SELECT * FROM progress_report WHERE action_id = ? ORDER BY " + column + dir + ", reported_at" + dir
                        + ", id LIMIT ? OFFSET ?",
                ReportRepository::map,
                actionId,
                page.size(),
                page.offset());
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    private static StoredReport map(ResultSet rs, int row) throws SQLException {
        List<IndicatorValue> indicators =
                EventJson.mapper().readValue(rs.getString("indicators"), new TypeReference<List<IndicatorValue>>() {});
        Report r = new Report(
                rs.getObject("id", UUID.class),
                rs.getObject("action_id", UUID.class),
                rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(),
                ActionStatus.valueOf(rs.getString("action_status")),
                rs.getInt("percent_complete"),
                Rag.valueOf(rs.getString("rag")),
                rs.getString("narrative"),
                indicators);
        return new StoredReport(r, rs.getTimestamp("reported_at").toInstant(), rs.getString("reported_by"));
    }

    /** A report, when and by whom it was published. */
    public record StoredReport(Report report, Instant reportedAt, String reportedBy) {}
}
