package org.arrival.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.arrival.contracts.DataClassification;
import org.jspecify.annotations.Nullable;

/** What decides who may read a record: its owner, its classification and the forums it is shared with. */
public record RecordScope(@Nullable UUID owner, DataClassification classification, List<UUID> forums) {

    public RecordScope {
        forums = forums == null ? List.of() : List.copyOf(forums);
    }

    public static RecordScope of(@Nullable UUID owner, DataClassification classification, Collection<UUID> forums) {
        return new RecordScope(owner, classification, forums == null ? List.of() : List.copyOf(forums));
    }

    /**
     * The classification of something derived from these records, such as an event about a flag that names them:
     * the one with the narrowest audience among theirs (PUBLIC, then FORUM, then RESTRICTED, which leaves out
     * enforcement bodies, then ORGANISATION, the owner alone), and at least RESTRICTED when one belongs to an
     * organisation hidden from enforcement bodies, so that no enforcement body is told of it.
     */
    public static DataClassification strictest(
            DataClassification floor, Collection<RecordScope> sources, Predicate<UUID> hiddenFromEnforcementBodies) {
        DataClassification result = floor;
        for (RecordScope source : sources) {
            DataClassification c = source.classification();
            if (hiddenFromEnforcementBodies.test(source.owner())
                    && narrowness(c) < narrowness(DataClassification.RESTRICTED)) {
                c = DataClassification.RESTRICTED;
            }
            if (narrowness(c) > narrowness(result)) {
                result = c;
            }
        }
        return result;
    }

    /** How few may read a classification: ORGANISATION is narrower than RESTRICTED, which is narrower than FORUM. */
    private static int narrowness(DataClassification c) {
        return switch (c) {
            case PUBLIC -> 0;
            case FORUM -> 1;
            case RESTRICTED -> 2;
            case ORGANISATION -> 3;
        };
    }
}
