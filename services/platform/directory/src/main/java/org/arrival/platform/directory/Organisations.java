package org.arrival.platform.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the service knows of organisations, from its replica of the registry. */
public class Organisations {

    private final JdbcTemplate jdbc;

    public Organisations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KnownOrganisation> find(UUID id) {
        return jdbc
                .query(
                        "SELECT id, name, type, enforcement_body, hidden, status FROM organisation WHERE id = ?",
                        (rs, i) -> new KnownOrganisation(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                rs.getBoolean(5),
                                rs.getString(6)),
                        id)
                .stream()
                .findFirst();
    }

    /** The forums the organisation currently holds a seat in. */
    public Set<UUID> forumsOf(@Nullable UUID organisation) {
        if (organisation == null) {
            return Set.of();
        }
        List<UUID> forums = jdbc.queryForList(
                "SELECT DISTINCT forum_id FROM forum_membership WHERE stakeholder_id = ? AND active",
                UUID.class,
                organisation);
        return Set.copyOf(forums);
    }

    /** The caller as this service sees them; an organisation it does not know is treated as an enforcement body. */
    public Viewer viewer(Caller caller) {
        UUID org = caller.organisationId();
        boolean enforcement = org == null
                ? !caller.isPlatformAdmin()
                : find(org).map(KnownOrganisation::enforcementBody).orElse(true);
        return new Viewer(caller, enforcement, forumsOf(org), enforcement ? hiddenFromEnforcementBodies() : Set.of());
    }

    /** The organisations hidden from enforcement bodies (informal groups and associations that asked for it). */
    public Set<UUID> hiddenFromEnforcementBodies() {
        return Set.copyOf(jdbc.queryForList("SELECT id FROM organisation WHERE hidden", UUID.class));
    }

    public record KnownOrganisation(
            UUID id, String name, String type, boolean enforcementBody, boolean hidden, String status) {

        public boolean canTakePart() {
            return !"ARCHIVED".equals(status) && !"SUSPENDED".equals(status);
        }
    }
}
