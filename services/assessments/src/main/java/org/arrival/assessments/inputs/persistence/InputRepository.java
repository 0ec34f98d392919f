package org.arrival.assessments.inputs.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.inputs.domain.Contribution;
import org.arrival.assessments.inputs.domain.SubjectType;
import org.arrival.assessments.needs.persistence.RoundLookup;
import org.arrival.assessments.rounds.persistence.RoundVisibility;
import org.arrival.assessments.shared.persistence.EvidenceSql;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.InputKind;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Inputs in PostgreSQL. An input is written once and never changed. */
@Repository
public class InputRepository {

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("collectedOn", "collected_on", "createdAt", "created_at");

    private final JdbcTemplate jdbc;
    private final RoundLookup roundLookup;

    public InputRepository(JdbcTemplate jdbc, RoundLookup roundLookup) {
        this.jdbc = jdbc;
        this.roundLookup = roundLookup;
    }

    public static List<String> sortable() {
        return List.of("collectedOn", "createdAt");
    }

    public void insert(Contribution c, String userId, Instant at) {
        jdbc.update(
                """
                INSERT INTO evidence_input (id, version, contributor_id, subject_type, subject_id, kind, summary,
                    provenance, collected_on, participants, classification, shared_forums, created_at, created_by)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?)""",
                c.id(),
                c.contributorId(),
                c.subjectType().name(),
                c.subjectId(),
                c.kind().name(),
                c.summary(),
                c.provenance(),
                c.collectedOn(),
                c.participants(),
                c.classification().name(),
                EvidenceSql.array(c.sharedWithForums()),
                Timestamp.from(at),
                userId);
    }

    public Optional<StoredInput> find(UUID id) {
        return jdbc.query("SELECT * FROM evidence_input WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    /**
     * The inputs the viewer may see: their own organisation's; others' by classification; and, for the owner of
     * the need or round they are about, all but those the contributor kept to itself (ORGANISATION) and, for an
     * enforcement body, RESTRICTED ones and those of organisations hidden from it. Inputs about needs or rounds the
     * viewer may not see are left out.
     */
    public PageResult<StoredInput> search(InputFilter f, Viewer viewer, PageQuery page) {
        List<Object> args = new ArrayList<>();
        UUID own = viewer.caller().organisationId();
        boolean rounds = roundLookup.roundsExist();
        StringBuilder where = new StringBuilder("(");
        if (own != null) {
            where.append("contributor_id = ? OR ");
            args.add(own);
        }
        where.append("((").append(EvidenceSql.visibleTo(viewer, "contributor_id", args));
        if (own != null) {
            where.append(" OR (classification <> 'ORGANISATION'")
                    .append(viewer.enforcementBody() ? " AND classification <> 'RESTRICTED'" : "")
                    .append(EvidenceSql.notHidden(viewer, "contributor_id", args))
                    .append(" AND ((subject_type = 'NEED' AND subject_id IN (SELECT id FROM need WHERE owner_id = ?))");
            args.add(own);
            if (rounds) {
                where.append(
                        " OR (subject_type = 'ROUND' AND subject_id IN (SELECT id FROM round_assessment WHERE convenor_id = ?))");
                args.add(own);
            }
            where.append("))");
        }
        where.append(") AND (subject_type <> 'NEED' OR subject_id IN (SELECT id FROM need WHERE ")
                .append(EvidenceSql.visibleTo(viewer, "owner_id", args))
                .append("))");
        if (rounds) {
            where.append(" AND (subject_type <> 'ROUND' OR subject_id IN (")
                    .append(RoundVisibility.ids(viewer, args))
                    .append("))");
        }
        where.append("))");
        condition(
                where,
                args,
                "subject_type = ?",
                f.subjectType() == null ? null : f.subjectType().name());
        condition(where, args, "subject_id = ?", f.subjectId());
        condition(where, args, "contributor_id = ?", f.contributor());
        condition(where, args, "kind = ?", f.kind() == null ? null : f.kind().name());
        return EvidenceSql.page(jdbc, "evidence_input", where.toString(), args, page, SORT_COLUMNS, this::map);
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, @Nullable Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            args.add(value);
        }
    }

    private StoredInput map(ResultSet rs, int row) throws SQLException {
        Contribution c = new Contribution(
                rs.getObject("id", UUID.class),
                rs.getObject("contributor_id", UUID.class),
                SubjectType.valueOf(rs.getString("subject_type")),
                rs.getObject("subject_id", UUID.class),
                InputKind.valueOf(rs.getString("kind")),
                rs.getString("summary"),
                rs.getString("provenance"),
                rs.getObject("collected_on", java.time.LocalDate.class),
                (Integer) rs.getObject("participants"),
                DataClassification.valueOf(rs.getString("classification")),
                EvidenceSql.uuids(rs, "shared_forums"));
        return new StoredInput(c, rs.getTimestamp("created_at").toInstant());
    }

    /** An input and when it was stored. */
    public record StoredInput(Contribution input, Instant createdAt) {}

    /** What a listing may be narrowed to. */
    public record InputFilter(
            @Nullable SubjectType subjectType,
            @Nullable UUID subjectId,
            @Nullable UUID contributor,
            @Nullable InputKind kind) {}
}
