package org.arrival.actionplans.shared.persistence;

import org.arrival.platform.messaging.history.RecordHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The history of plans, actions, milestones and funding lines. */
@Repository
public class PlanningRevisions extends RecordHistory {

    public PlanningRevisions(JdbcTemplate jdbc) {
        super(jdbc, "action_plans_revision");
    }
}
