package org.arrival.contracts.registry;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An organisation's seat in a forum for a term, as carried by every membership event. */
public record Membership(
        UUID membershipId,
        long version,
        UUID forumId,
        UUID stakeholderId,
        SeatType seat,
        @Nullable LocalDate termStart,
        @Nullable LocalDate termEnd,
        MembershipStatus status) {}
