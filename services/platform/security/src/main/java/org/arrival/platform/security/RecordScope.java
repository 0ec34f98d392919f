package org.arrival.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.arrival.contracts.DataClassification;

/** What decides who may read a record: its owner, its classification and the forums it is shared with. */
public record RecordScope(UUID owner, DataClassification classification, List<UUID> forums) {

    public RecordScope {
        forums = forums == null ? List.of() : List.copyOf(forums);
    }

    public static RecordScope of(UUID owner, DataClassification classification, Collection<UUID> forums) {
        return new RecordScope(owner, classification, forums == null ? List.of() : List.copyOf(forums));
    }

    /**
     * The classification of something derived from these records, such as an event about a flag that names them:
     * the most protected of theirs, and at least RESTRICTED when one belongs to an organisation hidden from
     * enforcement bodies, so that no enforcement body is told of it.
     */
    public static DataClassification strictest(DataClassification floor, Collection<RecordScope> sources,
            Predicate<UUID> hiddenFromEnforcementBodies) {
        DataClassification result = floor;
        for (RecordScope source : sources) {
            DataClassification c = source.classification();
            if (hiddenFromEnforcementBodies.test(source.owner())) {
                c = DataClassification.RESTRICTED;
            }
            if (c.isMoreProtectedThan(result)) {
                result = c;
            }
        }
        return result;
    }
}
