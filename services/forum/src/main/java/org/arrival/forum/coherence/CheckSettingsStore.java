package org.arrival.forum.coherence;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.forum.coherence.domain.CheckSettings;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each forum's settings of its coherence checks; a forum that never set them has the defaults, at version 0. */
@Component
public class CheckSettingsStore {

    private final JdbcTemplate jdbc;

    public CheckSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A forum's settings at a version, and who last changed them (none for the defaults). */
    public record Versioned(
            CheckSettings settings,
            long version,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy) {}

    public CheckSettings of(UUID forumId) {
        return read(forumId).settings();
    }

    public Versioned read(UUID forumId) {
        List<Versioned> found = jdbc.query(
                "SELECT settings, version, updated_at, updated_by FROM coherence_settings WHERE forum_id = ?",
                (rs, i) -> new Versioned(
                        EventJson.read(rs.getString("settings").getBytes(StandardCharsets.UTF_8), CheckSettings.class),
                        rs.getLong("version"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")),
                forumId);
        return found.isEmpty() ? new Versioned(CheckSettings.DEFAULTS, 0, null, null) : found.get(0);
    }

    /** Replaces the forum's settings if they are still at the version the caller read (0 for the defaults). */
    public Versioned save(UUID forumId, CheckSettings settings, long expected, String by) {
        String json = new String(EventJson.write(settings), StandardCharsets.UTF_8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int changed = expected == 0
                ? jdbc.update(
                        "INSERT INTO coherence_settings (forum_id, settings, version, updated_at, updated_by) "
                                + "VALUES (?, ?::jsonb, 1, ?, ?) ON CONFLICT (forum_id) DO NOTHING",
                        forumId,
                        json,
                        Timestamp.from(now),
                        by)
                : jdbc.update(
                        "UPDATE coherence_settings SET settings = ?::jsonb, version = version + 1, updated_at = ?, "
                                + "updated_by = ? WHERE forum_id = ? AND version = ?",
                        json,
                        Timestamp.from(now),
                        by,
                        forumId,
                        expected);
        if (changed == 0) {
            throw new StaleVersion("coherence settings", forumId, expected);
        }
        return new Versioned(settings, expected + 1, now, by);
    }
}
