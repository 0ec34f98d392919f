package org.arrival.forum.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrival.contracts.EventJson;
import org.arrival.forum.projection.domain.ProjectionStore;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.AssignmentRow;
import org.arrival.forum.projection.domain.Rows.DecisionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.InputRow;
import org.arrival.forum.projection.domain.Rows.MeetingRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.forum.projection.domain.Scopes;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.security.RecordScope;
import org.springframework.jdbc.core.JdbcTemplate;

/** One generation of the projection tables. Rows are stored whole as JSON, with the columns queries need. */
public class JdbcStore implements ProjectionStore {

    /** The table each kind of row lives in. */
    static final Map<Class<?>, String> TABLES = Map.ofEntries(
            Map.entry(MeetingRow.class, "fv_meeting"),
            Map.entry(DecisionRow.class, "fv_decision"),
            Map.entry(AssignmentRow.class, "fv_assignment"),
            Map.entry(OrganisationRow.class, "fv_organisation"),
            Map.entry(ForumRow.class, "fv_forum"),
            Map.entry(MembershipRow.class, "fv_membership"),
            Map.entry(ActionRow.class, "fv_action"),
            Map.entry(NeedRow.class, "fv_need"),
            Map.entry(GapRow.class, "fv_gap"),
            Map.entry(RoundScoreRow.class, "fv_round_score"),
            Map.entry(PlanRow.class, "fv_plan"),
            Map.entry(PopulationRow.class, "fv_population"),
            Map.entry(InputRow.class, "fv_input"));

    private final JdbcTemplate jdbc;
    private final int generation;

    public JdbcStore(JdbcTemplate jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    public int generation() {
        return generation;
    }

    <T> Optional<T> find(Class<T> type, UUID id) {
        return jdbc
                .query(
                        "SELECT data::text FROM " + TABLES.get(type) + " WHERE generation = ? AND id = ?",
                        (rs, i) -> EventJson.mapper().readValue(rs.getString(1), type),
                        generation,
                        id)
                .stream()
                .findFirst();
    }

    /** The rows of these ids that exist, in one query. */
    <T> Map<UUID, T> findAll(Class<T> type, Collection<UUID> ids) {
        return findAll(type, ids, List.of());
    }

    /** The rows of these ids, with only the named fields of their data when some are named (all otherwise). */
    private <T> Map<UUID, T> findAll(Class<T> type, Collection<UUID> ids, List<String> fields) {
        Map<UUID, T> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String data = fields.isEmpty()
                ? "data::text"
                : fields.stream()
                        .map(f -> "'" + f + "', data->'" + f + "'")
                        .collect(Collectors.joining(", ", "jsonb_strip_nulls(jsonb_build_object(", "))::text"));
        jdbc.query(
                "SELECT id, " + data + " FROM " + TABLES.get(type) + " WHERE generation = ? AND id = ANY (?::uuid[])",
                rs -> {
                    found.put(rs.getObject(1, UUID.class), EventJson.mapper().readValue(rs.getString(2), type));
                },
                generation,
                ReadSql.array(List.copyOf(ids)));
        return found;
    }

    private <T> List<T> list(String table, String where, Class<T> type, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = generation;
        System.arraycopy(args, 0, all, 1, args.length);
        return jdbc.query(
                "SELECT data::text FROM " + table + " WHERE generation = ?" + where + " ORDER BY id",
                (rs, i) -> EventJson.mapper().readValue(rs.getString(1), type),
                all);
    }

    /** The statement that stores a row, and its arguments. */
    private record Upsert(String sql, Object[] args) {}

    private Upsert upsert(Object row) {
        String json = EventJson.mapper().writeValueAsString(row);
        return switch (row) {
            case MembershipRow m ->
                new Upsert(
                        "INSERT INTO fv_membership (generation, id, version, forum_id, data) "
                                + "VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (generation, id) DO UPDATE SET version = EXCLUDED.version, "
                                + "forum_id = EXCLUDED.forum_id, data = EXCLUDED.data",
                        new Object[] {generation, m.id, m.version, m.forumId, json});
            case ActionRow a ->
                new Upsert(
                        "INSERT INTO fv_action (generation, id, version, owner_id, shared_with, data) "
                                + "VALUES (?, ?, ?, ?, ?::uuid[], ?::jsonb) ON CONFLICT (generation, id) DO UPDATE SET "
                                + "version = EXCLUDED.version, owner_id = EXCLUDED.owner_id, shared_with = EXCLUDED.shared_with, "
                                + "data = EXCLUDED.data",
                        new Object[] {generation, a.id, a.version, a.ownerId, ReadSql.array(a.sharedWithForums), json});
            case InputRow in ->
                new Upsert(
                        "INSERT INTO fv_input (generation, id, version, subject_id, data) "
                                + "VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (generation, id) DO UPDATE SET version = EXCLUDED.version, "
                                + "subject_id = EXCLUDED.subject_id, data = EXCLUDED.data",
                        new Object[] {generation, in.id, in.version, in.subjectId, json});
            case MeetingRow m -> ofForum("fv_meeting", m.id, m.version, m.forumId, json);
            case DecisionRow d -> ofForum("fv_decision", d.id, d.version, d.forumId, json);
            case AssignmentRow a -> ofForum("fv_assignment", a.id, a.version, a.forumId, json);
            case OrganisationRow o -> plain("fv_organisation", o.id, o.version, json);
            case ForumRow f -> plain("fv_forum", f.id, f.version, json);
            case NeedRow n -> plain("fv_need", n.id, n.version, json);
            case GapRow g -> plain("fv_gap", g.id, g.version, json);
            case RoundScoreRow r -> plain("fv_round_score", r.id, r.version, json);
            case PlanRow p -> plain("fv_plan", p.id, p.version, json);
            case PopulationRow p -> plain("fv_population", p.id, p.version, json);
            default -> throw new IllegalArgumentException("not a row of the projection: " + row.getClass());
        };
    }

    private Upsert plain(String table, UUID id, long version, String json) {
        return new Upsert(
                "INSERT INTO " + table + " (generation, id, version, data) VALUES (?, ?, ?, ?::jsonb) "
                        + "ON CONFLICT (generation, id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data",
                new Object[] {generation, id, version, json});
    }

    private Upsert ofForum(String table, UUID id, long version, UUID forumId, String json) {
        return new Upsert(
                "INSERT INTO " + table + " (generation, id, version, forum_id, data) VALUES (?, ?, ?, ?, ?::jsonb) "
                        + "ON CONFLICT (generation, id) DO UPDATE SET version = EXCLUDED.version, "
                        + "forum_id = EXCLUDED.forum_id, data = EXCLUDED.data",
                new Object[] {generation, id, version, forumId, json});
    }

    private void store(Object row) {
        Upsert u = upsert(row);
        jdbc.update(u.sql(), u.args());
    }

    /** Stores the rows with one JDBC batch per table, as {@code save} would one by one. */
    void saveAll(Collection<?> rows) {
        Map<String, List<Object[]>> batches = new LinkedHashMap<>();
        for (Object row : rows) {
            Upsert u = upsert(row);
            batches.computeIfAbsent(u.sql(), k -> new ArrayList<>()).add(u.args());
        }
        batches.forEach(jdbc::batchUpdate);
    }

    /**
     * The sources ({@link Scopes}) of those of the records this generation knows, by id, whatever their kind: a few
     * queries however many records are asked about (one per kind of record still unfound).
     */
    public Map<UUID, List<RecordScope>> scopes(Collection<UUID> ids) {
        Map<UUID, List<RecordScope>> found = new HashMap<>();
        Set<UUID> left = new LinkedHashSet<>(ids);
        left.remove(null);
        collect(found, left, ActionRow.class, a -> Scopes.action(a).map(List::of), SCOPE_OF_ACTION);
        collect(found, left, NeedRow.class, n -> Scopes.need(n).map(List::of), SCOPE_OF_NEED);
        if (!left.isEmpty()) {
            Map<UUID, GapRow> gaps = findAll(GapRow.class, left);
            Map<UUID, RoundScoreRow> rounds = findAll(
                    RoundScoreRow.class,
                    gaps.values().stream()
                            .map(g -> g.roundId)
                            .filter(r -> r != null)
                            .collect(Collectors.toSet()));
            gaps.forEach((id, g) -> Scopes.gap(g, rounds.get(g.roundId)).ifPresent(s -> {
                found.put(id, s);
                left.remove(id);
            }));
        }
        collect(found, left, RoundScoreRow.class, Scopes::round);
        collect(found, left, PlanRow.class, p -> Scopes.plan(p).map(List::of));
        collect(found, left, PopulationRow.class, e -> Scopes.estimate(e).map(List::of));
        collect(found, left, InputRow.class, i -> Scopes.input(i).map(List::of));
        if (!left.isEmpty()) {
            Map<UUID, AssignmentRow> assignments = findAll(AssignmentRow.class, left);
            Map<UUID, ForumRow> forums = findAll(
                    ForumRow.class,
                    assignments.values().stream().map(a -> a.forumId).collect(Collectors.toSet()));
            assignments.forEach((id, a) -> {
                ForumRow f = forums.get(a.forumId);
                if (f != null) {
                    found.put(id, List.of(Scopes.forum(f)));
                    left.remove(id);
                }
            });
        }
        collect(found, left, OrganisationRow.class, o -> Optional.of(List.of(Scopes.organisation(o.id))));
        collect(found, left, ForumRow.class, f -> Optional.of(List.of(Scopes.forum(f))));
        return found;
    }

    /**
     * The fields an action's and a need's scope are judged by: those rows are read by the thousand to judge which
     * flags a reader may see, and the rest of them (funding, milestones, reports) is most of their size.
     */
    private static final List<String> SCOPE_OF_ACTION =
            List.of("id", "placeholder", "ownerId", "classification", "sharedWithForums");

    private static final List<String> SCOPE_OF_NEED = List.of("id", "ownerId", "classification", "sharedWithForums");

    private <T> void collect(
            Map<UUID, List<RecordScope>> found,
            Set<UUID> left,
            Class<T> type,
            Function<T, Optional<List<RecordScope>>> scope) {
        collect(found, left, type, scope, List.of());
    }

    private <T> void collect(
            Map<UUID, List<RecordScope>> found,
            Set<UUID> left,
            Class<T> type,
            Function<T, Optional<List<RecordScope>>> scope,
            List<String> fields) {
        if (left.isEmpty()) {
            return;
        }
        findAll(type, left, fields)
                .forEach((id, row) -> scope.apply(row).ifPresent(s -> {
                    found.put(id, s);
                    left.remove(id);
                }));
    }

    /** The organisations this generation knows to be hidden from enforcement bodies. */
    public Set<UUID> hiddenOrganisations() {
        return Set.copyOf(jdbc.queryForList(
                "SELECT id FROM fv_organisation WHERE generation = ? "
                        + "AND COALESCE((data->>'hidden')::boolean, false)",
                UUID.class,
                generation));
    }

    /** Every forum of this generation. */
    public List<ForumRow> forums() {
        return list("fv_forum", "", ForumRow.class);
    }

    @Override
    public Optional<OrganisationRow> organisation(UUID id) {
        return find(OrganisationRow.class, id);
    }

    @Override
    public Optional<ForumRow> forum(UUID id) {
        return find(ForumRow.class, id);
    }

    @Override
    public Optional<MembershipRow> membership(UUID id) {
        return find(MembershipRow.class, id);
    }

    @Override
    public Optional<ActionRow> action(UUID id) {
        return find(ActionRow.class, id);
    }

    @Override
    public Optional<NeedRow> need(UUID id) {
        return find(NeedRow.class, id);
    }

    @Override
    public Optional<GapRow> gap(UUID id) {
        return find(GapRow.class, id);
    }

    @Override
    public Optional<RoundScoreRow> round(UUID id) {
        return find(RoundScoreRow.class, id);
    }

    @Override
    public Optional<PlanRow> plan(UUID id) {
        return find(PlanRow.class, id);
    }

    @Override
    public Optional<PopulationRow> estimate(UUID id) {
        return find(PopulationRow.class, id);
    }

    @Override
    public Optional<InputRow> input(UUID id) {
        return find(InputRow.class, id);
    }

    @Override
    public void save(OrganisationRow row) {
        store(row);
    }

    @Override
    public void save(ForumRow row) {
        store(row);
    }

    @Override
    public void save(MembershipRow row) {
        store(row);
    }

    @Override
    public void save(ActionRow row) {
        store(row);
    }

    @Override
    public void save(NeedRow row) {
        store(row);
    }

    @Override
    public void save(GapRow row) {
        store(row);
    }

    @Override
    public void save(RoundScoreRow row) {
        store(row);
    }

    @Override
    public void save(PlanRow row) {
        store(row);
    }

    @Override
    public void save(PopulationRow row) {
        store(row);
    }

    @Override
    public void save(InputRow row) {
        store(row);
    }

    @Override
    public List<MembershipRow> membershipsOf(UUID forumId) {
        return list("fv_membership", " AND forum_id = ?", MembershipRow.class, forumId);
    }

    @Override
    public List<ActionRow> actionsSharedWith(UUID forumId) {
        return list("fv_action", " AND shared_with @> ARRAY[?::uuid]", ActionRow.class, forumId);
    }

    @Override
    public List<NeedRow> needs() {
        return list("fv_need", "", NeedRow.class);
    }

    @Override
    public List<NeedRow> needsConcerning(UUID forumId, Set<UUID> owners) {
        return list(
                "fv_need",
                " AND (jsonb_exists(data->'sharedWithForums', ?) OR data->>'ownerId' = ANY (?::text[]))",
                NeedRow.class,
                forumId.toString(),
                ReadSql.array(owners));
    }

    @Override
    public List<GapRow> gaps() {
        return list("fv_gap", "", GapRow.class);
    }

    @Override
    public List<RoundScoreRow> rounds() {
        return list("fv_round_score", "", RoundScoreRow.class);
    }

    @Override
    public List<PlanRow> plans() {
        return list("fv_plan", "", PlanRow.class);
    }

    @Override
    public List<PopulationRow> estimates() {
        return list("fv_population", "", PopulationRow.class);
    }

    @Override
    public List<InputRow> inputs() {
        return list("fv_input", "", InputRow.class);
    }

    @Override
    public Optional<MeetingRow> meeting(UUID id) {
        return find(MeetingRow.class, id);
    }

    @Override
    public Optional<DecisionRow> decision(UUID id) {
        return find(DecisionRow.class, id);
    }

    @Override
    public Optional<AssignmentRow> assignment(UUID id) {
        return find(AssignmentRow.class, id);
    }

    @Override
    public void save(MeetingRow row) {
        store(row);
    }

    @Override
    public void save(DecisionRow row) {
        store(row);
    }

    @Override
    public void save(AssignmentRow row) {
        store(row);
    }

    @Override
    public List<MeetingRow> meetingsOf(UUID forumId) {
        return list("fv_meeting", " AND forum_id = ?", MeetingRow.class, forumId);
    }

    @Override
    public List<DecisionRow> decisionsOf(UUID forumId) {
        return list("fv_decision", " AND forum_id = ?", DecisionRow.class, forumId);
    }

    @Override
    public List<AssignmentRow> assignmentsOf(UUID forumId) {
        return list("fv_assignment", " AND forum_id = ?", AssignmentRow.class, forumId);
    }
}
