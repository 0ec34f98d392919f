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
import org.jspecify.annotations.Nullable;

/**
 * What decides who may read a record of the projection (its owner, classification and forums), looked up by id
 * whatever kind of record it is. Derived data (a coherence flag, a change in the as-of view) names records by id and
 * is readable only when every one of them is. A record made of what several organisations gave (a checklist round and
 * its gaps, from its respondents' answers) has those organisations among its sources too: it is readable only by who
 * may know of every one of them.
 */
public final class Scopes {

    /** A record the projection does not know: readable by nobody but platform administrators. */
    public static final RecordScope UNKNOWN = nobodys(DataClassification.RESTRICTED);

    private Scopes() {}

    /** A scope without an owner: the read policy takes an absent owner for nobody's. */
    private static RecordScope nobodys(DataClassification classification) {
        return new RecordScope(null, classification, List.of());
    }

    /** The sources of the record with this id, of any kind (an organisation stands for itself); none if unknown. */
    public static List<RecordScope> of(ProjectionStore store, UUID id) {
        Optional<List<RecordScope>> scope = store.action(id)
                .flatMap(Scopes::action)
                .map(List::of)
                .or(() -> store.need(id).flatMap(Scopes::need).map(List::of))
                .or(() ->
                        store.gap(id).flatMap(g -> gap(g, store.round(g.roundId).orElse(null))))
                .or(() -> store.round(id).flatMap(Scopes::round))
                .or(() -> store.plan(id).flatMap(Scopes::plan).map(List::of))
                .or(() -> store.estimate(id).flatMap(Scopes::estimate).map(List::of))
                .or(() -> store.input(id).flatMap(Scopes::input).map(List::of))
                .or(() -> store.assignment(id)
                        .flatMap(a -> store.forum(a.forumId))
                        .map(f -> List.of(forum(f))));
        return scope.or(() -> store.organisation(id).map(o -> List.of(organisation(o.id))))
                .or(() -> store.forum(id).map(f -> List.of(forum(f))))
                .orElse(List.of());
    }

    /** The sources of the records, {@link #UNKNOWN} for those the lookup does not find. */
    public static List<RecordScope> all(Collection<UUID> ids, Function<UUID, List<RecordScope>> lookup) {
        List<RecordScope> out = new ArrayList<>();
        for (UUID id : ids) {
            List<RecordScope> found = lookup.apply(id);
            if (found == null || found.isEmpty()) {
                out.add(UNKNOWN);
            } else {
                out.addAll(found);
            }
        }
        return out;
    }

    /** The sources of those of the records the store knows, by id. */
    public static Map<UUID, List<RecordScope>> known(ProjectionStore store, Collection<UUID> ids) {
        Map<UUID, List<RecordScope>> out = new LinkedHashMap<>();
        for (UUID id : ids) {
            List<RecordScope> found = of(store, id);
            if (!found.isEmpty()) {
                out.put(id, found);
            }
        }
        return out;
    }

    /** An organisation named by derived data: known to everyone it is not hidden from. */
    public static RecordScope organisation(UUID id) {
        return new RecordScope(id, DataClassification.PUBLIC, List.of());
    }

    /**
     * A forum named as a record (by a flag about the forum as a whole): its members read it. The forum's own records
     * (its meetings, decisions and assignments) are read as the forum is.
     */
    public static RecordScope forum(Rows.ForumRow f) {
        return new RecordScope(f.convenorId, DataClassification.FORUM, List.of(f.id));
    }

    public static Optional<RecordScope> action(ActionRow a) {
        return a.placeholder ? Optional.empty() : scope(a.ownerId, a.classification, a.sharedWithForums);
    }

    public static Optional<RecordScope> need(NeedRow n) {
        return scope(n.ownerId, n.classification, n.sharedWithForums);
    }

    /** A gap is shared with the forums of its round, and made of its respondents' answers. */
    public static Optional<List<RecordScope>> gap(GapRow g, @Nullable RoundScoreRow round) {
        return scope(g.ownerId, g.classification, round == null ? List.of() : round.sharedWithForums)
                .map(s -> withNamed(s, round));
    }

    /** A round, and the organisations it names (its convenor and respondents), whose answers make it. */
    public static Optional<List<RecordScope>> round(RoundScoreRow r) {
        return scope(r.ownerId, r.classification, r.sharedWithForums).map(s -> withNamed(s, r));
    }

    /** The organisations a round names: its convenor and every respondent. */
    public static List<UUID> named(RoundScoreRow r) {
        List<UUID> out = new ArrayList<>();
        if (r.convenorId != null) {
            out.add(r.convenorId);
        }
        out.addAll(r.respondentIds);
        return out;
    }

    private static List<RecordScope> withNamed(RecordScope scope, @Nullable RoundScoreRow round) {
        List<RecordScope> out = new ArrayList<>(List.of(scope));
        if (round != null) {
            named(round).forEach(o -> out.add(organisation(o)));
        }
        return out;
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
