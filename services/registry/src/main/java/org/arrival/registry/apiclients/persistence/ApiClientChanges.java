package org.arrival.registry.apiclients.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The log of who created, rotated or revoked which API client of an organisation, newest first. */
@Repository
public class ApiClientChanges {

    /** What was done to a client. */
    public enum Change {
        CREATED,
        SECRET_ROTATED,
        REVOKED
    }

    /** One entry: the client (its id, client id and name), the change, its roles, who and when. */
    public record ApiClientChange(
            UUID organisationId,
            UUID apiClientId,
            String clientId,
            String name,
            Change change,
            List<String> roles,
            String actorUserId,
            String actorUsername,
            @Nullable UUID actorOrganisationId,
            Instant at) {}

    private final JdbcTemplate jdbc;

    public ApiClientChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ApiClientChange c) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                    "INSERT INTO api_client_change (organisation_id, api_client_id, client_id, name, change, roles,"
                            + " actor_user_id, actor_username, actor_org_id, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, c.organisationId());
            ps.setObject(2, c.apiClientId());
            ps.setString(3, c.clientId());
            ps.setString(4, c.name());
            ps.setString(5, c.change().name());
            ps.setArray(6, con.createArrayOf("text", c.roles().toArray()));
            ps.setString(7, c.actorUserId());
            ps.setString(8, c.actorUsername());
            ps.setObject(9, c.actorOrganisationId());
            ps.setTimestamp(10, Timestamp.from(c.at()));
            return ps;
        });
    }

    public List<ApiClientChange> of(UUID organisation, int limit) {
        return jdbc.query(
                "SELECT * FROM api_client_change WHERE organisation_id = ? ORDER BY recorded_at DESC, id DESC LIMIT ?",
                (rs, row) -> new ApiClientChange(
                        rs.getObject("organisation_id", UUID.class),
                        rs.getObject("api_client_id", UUID.class),
                        rs.getString("client_id"),
                        rs.getString("name"),
                        Change.valueOf(rs.getString("change")),
                        List.of((String[]) rs.getArray("roles").getArray()),
                        rs.getString("actor_user_id"),
                        rs.getString("actor_username"),
                        rs.getObject("actor_org_id", UUID.class),
                        rs.getTimestamp("recorded_at").toInstant()),
                organisation,
                limit);
    }
}
