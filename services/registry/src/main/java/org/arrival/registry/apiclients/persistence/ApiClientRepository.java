package org.arrival.registry.apiclients.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.registry.apiclients.domain.ApiClient;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The organisations' API clients; a change is written only over the version it was made from. */
@Repository
public class ApiClientRepository {

    private final JdbcTemplate jdbc;

    public ApiClientRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiClient c) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                    "INSERT INTO api_client (id, organisation_id, name, client_id, realm_id, roles,"
                            + " created_by, created_by_username, created_at, last_used_at, rotated_at, revoked_at, version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, c.id());
            ps.setObject(2, c.organisationId());
            ps.setString(3, c.name());
            ps.setString(4, c.clientId());
            ps.setString(5, c.realmId());
            ps.setArray(6, con.createArrayOf("text", c.roles().toArray()));
            ps.setString(7, c.createdBy());
            ps.setString(8, c.createdByUsername());
            ps.setTimestamp(9, Timestamp.from(c.createdAt()));
            ps.setTimestamp(10, timestamp(c.lastUsedAt()));
            ps.setTimestamp(11, timestamp(c.rotatedAt()));
            ps.setTimestamp(12, timestamp(c.revokedAt()));
            ps.setLong(13, c.version());
            return ps;
        });
    }

    /** Writes the client's rotation and revocation times and version if it is still at {@code expected}. */
    public boolean update(ApiClient c, long expected) {
        return jdbc.update(
                        "UPDATE api_client SET rotated_at = ?, revoked_at = ?, version = ?"
                                + " WHERE id = ? AND version = ?",
                        timestamp(c.rotatedAt()),
                        timestamp(c.revokedAt()),
                        c.version(),
                        c.id(),
                        expected)
                == 1;
    }

    /** Remembers the time of the client's latest token, if it is later than the one known; no new version. */
    public void lastUsed(UUID id, Instant at) {
        jdbc.update(
                "UPDATE api_client SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                Timestamp.from(at),
                id,
                Timestamp.from(at));
    }

    public Optional<ApiClient> find(UUID id) {
        return jdbc.query("SELECT * FROM api_client WHERE id = ?", ApiClientRepository::client, id).stream()
                .findFirst();
    }

    public boolean clientIdTaken(String clientId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM api_client WHERE client_id = ?", Integer.class, clientId);
        return n != null && n > 0;
    }

    /** The organisation's clients, those in use first, each group oldest first. */
    public List<ApiClient> ofOrganisation(UUID organisation) {
        return jdbc.query(
                "SELECT * FROM api_client WHERE organisation_id = ?"
                        + " ORDER BY revoked_at IS NOT NULL, created_at, id LIMIT 500",
                ApiClientRepository::client,
                organisation);
    }

    private static ApiClient client(ResultSet rs, int row) throws SQLException {
        return new ApiClient(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("name"),
                rs.getString("client_id"),
                rs.getString("realm_id"),
                List.of((String[]) rs.getArray("roles").getArray()),
                rs.getString("created_by"),
                rs.getString("created_by_username"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("rotated_at")),
                instant(rs.getTimestamp("revoked_at")),
                rs.getLong("version"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
