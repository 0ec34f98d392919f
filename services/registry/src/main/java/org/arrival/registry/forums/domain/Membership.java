package org.arrival.registry.forums.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.arrival.registry.shared.FieldChanges;
import org.jspecify.annotations.Nullable;

/** An organisation's seat in a forum for a term; it ends when the organisation leaves or is removed. */
public record Membership(
        UUID id,
        long version,
        UUID forumId,
        UUID stakeholderId,
        SeatType seat,
        @Nullable LocalDate termStart,
        @Nullable LocalDate termEnd,
        MembershipStatus status) {

    public static Membership grant(
            UUID id,
            UUID forumId,
            UUID stakeholderId,
            SeatType seat,
            @Nullable LocalDate termStart,
            @Nullable LocalDate termEnd) {
        checkTerm(termStart, termEnd);
        return new Membership(id, 1, forumId, stakeholderId, seat, termStart, termEnd, MembershipStatus.ACTIVE);
    }

    public Membership change(SeatType newSeat, @Nullable LocalDate newStart, @Nullable LocalDate newEnd) {
        requireActive("changed");
        checkTerm(newStart, newEnd);
        return new Membership(id, version + 1, forumId, stakeholderId, newSeat, newStart, newEnd, status);
    }

    /** Ends the membership on {@code day}; the term is cut short to that day. */
    public Membership end(LocalDate day) {
        requireActive("ended");
        LocalDate end = termEnd == null || termEnd.isAfter(day) ? day : termEnd;
        if (termStart != null && end.isBefore(termStart)) {
            end = termStart;
        }
        return new Membership(id, version + 1, forumId, stakeholderId, seat, termStart, end, MembershipStatus.ENDED);
    }

    public java.util.List<String> changesTo(
            SeatType newSeat, @Nullable LocalDate newStart, @Nullable LocalDate newEnd) {
        return new FieldChanges()
                .compare("seat", seat, newSeat)
                .compare("termStart", termStart, newStart)
                .compare("termEnd", termEnd, newEnd)
                .list();
    }

    private void requireActive(String verb) {
        if (status != MembershipStatus.ACTIVE) {
            throw new RuleViolation("A membership that has ended cannot be " + verb);
        }
    }

    private static void checkTerm(@Nullable LocalDate start, @Nullable LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw InvalidInput.field("termEnd", "must not be before termStart");
        }
    }
}
