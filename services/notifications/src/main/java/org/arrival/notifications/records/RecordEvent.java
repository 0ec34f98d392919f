package org.arrival.notifications.records;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event read for routing: the record it is about and what the event says of it.
 *
 * @param record the record's facts from the payload ({@code full}) or a stub of the parent a child event is about
 * @param full whether {@code record} carries the record's full state (upsert) or only identifies it (insert if new)
 * @param relatedIds ids a subscription's filter of records may name: the record, the event's own subject
 *        (report, milestone, ...), its plan or round
 * @param actorOrg the organisation whose user caused the event, where the payload says
 * @param author the organisation that wrote a contribution or input about someone else's record (it reads what it
 *        wrote), else null
 * @param firewallOwner the owner the firewall decides for when it is not the record's owner (an input belongs to
 *        its contributor), else null
 * @param payload the parsed contract payload
 * @param namedIds every id the payload names anywhere (records, organisations, forums, the actor's organisation):
 *        whoever is told of the event is told of them too, and a webhook receives the payload as it is
 */
public record RecordEvent(
        KnownRecord record,
        boolean full,
        Set<UUID> relatedIds,
        @Nullable UUID actorOrg,
        @Nullable UUID author,
        @Nullable UUID firewallOwner,
        Object payload,
        Set<UUID> namedIds) {

    public RecordEvent {
        namedIds = namedIds == null ? Set.of() : Set.copyOf(namedIds);
    }

    public RecordEvent(
            KnownRecord record,
            boolean full,
            Set<UUID> relatedIds,
            @Nullable UUID actorOrg,
            @Nullable UUID author,
            @Nullable UUID firewallOwner,
            Object payload) {
        this(record, full, relatedIds, actorOrg, author, firewallOwner, payload, Set.of());
    }

    RecordEvent naming(Set<UUID> ids) {
        return new RecordEvent(record, full, relatedIds, actorOrg, author, firewallOwner, payload, ids);
    }
}
