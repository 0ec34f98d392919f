package org.arrival.forum.projection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.arrival.contracts.EventJson;
import org.arrival.forum.projection.domain.ProjectionStore;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.InputRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.springframework.jdbc.core.JdbcTemplate;

/** One generation of the projection tables. Rows are stored whole as JSON, with the columns queries need. */
public class JdbcStore implements ProjectionStore {

    private final JdbcTemplate jdbc;
    private final int generation;

    public JdbcStore(JdbcTemplate jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    public int generation() {
        return generation;
    }

    private <T> Optional<T> find(String table, UUID id, Class<T> type) {
        return jdbc.query("SELECT data::text FROM " + table + " WHERE generation = ? AND id = ?",
                (rs, i) -> EventJson.mapper().readValue(rs.getString(1), type), generation, id).stream().findFirst();
    }

    private <T> List<T> list(String table, String where, Class<T> type, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = generation;
        System.arraycopy(args, 0, all, 1, args.length);
        return jdbc.query("SELECT data::text FROM " + table + " WHERE generation = ?" + where + " ORDER BY id",
                (rs, i) -> EventJson.mapper().readValue(rs.getString(1), type), all);
    }

    private void upsert(String table, UUID id, long version, Object row) {
        jdbc.update("INSERT INTO " + table + " (generation, id, version, data) VALUES (?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (generation, id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data",
                generation, id, version, EventJson.mapper().writeValueAsString(row));
    }

    /** Every forum of this generation. */
    public List<ForumRow> forums() {
        return list("fv_forum", "", ForumRow.class);
    }

    @Override public Optional<OrganisationRow> organisation(UUID id) { return find("fv_organisation", id, OrganisationRow.class); }
    @Override public Optional<ForumRow> forum(UUID id) { return find("fv_forum", id, ForumRow.class); }
    @Override public Optional<MembershipRow> membership(UUID id) { return find("fv_membership", id, MembershipRow.class); }
    @Override public Optional<ActionRow> action(UUID id) { return find("fv_action", id, ActionRow.class); }
    @Override public Optional<NeedRow> need(UUID id) { return find("fv_need", id, NeedRow.class); }
    @Override public Optional<GapRow> gap(UUID id) { return find("fv_gap", id, GapRow.class); }
    @Override public Optional<RoundScoreRow> round(UUID id) { return find("fv_round_score", id, RoundScoreRow.class); }
    @Override public Optional<PlanRow> plan(UUID id) { return find("fv_plan", id, PlanRow.class); }
    @Override public Optional<PopulationRow> estimate(UUID id) { return find("fv_population", id, PopulationRow.class); }
    @Override public Optional<InputRow> input(UUID id) { return find("fv_input", id, InputRow.class); }

    @Override public void save(OrganisationRow row) { upsert("fv_organisation", row.id, row.version, row); }
    @Override public void save(ForumRow row) { upsert("fv_forum", row.id, row.version, row); }
    @Override public void save(NeedRow row) { upsert("fv_need", row.id, row.version, row); }
    @Override public void save(GapRow row) { upsert("fv_gap", row.id, row.version, row); }
    @Override public void save(RoundScoreRow row) { upsert("fv_round_score", row.id, row.version, row); }
    @Override public void save(PlanRow row) { upsert("fv_plan", row.id, row.version, row); }
    @Override public void save(PopulationRow row) { upsert("fv_population", row.id, row.version, row); }

    @Override
    public void save(InputRow row) {
        jdbc.update("INSERT INTO fv_input (generation, id, version, subject_id, data) VALUES (?, ?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (generation, id) DO UPDATE SET version = EXCLUDED.version, "
                + "subject_id = EXCLUDED.subject_id, data = EXCLUDED.data", generation, row.id, row.version,
                row.subjectId, EventJson.mapper().writeValueAsString(row));
    }

    @Override
    public void save(MembershipRow row) {
        jdbc.update("INSERT INTO fv_membership (generation, id, version, forum_id, data) VALUES (?, ?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (generation, id) DO UPDATE SET version = EXCLUDED.version, forum_id = EXCLUDED.forum_id, "
                + "data = EXCLUDED.data", generation, row.id, row.version, row.forumId,
                EventJson.mapper().writeValueAsString(row));
    }

    @Override
    public void save(ActionRow row) {
        jdbc.update("INSERT INTO fv_action (generation, id, version, owner_id, shared_with, data) "
                + "VALUES (?, ?, ?, ?, ?::uuid[], ?::jsonb) ON CONFLICT (generation, id) DO UPDATE SET "
                + "version = EXCLUDED.version, owner_id = EXCLUDED.owner_id, shared_with = EXCLUDED.shared_with, "
                + "data = EXCLUDED.data", generation, row.id, row.version, row.ownerId,
                org.arrival.platform.directory.ReadSql.arrayLiteral(row.sharedWithForums),
                EventJson.mapper().writeValueAsString(row));
    }

    @Override
    public List<MembershipRow> membershipsOf(UUID forumId) {
        return list("fv_membership", " AND forum_id = ?", MembershipRow.class, forumId);
    }

    @Override
    public List<ActionRow> actionsSharedWith(UUID forumId) {
        return list("fv_action", " AND ?::uuid = ANY (shared_with)", ActionRow.class, forumId);
    }

    @Override public List<NeedRow> needs() { return list("fv_need", "", NeedRow.class); }
    @Override public List<GapRow> gaps() { return list("fv_gap", "", GapRow.class); }
    @Override public List<RoundScoreRow> rounds() { return list("fv_round_score", "", RoundScoreRow.class); }
    @Override public List<PlanRow> plans() { return list("fv_plan", "", PlanRow.class); }
    @Override public List<PopulationRow> estimates() { return list("fv_population", "", PopulationRow.class); }
    @Override public List<InputRow> inputs() { return list("fv_input", "", InputRow.class); }
}
