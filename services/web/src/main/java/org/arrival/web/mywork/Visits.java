package org.arrival.web.mywork;

import jakarta.annotation.PostConstruct;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a person last looked at My work, so that it can say what is new since: comments, objections and inputs on
 * the organisation's records that arrived after the person's previous visit count as not yet seen.
 * <p>
 * The mark is kept per person (their Keycloak subject) in the web application's own database, beside the sessions
 * (table {@code my_work_visit}), because people come back weeks later, long after their session ended. A visit is a
 * session: the first time My work opens in a session, the mark left by the previous session is read and kept in the
 * session for as long as it lasts (so reloading the page, or coming back to it after publishing a report, shows the
 * same new items); every opening moves the stored mark to now, for the next session.
 */
@Component
public class Visits {

    private static final Logger log = LoggerFactory.getLogger(Visits.class);
    static final String SINCE = Visits.class.getName() + ".since";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Visits(JdbcTemplate jdbc, java.util.Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What this visit counts as new: after {@code since}, or everything when the person never came before. */
    public record Since(@Nullable Instant since) implements Serializable {

        public boolean firstVisit() {
            return since == null;
        }

        public boolean isNew(Instant at) {
            return at != null && (since == null || at.isAfter(since));
        }
    }

    @PostConstruct
    void table() {
        try {
            jdbc.execute("CREATE TABLE IF NOT EXISTS my_work_visit (subject text PRIMARY KEY, "
                    + "seen_until timestamptz NOT NULL)");
        } catch (DataAccessException e) {
            // another instance creating it at the same moment: it exists now
            log.debug("my_work_visit: {}", e.getMessage());
        }
    }

    /** The person opens My work: what counts as new for this visit; the stored mark moves to now. */
    public Since open(String subject, HttpSession session) {
        Instant now = clock.instant();
        Since since = session.getAttribute(SINCE) instanceof Since kept ? kept : null;
        if (since == null) {
            List<Timestamp> stored = jdbc.queryForList(
                    "SELECT seen_until FROM my_work_visit WHERE subject = ?", Timestamp.class, subject);
            since = new Since(stored.isEmpty() ? null : stored.get(0).toInstant());
            session.setAttribute(SINCE, since);
        }
        jdbc.update(
                "INSERT INTO my_work_visit (subject, seen_until) VALUES (?, ?) "
                        + "ON CONFLICT (subject) DO UPDATE SET seen_until = GREATEST(my_work_visit.seen_until, EXCLUDED.seen_until)",
                subject,
                Timestamp.from(now));
        return since;
    }
}
