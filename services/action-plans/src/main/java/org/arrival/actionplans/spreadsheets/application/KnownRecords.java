package org.arrival.actionplans.spreadsheets.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.jspecify.annotations.Nullable;

/**
 * The records of one kind that belong to the organisation's forum actions (milestones, funding lines), as a preview
 * checks the id, version and action of each row against them: the record must be one of them, named on one row
 * only, still at the version exported, and stay with its action; a new one's action must be a forum action.
 *
 * @param <S> a stored record
 */
final class KnownRecords<S> {

    /** The keys of the id, version and action id columns, the same in each sheet of records of actions. */
    static final String ID = "id";

    static final String VERSION = "version";
    static final String ACTION_ID = "actionId";

    private final Table table;
    private final String noun;
    private final Map<UUID, S> known;
    private final Set<UUID> forumActions;
    private final ToLongFunction<S> version;
    private final Function<S, UUID> actionOf;
    private final BiFunction<Long, S, String> changedSince;
    private final Map<UUID, Integer> seen = new HashMap<>();

    /**
     * {@code noun} names the kind ("milestone"), {@code changedSince} says what a row exported at an older version
     * is refused with.
     */
    KnownRecords(
            Table table,
            String noun,
            Map<UUID, S> known,
            Set<UUID> forumActions,
            ToLongFunction<S> version,
            Function<S, UUID> actionOf,
            BiFunction<Long, S, String> changedSince) {
        this.table = table;
        this.noun = noun;
        this.known = known;
        this.forumActions = forumActions;
        this.version = version;
        this.actionOf = actionOf;
        this.changedSince = changedSince;
    }

    /** The record a row names (null for a new one) and its action (the one the row names for a new one). */
    record Named<S>(@Nullable S current, @Nullable UUID actionId) {}

    /** Checks what a row names, adding to {@code problems} what is wrong with it. */
    Named<S> named(
            int row, @Nullable UUID id, @Nullable Long exported, @Nullable UUID actionId, List<CellProblem> problems) {
        S current = null;
        if (id != null) {
            current = known.get(id);
            Integer earlier = seen.putIfAbsent(id, row);
            if (current == null) {
                problems.add(
                        problem(ID, row, "no " + noun + " " + id + " of your organisation's actions in this forum"));
            } else if (earlier != null) {
                problems.add(problem(ID, row, "the same " + noun + " is on row " + earlier));
            } else if (exported != null && exported != version.applyAsLong(current)) {
                problems.add(problem(VERSION, row, changedSince.apply(exported, current)));
            } else if (actionId != null && !actionId.equals(actionOf.apply(current))) {
                problems.add(problem(
                        ACTION_ID,
                        row,
                        "the " + noun + " belongs to action " + actionOf.apply(current) + "; a " + noun
                                + " does not move to another action"));
            }
        }
        UUID action = current != null ? actionOf.apply(current) : actionId;
        if (current == null && action != null && !forumActions.contains(action)) {
            problems.add(problem(ACTION_ID, row, "no action " + action + " of your organisation in this forum"));
        }
        return new Named<>(current, action);
    }

    CellProblem problem(String key, int row, @Nullable String message) {
        return RecordRows.problem(table, key, row, message);
    }

    /**
     * "row n (version a → b)" when the record of an accepted row changed since the preview, {@code currentVersion}
     * finding the record's version now by its action and id; null when it did not change.
     */
    static @Nullable String changedSincePreview(ImportRow row, BiFunction<UUID, UUID, Optional<Long>> currentVersion) {
        UUID id = row.recordId();
        UUID actionId = row.actionId();
        if (id == null || actionId == null) {
            return null;
        }
        long now = currentVersion.apply(actionId, id).orElse(-1L);
        Long basedOn = row.basedOn();
        return basedOn != null && now == basedOn
                ? null
                : "row " + row.row() + " (version " + basedOn + " → " + now + ")";
    }
}
