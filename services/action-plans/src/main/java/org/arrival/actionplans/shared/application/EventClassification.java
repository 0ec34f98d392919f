package org.arrival.actionplans.shared.application;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.security.RecordScope;

/**
 * The classification of an event that names other organisations (an action's participants and expected
 * implementers, the owners of the needs it answers, the sources of an action's funding). Events go wherever the
 * record may be read, webhooks of enforcement bodies included, and carry ids as they are; so when one of the
 * organisations named is hidden from enforcement bodies, the event is published as at least {@code RESTRICTED}
 * ({@link RecordScope#strictest}) and no enforcement body is told of it. An {@code ORGANISATION} record stays
 * {@code ORGANISATION}: enforcement bodies never see it either, and forum members, who may read {@code RESTRICTED}
 * records shared with their forum, must not see it.
 */
public final class EventClassification {

    private EventClassification() {}

    public static DataClassification naming(
            DataClassification record,
            Collection<UUID> organisations,
            List<UUID> forums,
            Predicate<UUID> hiddenFromEnforcementBodies) {
        if (record == DataClassification.ORGANISATION || organisations.isEmpty()) {
            return record;
        }
        List<RecordScope> named = organisations.stream()
                .map(o -> RecordScope.of(o, record, forums))
                .toList();
        return RecordScope.strictest(record, named, hiddenFromEnforcementBodies);
    }
}
