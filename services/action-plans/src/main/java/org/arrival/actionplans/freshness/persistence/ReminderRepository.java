package org.arrival.actionplans.freshness.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The reminders already sent (table report_reminder), so each is published once per action, period and kind. */
@Repository
public class ReminderRepository {

    public static final String DUE = "DUE";
    public static final String OVERDUE = "OVERDUE";

    private final JdbcTemplate jdbc;

    public ReminderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes the reminder; false if it was sent before. */
    public boolean note(UUID actionId, LocalDate periodEnd, String kind, Instant at) {
        return jdbc.update("""
                INSERT INTO report_reminder (action_id, period_end, kind, sent_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (action_id, period_end, kind) DO NOTHING""", actionId, Date.valueOf(periodEnd), kind, Timestamp.from(at)) == 1;
    }
}
