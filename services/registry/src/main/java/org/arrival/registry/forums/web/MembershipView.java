package org.arrival.registry.forums.web;

import java.time.LocalDate;
import java.util.UUID;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.registry.forums.domain.Membership;
import org.jspecify.annotations.Nullable;

/** A membership as the API shows it. */
public record MembershipView(
        UUID id,
        long version,
        UUID forumId,
        UUID stakeholderId,
        SeatType seat,
        @Nullable LocalDate termStart,
        @Nullable LocalDate termEnd,
        MembershipStatus status) {

    public static MembershipView of(Membership m) {
        return new MembershipView(
                m.id(), m.version(), m.forumId(), m.stakeholderId(), m.seat(), m.termStart(), m.termEnd(), m.status());
    }
}
