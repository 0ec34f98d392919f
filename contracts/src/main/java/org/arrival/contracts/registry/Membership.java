package org.arrival.contracts.registry;

import java.time.LocalDate;
import java.util.UUID;

/** An organisation's seat in a forum for a term, as carried by every membership event. */
public record Membership(
        UUID membershipId,
        long version,
        UUID forumId,
        UUID stakeholderId,
        SeatType seat,
        LocalDate termStart,
        LocalDate termEnd,
        MembershipStatus status) {
}
