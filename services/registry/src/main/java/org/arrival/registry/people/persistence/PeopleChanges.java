package org.arrival.registry.people.persistence;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The log of who invited, changed or removed whom in an organisation, newest first. */
@Repository
public class PeopleChanges {

    /** What was done to a person. */
    public enum Change {
        INVITED,
        ROLES_CHANGED,
        REMOVED
    }

    /** One entry: the person (id and e-mail address at the time), the change, their roles after it, who and when. */
    public record PeopleChange(
            UUID organisationId,
            String personId,
            String personEmail,
            Change change,
            List<String> roles,
            String actorUserId,
            String actorUsername,
            @Nullable UUID actorOrganisationId,
            Instant at) {}

    private final JdbcTemplate jdbc;

    public PeopleChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(PeopleChange c) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                    "INSERT INTO people_change (organisation_id, person_id, person_email, change, roles,"
                            + " actor_user_id, actor_username, actor_org_id, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, c.organisationId());
            ps.setString(2, c.personId());
            ps.setString(3, c.personEmail());
            ps.setString(4, c.change().name());
            Array roles = con.createArrayOf("text", c.roles().toArray());
            ps.setArray(5, roles);
            ps.setString(6, c.actorUserId());
            ps.setString(7, c.actorUsername());
            ps.setObject(8, c.actorOrganisationId());
            ps.setTimestamp(9, Timestamp.from(c.at()));
            return ps;
        });
    }

    public List<PeopleChange> of(UUID organisation, int limit) {
        return jdbc.query(
                "SELECT * FROM people_change WHERE organisation_id = ? ORDER BY recorded_at DESC, id DESC LIMIT ?",
                (rs, row) -> new PeopleChange(
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("person_id"),
                        rs.getString("person_email"),
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
