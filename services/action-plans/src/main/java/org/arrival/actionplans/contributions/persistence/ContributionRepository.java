package org.arrival.actionplans.contributions.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.contributions.domain.Contribution;
import org.arrival.contracts.actionplans.ContributionKind;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/** Contributions in PostgreSQL; they are written once and never changed. */
@Repository
public class ContributionRepository {

    private final JdbcTemplate jdbc;

    public ContributionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("createdAt");
    }

    public void insert(Contribution c, String userId, Instant at) {
        jdbc.update(
                """
                INSERT INTO contribution (id, action_id, contributor_id, kind, text, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", c.id(), c.actionId(), c.contributorId(), c.kind().name(), c.text(), Timestamp.from(at), userId);
    }

    public Optional<StoredContribution> find(UUID actionId, UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM contribution WHERE action_id = ? AND id = ?",
                        ContributionRepository::map,
                        actionId,
                        id)
                .stream()
                .findFirst();
    }

    /** The action's contributions, without those of the contributors left out. */
    public PageResult<StoredContribution> list(
            UUID actionId, ContributionKind kind, Set<UUID> leftOutContributors, PageQuery page) {
        String where = " WHERE action_id = ?" + (kind == null ? "" : " AND kind = ?")
                + " AND NOT (contributor_id = ANY (?::uuid[]))";
        SqlParameterValue leftOut = ReadSql.array(leftOutContributors);
        Object[] args = kind == null ? new Object[] {actionId, leftOut} : new Object[] {actionId, kind.name(), leftOut};
        Long total = jdbc.queryForObject("SELECT count(*) FROM contribution" + where, Long.class, args);
        String dir = page.descending() ? " DESC" : " ASC";
        Object[] pageArgs = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of(page.size(), page.offset()))
                .toArray();
        List<StoredContribution> items = jdbc.query(
                "SELECT * FROM contribution" + where + " ORDER BY created_at" + dir + ", id LIMIT ? OFFSET ?",
                ContributionRepository::map,
                pageArgs);
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    private static StoredContribution map(ResultSet rs, int row) throws SQLException {
        Contribution c = new Contribution(
                rs.getObject("id", UUID.class),
                rs.getObject("action_id", UUID.class),
                rs.getObject("contributor_id", UUID.class),
                ContributionKind.valueOf(rs.getString("kind")),
                rs.getString("text"));
        return new StoredContribution(c, rs.getTimestamp("created_at").toInstant());
    }

    /** A contribution and when it was made. */
    public record StoredContribution(Contribution contribution, Instant createdAt) {}
}
