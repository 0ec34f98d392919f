package org.arrival.assessments.rounds.persistence;

import java.util.List;
import java.util.UUID;
import org.arrival.assessments.shared.persistence.EvidenceSql;
import org.arrival.platform.security.Viewer;

/**
 * The rounds' read rule as SQL, the same rule the rounds' service applies to one round: no round that names an
 * organisation the viewer may not see (as convenor or respondent); then everything for a platform administrator;
 * otherwise every published round, the rounds the viewer convenes, and, once opened, those it answers and those
 * shared with its forums.
 */
public final class RoundVisibility {

    private RoundVisibility() {}

    /** A condition on {@code round_assessment} aliased {@code r}; appends its arguments. */
    public static String condition(Viewer viewer, List<Object> args) {
        StringBuilder sql = new StringBuilder("(true");
        List<UUID> hidden = EvidenceSql.hiddenFrom(viewer);
        if (!hidden.isEmpty()) {
            sql.append(" AND NOT (r.convenor_id = ANY (?::uuid[])) AND NOT EXISTS (SELECT 1 FROM round_respondent h")
                    .append(" WHERE h.round_id = r.id AND h.respondent_id = ANY (?::uuid[]))");
            args.add(EvidenceSql.array(hidden));
            args.add(EvidenceSql.array(hidden));
        }
        if (!viewer.caller().isPlatformAdmin()) {
            UUID own = viewer.caller().organisationId();
            sql.append(" AND (r.status = 'PUBLISHED'");
            if (own != null) {
                sql.append(" OR r.convenor_id = ? OR (r.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM round_respondent p")
                        .append(" WHERE p.round_id = r.id AND p.respondent_id = ?))");
                args.add(own);
                args.add(own);
            }
            if (!viewer.forums().isEmpty()) {
                sql.append(" OR (r.status <> 'DRAFT' AND r.shared_with_forums && ?::uuid[])");
                args.add(EvidenceSql.array(viewer.forums().stream().sorted().toList()));
            }
            sql.append(")");
        }
        return sql.append(")").toString();
    }

    /** {@code SELECT r.id FROM round_assessment r WHERE ...}: the ids of the rounds the viewer may read. */
    public static String ids(Viewer viewer, List<Object> args) {
        return "SELECT r.id FROM round_assessment r WHERE " + condition(viewer, args);
    }
}
