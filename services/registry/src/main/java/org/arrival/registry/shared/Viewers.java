package org.arrival.registry.shared;

import java.util.UUID;

import org.arrival.platform.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Resolves whether a caller acts for an enforcement body, from the registry's own records. */
@Component
public class Viewers {

    private final JdbcTemplate jdbc;

    public Viewers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Viewer of(Caller caller) {
        UUID org = caller.organisationId();
        if (org == null) {
            return new Viewer(caller, !caller.isPlatformAdmin());
        }
        Boolean enforcement = jdbc.query("SELECT (profile ->> 'enforcementBody')::boolean FROM stakeholder WHERE id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, org);
        // an organisation the registry does not know is given the protection of the doubt
        return new Viewer(caller, enforcement == null || enforcement);
    }
}
