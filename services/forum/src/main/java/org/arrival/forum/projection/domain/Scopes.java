package org.arrival.forum.projection.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.arrival.contracts.DataClassification;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.InputRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.platform.security.RecordScope;

/**
 * What decides who may read a record of the projection (its owner, classification and forums), looked up by id
 * whatever kind of record it is. Derived data (a coherence flag, a change in the as-of view) names records by id and
 * is readable only when every one of them is.
 */
public final class Scopes {

    /** A record the projection does not know: readable by nobody but platform administrators. */
    public static final RecordScope UNKNOWN = new RecordScope(null, DataClassification.RESTRICTED, List.of());

    private Scopes() {
    }

    /** The scope of the record with this id, of any kind; an organisation stands for itself. */
    public static Optional<RecordScope> of(ProjectionStore store, UUID id) {
        Optional<RecordScope> scope = store.action(id).flatMap(Scopes::action)
                .or(() -> store.need(id).flatMap(Scopes::need))
                .or(() -> store.gap(id).flatMap(g -> gap(g, store.round(g.roundId).orElse(null))))
                .or(() -> store.round(id).flatMap(Scopes::round))
                .or(() -> store.plan(id).flatMap(Scopes::plan))
                .or(() -> store.estimate(id).flatMap(Scopes::estimate))
                .or(() -> store.input(id).flatMap(Scopes::input));
        return scope.or(() -> store.organisation(id).map(o -> organisation(o.id)));
    }

    /** The scopes of the records, in their order, {@link #UNKNOWN} for those the lookup does not find. */
    public static List<RecordScope> all(Collection<UUID> ids, Function<UUID, Optional<RecordScope>> lookup) {
        List<RecordScope> out = new ArrayList<>();
        for (UUID id : ids) {
            out.add(lookup.apply(id).orElse(UNKNOWN));
        }
        return out;
    }

    /** The scopes of those of the records the store knows, by id. */
    public static Map<UUID, RecordScope> known(ProjectionStore store, Collection<UUID> ids) {
        Map<UUID, RecordScope> out = new LinkedHashMap<>();
        for (UUID id : ids) {
            of(store, id).ifPresent(s -> out.put(id, s));
        }
        return out;
    }

    /** An organisation named by derived data: known to everyone it is not hidden from. */
    public static RecordScope organisation(UUID id) {
        return new RecordScope(id, DataClassification.PUBLIC, List.of());
    }

    public static Optional<RecordScope> action(ActionRow a) {
        return a.placeholder ? Optional.empty() : scope(a.ownerId, a.classification, a.sharedWithForums);
    }

    public static Optional<RecordScope> need(NeedRow n) {
        return scope(n.ownerId, n.classification, n.sharedWithForums);
    }

    /** A gap is shared with the forums of its round. */
    public static Optional<RecordScope> gap(GapRow g, RoundScoreRow round) {
        return scope(g.ownerId, g.classification, round == null ? List.of() : round.sharedWithForums);
    }

    public static Optional<RecordScope> round(RoundScoreRow r) {
        return scope(r.ownerId, r.classification, r.sharedWithForums);
    }

    public static Optional<RecordScope> plan(PlanRow p) {
        return scope(p.ownerId, p.classification, p.sharedWithForums);
    }

    public static Optional<RecordScope> estimate(PopulationRow e) {
        return scope(e.ownerId, e.classification, e.sharedWithForums);
    }

    public static Optional<RecordScope> input(InputRow i) {
        return scope(i.contributorId, i.classification, i.sharedWithForums);
    }

    private static Optional<RecordScope> scope(UUID owner, String classification, List<UUID> forums) {
        if (classification == null) {
            return Optional.empty();
        }
        return Optional.of(RecordScope.of(owner, DataClassification.valueOf(classification), forums));
    }
}
