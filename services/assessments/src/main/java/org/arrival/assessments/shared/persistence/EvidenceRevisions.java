package org.arrival.assessments.shared.persistence;

import org.arrival.platform.messaging.history.RecordHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The history of evidence records (estimates, needs, inputs); events in it are as published, so counts are suppressed. */
@Repository
public class EvidenceRevisions extends RecordHistory {

    public EvidenceRevisions(JdbcTemplate jdbc) {
        super(jdbc, "evidence_revision");
    }
}
