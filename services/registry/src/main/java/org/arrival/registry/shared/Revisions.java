package org.arrival.registry.shared;

import java.util.UUID;
import org.arrival.platform.messaging.history.RecordHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The history of stakeholders, forums and memberships. */
@Repository
public class Revisions extends RecordHistory {

    public Revisions(JdbcTemplate jdbc) {
        super(jdbc, "revision");
    }

    public void record(String recordType, UUID recordId, long version, Object event, Audit audit) {
        record(recordType, recordId, version, event, audit.at());
    }
}
