package org.arrival.forum.projection.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

/** A projection held in memory, for the as-of view: the event history up to a time, applied by the projector. */
public class InMemoryStore implements ProjectionStore {

    private final Map<UUID, OrganisationRow> organisations = new LinkedHashMap<>();
    private final Map<UUID, ForumRow> forums = new LinkedHashMap<>();
    private final Map<UUID, MembershipRow> memberships = new LinkedHashMap<>();
    private final Map<UUID, ActionRow> actions = new LinkedHashMap<>();
    private final Map<UUID, NeedRow> needs = new LinkedHashMap<>();
    private final Map<UUID, GapRow> gaps = new LinkedHashMap<>();
    private final Map<UUID, RoundScoreRow> rounds = new LinkedHashMap<>();
    private final Map<UUID, PlanRow> plans = new LinkedHashMap<>();
    private final Map<UUID, PopulationRow> estimates = new LinkedHashMap<>();
    private final Map<UUID, InputRow> inputs = new LinkedHashMap<>();
    private final Map<UUID, MeetingRow> meetings = new LinkedHashMap<>();
    private final Map<UUID, DecisionRow> decisions = new LinkedHashMap<>();
    private final Map<UUID, AssignmentRow> assignments = new LinkedHashMap<>();

    @Override
    public Optional<OrganisationRow> organisation(UUID id) {
        return Optional.ofNullable(organisations.get(id));
    }

    @Override
    public Optional<ForumRow> forum(UUID id) {
        return Optional.ofNullable(forums.get(id));
    }

    @Override
    public Optional<MembershipRow> membership(UUID id) {
        return Optional.ofNullable(memberships.get(id));
    }

    @Override
    public Optional<ActionRow> action(UUID id) {
        return Optional.ofNullable(actions.get(id));
    }

    @Override
    public Optional<NeedRow> need(UUID id) {
        return Optional.ofNullable(needs.get(id));
    }

    @Override
    public Optional<GapRow> gap(UUID id) {
        return Optional.ofNullable(gaps.get(id));
    }

    @Override
    public Optional<RoundScoreRow> round(UUID id) {
        return Optional.ofNullable(rounds.get(id));
    }

    @Override
    public Optional<PlanRow> plan(UUID id) {
        return Optional.ofNullable(plans.get(id));
    }

    @Override
    public Optional<PopulationRow> estimate(UUID id) {
        return Optional.ofNullable(estimates.get(id));
    }

    @Override
    public Optional<InputRow> input(UUID id) {
        return Optional.ofNullable(inputs.get(id));
    }

    @Override
    public void save(OrganisationRow row) {
        organisations.put(row.id, row);
    }

    @Override
    public void save(ForumRow row) {
        forums.put(row.id, row);
    }

    @Override
    public void save(MembershipRow row) {
        memberships.put(row.id, row);
    }

    @Override
    public void save(ActionRow row) {
        actions.put(row.id, row);
    }

    @Override
    public void save(NeedRow row) {
        needs.put(row.id, row);
    }

    @Override
    public void save(GapRow row) {
        gaps.put(row.id, row);
    }

    @Override
    public void save(RoundScoreRow row) {
        rounds.put(row.id, row);
    }

    @Override
    public void save(PlanRow row) {
        plans.put(row.id, row);
    }

    @Override
    public void save(PopulationRow row) {
        estimates.put(row.id, row);
    }

    @Override
    public void save(InputRow row) {
        inputs.put(row.id, row);
    }

    @Override
    public List<MembershipRow> membershipsOf(UUID forumId) {
        return memberships.values().stream()
                .filter(m -> forumId.equals(m.forumId))
                .toList();
    }

    @Override
    public List<ActionRow> actionsSharedWith(UUID forumId) {
        return actions.values().stream()
                .filter(a -> a.sharedWithForums.contains(forumId))
                .toList();
    }

    @Override
    public List<NeedRow> needs() {
        return new ArrayList<>(needs.values());
    }

    @Override
    public List<NeedRow> needsConcerning(UUID forumId, Set<UUID> owners) {
        return needs.values().stream()
                .filter(n -> (n.ownerId != null && owners.contains(n.ownerId)) || n.sharedWithForums.contains(forumId))
                .toList();
    }

    @Override
    public List<GapRow> gaps() {
        return new ArrayList<>(gaps.values());
    }

    @Override
    public List<RoundScoreRow> rounds() {
        return new ArrayList<>(rounds.values());
    }

    @Override
    public List<PlanRow> plans() {
        return new ArrayList<>(plans.values());
    }

    @Override
    public List<PopulationRow> estimates() {
        return new ArrayList<>(estimates.values());
    }

    @Override
    public List<InputRow> inputs() {
        return new ArrayList<>(inputs.values());
    }

    @Override
    public Optional<MeetingRow> meeting(UUID id) {
        return Optional.ofNullable(meetings.get(id));
    }

    @Override
    public Optional<DecisionRow> decision(UUID id) {
        return Optional.ofNullable(decisions.get(id));
    }

    @Override
    public Optional<AssignmentRow> assignment(UUID id) {
        return Optional.ofNullable(assignments.get(id));
    }

    @Override
    public void save(MeetingRow row) {
        meetings.put(row.id, row);
    }

    @Override
    public void save(DecisionRow row) {
        decisions.put(row.id, row);
    }

    @Override
    public void save(AssignmentRow row) {
        assignments.put(row.id, row);
    }

    @Override
    public List<MeetingRow> meetingsOf(UUID forumId) {
        return meetings.values().stream().filter(m -> forumId.equals(m.forumId)).toList();
    }

    @Override
    public List<DecisionRow> decisionsOf(UUID forumId) {
        return decisions.values().stream()
                .filter(d -> forumId.equals(d.forumId))
                .toList();
    }

    @Override
    public List<AssignmentRow> assignmentsOf(UUID forumId) {
        return assignments.values().stream()
                .filter(a -> forumId.equals(a.forumId))
                .toList();
    }
}
