package org.arrival.e2e;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.arrival.local.StackSettings;

/**
 * What the forum view and the notifications service applied of the load's reports, read from their own databases
 * (read-only): the forum's event log holds every event the view applied, once per event id, with the time it was
 * logged and its offset; the notifications table holds every notification with the time it was written. The APIs
 * show neither when an event was applied nor, for the forum, more than an action's latest report. A read while
 * PostgreSQL is down returns null.
 */
final class AppliedEffects {

    static final String PROGRESS_REPORTED = "org.arrival.actionplans.ProgressReported.v1";

    /** A progress event in the forum's event log. */
    record ForumRow(String reportId, String actionId, String narrative, Instant loggedAt, int partition, long offset) {}

    /** A notification about a report: to whom and when it was written. */
    record NotificationRow(String reportId, String recipientOrg, String recipientUser, Instant createdAt) {}

    private final StackSettings settings;

    AppliedEffects(StackSettings settings) {
        this.settings = settings;
    }

    /** The forum's progress events about the actions, or null if the database cannot be read now. */
    List<ForumRow> forum(Collection<String> actionIds) {
        try (Connection c = connect("arrival_forum");
                PreparedStatement s = c.prepareStatement("""
                        SELECT subject, message_key, payload->'report'->>'narrative' AS narrative, logged_at,
                               kafka_partition, kafka_offset
                        FROM event_log WHERE event_type = ? AND message_key = ANY (?)""")) {
            s.setString(1, PROGRESS_REPORTED);
            s.setArray(2, text(c, actionIds));
            List<ForumRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ForumRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getInt(5),
                            rs.getLong(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            return null;
        }
    }

    /** The notifications about the reports, or null if the database cannot be read now. */
    List<NotificationRow> notifications(Collection<String> reportIds) {
        try (Connection c = connect("arrival_notifications");
                PreparedStatement s = c.prepareStatement("""
                        SELECT subject_id, recipient_org, recipient_user, created_at
                        FROM notification WHERE subject_id = ANY (?)""")) {
            s.setArray(1, text(c, reportIds));
            List<NotificationRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new NotificationRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            return null;
        }
    }

    /** A setting of the PostgreSQL server, such as synchronous_commit, or null if it cannot be read now. */
    String serverSetting(String name) {
        try (Connection c = connect("arrival_forum");
                PreparedStatement s = c.prepareStatement("SELECT setting FROM pg_settings WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static Array text(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private Connection connect(String database) throws SQLException {
        Connection c = DriverManager.getConnection(
                settings.jdbcUrl(database) + "?connectTimeout=3&socketTimeout=20&ApplicationName=fault-run",
                "arrival",
                "arrival");
        c.setReadOnly(true);
        return c;
    }
}
