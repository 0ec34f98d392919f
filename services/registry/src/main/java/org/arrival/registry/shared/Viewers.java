package org.arrival.registry.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.HiddenNames;
import org.arrival.platform.security.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The caller as the platform's read policy sees them, from the registry's own records: whether they act for an
 * enforcement body (an organisation the registry does not know is given the protection of the doubt), the forums
 * they sit in, and the organisations hidden from them.
 */
@Component
public class Viewers {

    private final JdbcTemplate jdbc;

    public Viewers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Viewer of(Caller caller) {
        UUID org = caller.organisationId();
        boolean enforcement;
        if (org == null) {
            enforcement = !caller.isPlatformAdmin();
        } else {
            List<Boolean> flagged = jdbc.query(
                    "SELECT (profile ->> 'enforcementBody')::boolean FROM stakeholder WHERE id = ?",
                    (rs, row) -> rs.getBoolean(1),
                    org);
            enforcement = flagged.isEmpty() || flagged.get(0);
        }
        Set<UUID> forums = org == null
                ? Set.of()
                : Set.copyOf(jdbc.queryForList(
                        "SELECT forum_id FROM membership WHERE stakeholder_id = ? AND status = 'ACTIVE'",
                        UUID.class,
                        org));
        Set<UUID> hidden = enforcement
                ? Set.copyOf(jdbc.queryForList(
                        "SELECT id FROM stakeholder WHERE profile @> '{\"hiddenFromEnforcementBodies\": true}'::jsonb",
                        UUID.class))
                : Set.of();
        return new Viewer(caller, enforcement, forums, hidden);
    }

    /**
     * The names and acronyms of the organisations hidden from the viewer, to be taken out of what people typed; none
     * for a viewer who is not an enforcement body.
     */
    public HiddenNames hiddenNames(Viewer viewer) {
        if (!viewer.enforcementBody() || viewer.hiddenOrganisations().isEmpty()) {
            return HiddenNames.none();
        }
        Map<UUID, List<String>> names = jdbc
                .query(
                        "SELECT id, name, profile ->> 'acronym' FROM stakeholder"
                                + " WHERE profile @> '{\"hiddenFromEnforcementBodies\": true}'::jsonb",
                        (rs, row) -> new Named(
                                rs.getObject(1, UUID.class), java.util.Arrays.asList(rs.getString(2), rs.getString(3))))
                .stream()
                .collect(Collectors.toMap(Named::id, Named::names, (a, b) -> a));
        return HiddenNames.from(viewer, names);
    }

    private record Named(UUID id, List<@org.jspecify.annotations.Nullable String> names) {}
}
