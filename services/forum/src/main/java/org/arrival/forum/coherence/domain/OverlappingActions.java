package org.arrival.forum.coherence.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.forum.projection.domain.Rows.ActionRow;

/**
 * Actions of different organisations doing the same work (a sector and a population group in common) in the same
 * place over overlapping periods, one implementing the other aside.
 *
 * <p>One finding per group of actions linked by such overlaps, not one per pair: a forum with thousands of actions
 * has groups of hundreds, and a flag per pair would grow with the square of the forum. A group is formed only of
 * actions every member of the forum may read, so that a reader who may not read one action still sees the others
 * overlap. An action some members may not read (RESTRICTED, or owned by an organisation hidden from enforcement
 * bodies) gets a finding of its own naming the readable actions it overlaps, and one per such action it overlaps;
 * who may not read it sees neither.
 *
 * <p>Keys: two actions are keyed by their ids, as a pair always was; a larger group by its first action's id (so that
 * it stays the same flag while actions join it), and an action with its overlaps by that action's id.
 */
final class OverlappingActions {

    /**
     * How many of a group's actions its parameters name with their titles (the contract's bound); the flag names every
     * one by id.
     */
    static final int TITLED = 20;

    /** How many places a group's parameters name (the contract's bound). */
    static final int PLACES = 50;

    /** How many of a group's actions its English summary quotes. */
    static final int QUOTED = 10;

    private final List<ActionRow> live;
    private final ActionLinks links;
    private final boolean[] open;
    private final int[] parent;

    private OverlappingActions(List<ActionRow> live, ActionLinks links, Predicate<ActionRow> readableByAll) {
        this.live = live;
        this.links = links;
        this.open = new boolean[live.size()];
        this.parent = new int[live.size()];
        for (int i = 0; i < live.size(); i++) {
            open[i] = readableByAll.test(live.get(i));
            parent[i] = i;
        }
    }

    /**
     * The findings over the forum's flaggable actions, sorted by id.
     *
     * @param readableByAll whether every member of the forum may read the action
     */
    static List<Finding> find(List<ActionRow> actions, ActionLinks links, Predicate<ActionRow> readableByAll) {
        List<ActionRow> live =
                actions.stream().filter(a -> !CoherenceChecks.ended(a)).toList();
        return new OverlappingActions(live, links, readableByAll).findings();
    }

    private List<Finding> findings() {
        Map<Integer, Set<Integer>> aroundNotOpen = new TreeMap<>();
        Set<Long> notOpenPairs = new TreeSet<>();
        for (List<Integer> same : sameWork().values()) {
            for (int x = 0; x < same.size(); x++) {
                for (int y = x + 1; y < same.size(); y++) {
                    int i = same.get(x);
                    int j = same.get(y);
                    boolean bothOpen = open[i] && open[j];
                    if ((bothOpen && root(i) == root(j)) || !overlap(live.get(i), live.get(j))) {
                        continue;
                    }
                    if (bothOpen) {
                        parent[root(j)] = root(i);
                    } else if (open[i]) {
                        aroundNotOpen.computeIfAbsent(j, k -> new TreeSet<>()).add(i);
                    } else if (open[j]) {
                        aroundNotOpen.computeIfAbsent(i, k -> new TreeSet<>()).add(j);
                    } else {
                        notOpenPairs.add(((long) Math.min(i, j) << 32) | Math.max(i, j));
                    }
                }
            }
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < live.size(); i++) {
            if (open[i]) {
                groups.computeIfAbsent(root(i), k -> new ArrayList<>()).add(i);
            }
        }
        List<Finding> out = new ArrayList<>();
        groups.values().stream()
                .filter(g -> g.size() > 1)
                .sorted(java.util.Comparator.comparing((List<Integer> g) -> g.get(0)))
                .forEach(g -> out.add(finding("group:", g)));
        aroundNotOpen.forEach((action, others) -> {
            List<Integer> named = new ArrayList<>();
            named.add(action);
            named.addAll(others);
            out.add(finding("around:", named));
        });
        for (long pair : notOpenPairs) {
            out.add(finding("", List.of((int) (pair >>> 32), (int) pair)));
        }
        return out;
    }

    /** The actions of each sector and population group, by their place in the list: only those can overlap. */
    private Map<String, List<Integer>> sameWork() {
        Map<String, List<Integer>> out = new HashMap<>();
        for (int i = 0; i < live.size(); i++) {
            ActionRow a = live.get(i);
            for (String sector : new LinkedHashSet<>(a.sectors)) {
                for (String group : new LinkedHashSet<>(a.targetGroups)) {
                    out.computeIfAbsent(sector + "|" + group, k -> new ArrayList<>())
                            .add(i);
                }
            }
        }
        return out;
    }

    private boolean overlap(ActionRow a, ActionRow b) {
        return !Objects.equals(a.ownerId, b.ownerId)
                && !CoherenceChecks.cascade(a, b, links)
                && (a.areas.stream().anyMatch(x -> CoherenceChecks.covers(b.areas, x))
                        || b.areas.stream().anyMatch(x -> CoherenceChecks.covers(a.areas, x)))
                && CoherenceChecks.periodsOverlap(a, b);
    }

    private int root(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The finding naming these actions, the first one first; two are keyed as a pair in the order of their ids. */
    private Finding finding(String kind, List<Integer> members) {
        List<ActionRow> named = members.stream().map(live::get).toList();
        if (named.size() == 2 && named.get(0).id.compareTo(named.get(1).id) > 0) {
            named = List.of(named.get(1), named.get(0));
        }
        List<String> sectors = sharedByTwo(named, a -> a.sectors);
        List<String> groups = sharedByTwo(named, a -> a.targetGroups);
        List<Jurisdiction> areas = named.size() == 2
                ? named.get(0).areas
                : named.stream().flatMap(a -> a.areas.stream()).distinct().toList();
        String place = String.join(", ", sectors) + " for " + String.join(", ", groups) + " in "
                + areas.stream().map(CoherenceChecks::areaName).distinct().collect(Collectors.joining(", "));
        List<UUID> ids = named.stream().map(a -> a.id).toList();
        CoherenceFlagParameters parameters = CoherenceFlagParameters.naming(named.stream()
                        .limit(TITLED)
                        .map(a -> CoherenceChecks.record(a.id, FlaggedRecordKind.ACTION, a.title))
                        .toList())
                .withPlace(
                        CoherenceChecks.sectors(sectors),
                        CoherenceChecks.groups(groups),
                        CoherenceChecks.areaNames(areas).stream().limit(PLACES).toList());
        if (named.size() == 2) {
            return Finding.of(
                    CoherenceCheckCode.OVERLAPPING_ACTIONS,
                    ids,
                    "Actions '" + named.get(0).title + "' and '" + named.get(1).title
                            + "' of different organisations overlap: " + place + " over the same period.",
                    parameters);
        }
        long organisations = named.stream().map(a -> a.ownerId).distinct().count();
        String titles =
                named.stream().limit(QUOTED).map(a -> "'" + a.title + "'").collect(Collectors.joining(", "));
        return Finding.keyed(
                kind + ids.get(0),
                CoherenceCheckCode.OVERLAPPING_ACTIONS,
                ids,
                named.size() + " actions of " + organisations + " organisations overlap: " + place
                        + " over overlapping periods: " + titles
                        + (named.size() > QUOTED ? " and " + (named.size() - QUOTED) + " more." : "."),
                parameters);
    }

    /** The codes at least two of the actions have, in the order first met. */
    private static List<String> sharedByTwo(
            List<ActionRow> actions, java.util.function.Function<ActionRow, List<String>> codes) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (ActionRow a : actions) {
            for (String code : new LinkedHashSet<>(codes.apply(a))) {
                count.merge(code, 1, Integer::sum);
            }
        }
        return count.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .toList();
    }
}
