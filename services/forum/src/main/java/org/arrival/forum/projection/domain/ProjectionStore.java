package org.arrival.forum.projection.domain;

import java.util.List;
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

/**
 * Where one state of the projection lives: a generation of the database tables (live, rebuild) or memory (as-of).
 * The projector and the views see only this, so all three agree by construction.
 */
public interface ProjectionStore {

    Optional<OrganisationRow> organisation(UUID id);

    Optional<ForumRow> forum(UUID id);

    Optional<MembershipRow> membership(UUID id);

    Optional<ActionRow> action(UUID id);

    Optional<NeedRow> need(UUID id);

    Optional<GapRow> gap(UUID id);

    Optional<RoundScoreRow> round(UUID id);

    Optional<PlanRow> plan(UUID id);

    Optional<PopulationRow> estimate(UUID id);

    Optional<InputRow> input(UUID id);

    void save(OrganisationRow row);

    void save(ForumRow row);

    void save(MembershipRow row);

    void save(ActionRow row);

    void save(NeedRow row);

    void save(GapRow row);

    void save(RoundScoreRow row);

    void save(PlanRow row);

    void save(PopulationRow row);

    void save(InputRow row);

    List<MembershipRow> membershipsOf(UUID forumId);

    List<ActionRow> actionsSharedWith(UUID forumId);

    List<NeedRow> needs();

    /** The needs owned by one of {@code owners} or shared with the forum: those a forum's checks can concern. */
    List<NeedRow> needsConcerning(UUID forumId, Set<UUID> owners);

    List<GapRow> gaps();

    List<RoundScoreRow> rounds();

    List<PlanRow> plans();

    List<PopulationRow> estimates();

    List<InputRow> inputs();

    Optional<MeetingRow> meeting(UUID id);

    Optional<DecisionRow> decision(UUID id);

    Optional<AssignmentRow> assignment(UUID id);

    void save(MeetingRow row);

    void save(DecisionRow row);

    void save(AssignmentRow row);

    /** The forum's meetings, decisions and assignments, in no particular order. */
    List<MeetingRow> meetingsOf(UUID forumId);

    List<DecisionRow> decisionsOf(UUID forumId);

    List<AssignmentRow> assignmentsOf(UUID forumId);
}
