package org.arrival.forum.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.arrival.contracts.EventJson;
import org.arrival.forum.projection.ProjectionChanged;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries committed changes of the projection to the live streams of every instance of the service, through
 * PostgreSQL's NOTIFY: the notice is sent in the transaction that applied the event, so it is delivered only once
 * that commits, and to every instance listening, whichever instance's consumer applied the event (the projection's
 * consumer group shares the partitions out among instances, the streams are held by whichever instance a browser
 * reached).
 */
@Component
public class ChangeChannel {

    static final String CHANNEL = "arrival_forum_changes";
    /** NOTIFY payloads must stay under 8000 bytes; a larger change is announced as "everything may have changed". */
    private static final int MAX_PAYLOAD = 7500;

    private static final Logger LOG = LoggerFactory.getLogger(ChangeChannel.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final LiveStreams streams;
    private volatile boolean running;
    private volatile @Nullable Thread listener;

    public ChangeChannel(JdbcTemplate jdbc, DataSource dataSource, LiveStreams streams) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streams = streams;
    }

    /** Runs inside the transaction that published the change. */
    @EventListener
    public void announce(ProjectionChanged change) {
        String json = EventJson.mapper().writeValueAsString(change);
        if (json.length() > MAX_PAYLOAD) {
            json = EventJson.mapper().writeValueAsString(ProjectionChanged.rebuilt());
        }
        jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, json);
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void listen() {
        if (running) {
            return;
        }
        running = true;
        listener = Thread.ofVirtual().name("forum-change-channel").start(this::receive);
    }

    @EventListener(ContextClosedEvent.class)
    public synchronized void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void receive() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(1000);
                    if (notices == null) {
                        continue;
                    }
                    for (PGNotification notice : notices) {
                        streams.committed(EventJson.mapper().readValue(notice.getParameter(), ProjectionChanged.class));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("listening for forum changes failed; listening again shortly", e);
                    pause(Duration.ofSeconds(2));
                }
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
