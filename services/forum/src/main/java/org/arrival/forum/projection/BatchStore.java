package org.arrival.forum.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrival.forum.projection.domain.ProjectedEvent;
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
import org.jspecify.annotations.Nullable;

/**
 * A generation's tables as one batch of events sees them. Each row is read once: the rows the batch's events are
 * keyed by in one query per table up front ({@link #preload}), any other on first use. Rows are then held in
 * memory, as the {@link org.arrival.forum.projection.domain.InMemoryStore} holds them, and every changed row is
 * written once, in one JDBC batch per table ({@link #flush}). Only for a writer that holds the generation's lock for
 * the whole batch (the rebuild), so that no one else changes a row between its read and the flush.
 */
final class BatchStore implements ProjectionStore {

    /** The rows whose id is the key of the events on these topics. */
    private static final Map<String, Class<?>> KEYED_ROWS = Map.of(
            "arrival.action-plans.actions.v1", ActionRow.class,
            "arrival.registry.stakeholders.v1", OrganisationRow.class,
            "arrival.registry.forums.v1", ForumRow.class,
            "arrival.assessments.needs.v1", NeedRow.class,
            "arrival.assessments.gaps.v1", GapRow.class,
            "arrival.assessments.rounds.v1", RoundScoreRow.class);

    private final JdbcStore tables;
    /** Rows read or written so far, by kind and id; a null value is a row known not to exist. */
    private final Map<Class<?>, Map<UUID, Object>> known = new HashMap<>();

    private final Map<Class<?>, Map<UUID, Object>> changed = new LinkedHashMap<>();

    BatchStore(JdbcStore tables) {
        this.tables = tables;
    }

    /** Reads, one query per table, the rows the events are keyed by; a row missing here is read on first use. */
    void preload(List<ProjectedEvent> events) {
        Map<Class<?>, Set<UUID>> wanted = new HashMap<>();
        for (ProjectedEvent e : events) {
            Class<?> type = KEYED_ROWS.get(e.topic());
            UUID id = e.key() == null ? null : uuid(e.key());
            if (type != null && id != null) {
                wanted.computeIfAbsent(type, t -> new java.util.HashSet<>()).add(id);
            }
        }
        wanted.forEach((type, ids) -> {
            Map<UUID, Object> rows = rows(type);
            ids.removeAll(rows.keySet());
            Map<UUID, ?> found = tables.findAll(type, ids);
            for (UUID id : ids) {
                rows.put(id, found.get(id));
            }
        });
    }

    /** How many rows the store holds in memory (read, written or known to be missing). */
    int rowsHeld() {
        int n = 0;
        for (Map<UUID, Object> rows : known.values()) {
            n += rows.size();
        }
        return n;
    }

    /** Writes every changed row; the store stays usable and remembers what it wrote. */
    void flush() {
        List<Object> rows = new ArrayList<>();
        changed.values().forEach(byId -> rows.addAll(byId.values()));
        changed.clear();
        tables.saveAll(rows);
    }

    private Map<UUID, Object> rows(Class<?> type) {
        return known.computeIfAbsent(type, t -> new HashMap<>());
    }

    private <T> Optional<T> get(Class<T> type, UUID id) {
        Map<UUID, Object> rows = rows(type);
        if (!rows.containsKey(id)) {
            rows.put(id, tables.find(type, id).orElse(null));
        }
        return Optional.ofNullable(type.cast(rows.get(id)));
    }

    private void put(Class<?> type, UUID id, Object row) {
        rows(type).put(id, row);
        changed.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, row);
    }

    private static @Nullable UUID uuid(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Optional<OrganisationRow> organisation(UUID id) {
        return get(OrganisationRow.class, id);
    }

    @Override
    public Optional<ForumRow> forum(UUID id) {
        return get(ForumRow.class, id);
    }

    @Override
    public Optional<MembershipRow> membership(UUID id) {
        return get(MembershipRow.class, id);
    }

    @Override
    public Optional<ActionRow> action(UUID id) {
        return get(ActionRow.class, id);
    }

    @Override
    public Optional<NeedRow> need(UUID id) {
        return get(NeedRow.class, id);
    }

    @Override
    public Optional<GapRow> gap(UUID id) {
        return get(GapRow.class, id);
    }

    @Override
    public Optional<RoundScoreRow> round(UUID id) {
        return get(RoundScoreRow.class, id);
    }

    @Override
    public Optional<PlanRow> plan(UUID id) {
        return get(PlanRow.class, id);
    }

    @Override
    public Optional<PopulationRow> estimate(UUID id) {
        return get(PopulationRow.class, id);
    }

    @Override
    public Optional<InputRow> input(UUID id) {
        return get(InputRow.class, id);
    }

    @Override
    public void save(OrganisationRow row) {
        put(OrganisationRow.class, row.id, row);
    }

    @Override
    public void save(ForumRow row) {
        put(ForumRow.class, row.id, row);
    }

    @Override
    public void save(MembershipRow row) {
        put(MembershipRow.class, row.id, row);
    }

    @Override
    public void save(ActionRow row) {
        put(ActionRow.class, row.id, row);
    }

    @Override
    public void save(NeedRow row) {
        put(NeedRow.class, row.id, row);
    }

    @Override
    public void save(GapRow row) {
        put(GapRow.class, row.id, row);
    }

    @Override
    public void save(RoundScoreRow row) {
        put(RoundScoreRow.class, row.id, row);
    }

    @Override
    public void save(PlanRow row) {
        put(PlanRow.class, row.id, row);
    }

    @Override
    public void save(PopulationRow row) {
        put(PopulationRow.class, row.id, row);
    }

    @Override
    public void save(InputRow row) {
        put(InputRow.class, row.id, row);
    }

    // the listings read the tables: what this batch changed is written first

    @Override
    public List<MembershipRow> membershipsOf(UUID forumId) {
        flush();
        return tables.membershipsOf(forumId);
    }

    @Override
    public List<ActionRow> actionsSharedWith(UUID forumId) {
        flush();
        return tables.actionsSharedWith(forumId);
    }

    @Override
    public List<NeedRow> needs() {
        flush();
        return tables.needs();
    }

    @Override
    public List<NeedRow> needsConcerning(UUID forumId, Set<UUID> owners) {
        flush();
        return tables.needsConcerning(forumId, owners);
    }

    @Override
    public List<GapRow> gaps() {
        flush();
        return tables.gaps();
    }

    @Override
    public List<RoundScoreRow> rounds() {
        flush();
        return tables.rounds();
    }

    @Override
    public List<PlanRow> plans() {
        flush();
        return tables.plans();
    }

    @Override
    public List<PopulationRow> estimates() {
        flush();
        return tables.estimates();
    }

    @Override
    public List<InputRow> inputs() {
        flush();
        return tables.inputs();
    }

    @Override
    public Optional<MeetingRow> meeting(UUID id) {
        return get(MeetingRow.class, id);
    }

    @Override
    public Optional<DecisionRow> decision(UUID id) {
        return get(DecisionRow.class, id);
    }

    @Override
    public Optional<AssignmentRow> assignment(UUID id) {
        return get(AssignmentRow.class, id);
    }

    @Override
    public void save(MeetingRow row) {
        put(MeetingRow.class, row.id, row);
    }

    @Override
    public void save(DecisionRow row) {
        put(DecisionRow.class, row.id, row);
    }

    @Override
    public void save(AssignmentRow row) {
        put(AssignmentRow.class, row.id, row);
    }

    @Override
    public List<MeetingRow> meetingsOf(UUID forumId) {
        flush();
        return tables.meetingsOf(forumId);
    }

    @Override
    public List<DecisionRow> decisionsOf(UUID forumId) {
        flush();
        return tables.decisionsOf(forumId);
    }

    @Override
    public List<AssignmentRow> assignmentsOf(UUID forumId) {
        flush();
        return tables.assignmentsOf(forumId);
    }
}
