package org.arrival.actionplans.evidence.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.shared.persistence.PlanningSql;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.assessments.Need;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What this service knows of the assessments service's needs and checklist gaps ({@code known_need},
 * {@code known_gap}): enough to refuse links to needs and gaps that do not exist.
 */
@Repository
public class KnownEvidence {

    private final JdbcTemplate jdbc;

    public KnownEvidence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a need's state; an older or repeated version changes nothing. */
    public void upsert(Need n) {
        jdbc.update(
                """
                INSERT INTO known_need (id, version, owner_id, status, sector) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, owner_id = EXCLUDED.owner_id,
                    status = EXCLUDED.status, sector = EXCLUDED.sector
                WHERE known_need.version < EXCLUDED.version""",
                n.needId(),
                n.version(),
                n.ownerId(),
                n.status() == null ? "UNKNOWN" : n.status().name(),
                n.sector() == null ? null : n.sector().name());
    }

    /** Records a checklist gap; gaps are published once per round and do not change. */
    public void upsert(ChecklistGapIdentified g) {
        jdbc.update(
                """
                INSERT INTO known_gap (id, round_id, question_code, country) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET round_id = EXCLUDED.round_id, question_code = EXCLUDED.question_code,
                    country = EXCLUDED.country""",
                g.gapId(),
                g.roundId(),
                g.questionCode(),
                g.jurisdiction() == null ? null : g.jurisdiction().country());
    }

    /** The organisation that owns each of the needs this service knows of among {@code ids}. */
    public Map<UUID, UUID> needOwners(Collection<UUID> ids) {
        Map<UUID, UUID> owners = new HashMap<>();
        if (ids.isEmpty()) {
            return owners;
        }
        jdbc.query(
                "SELECT id, owner_id FROM known_need WHERE id = ANY (?::uuid[])",
                rs -> {
                    owners.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                },
                PlanningSql.array(ids));
        return owners;
    }

    /** The needs among {@code ids} this service has not heard of, in the order given. */
    public List<UUID> unknownNeeds(Collection<UUID> ids) {
        return unknown("known_need", ids);
    }

    /** The gaps among {@code ids} this service has not heard of, in the order given. */
    public List<UUID> unknownGaps(Collection<UUID> ids) {
        return unknown("known_gap", ids);
    }

    private List<UUID> unknown(String table, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> known = Set.copyOf(jdbc.queryForList(
                "SELECT id FROM " + table + " WHERE id = ANY (?::uuid[])", UUID.class, PlanningSql.array(ids)));
        return new LinkedHashSet<>(ids)
                .stream().filter(id -> !known.contains(id)).toList();
    }
}
