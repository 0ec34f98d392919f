package org.arrival.forum.projection;

import java.util.List;
import org.arrival.forum.projection.domain.Touch;

/**
 * Published inside the transaction that applied an event (or switched to a rebuilt generation); listeners that act
 * on it must do so only once that commits (the live streams hear of it through a NOTIFY sent in the transaction).
 *
 * @param touches what the event changed, before and after it was applied
 * @param wholeView the active generation was replaced: every view of every forum may have changed
 */
public record ProjectionChanged(List<Touch> touches, boolean wholeView) {

    public ProjectionChanged {
        touches = List.copyOf(touches);
    }

    public static ProjectionChanged rebuilt() {
        return new ProjectionChanged(List.of(), true);
    }
}
