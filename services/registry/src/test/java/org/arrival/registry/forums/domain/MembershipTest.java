package org.arrival.registry.forums.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 31);

    private final Membership member =
            Membership.grant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), SeatType.MEMBER, JAN, DEC);

    @Test
    void grantedActiveAtVersionOne() {
        assertThat(member.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(member.version()).isEqualTo(1);
    }

    @Test
    void termMayNotEndBeforeItStarts() {
        assertThatThrownBy(() -> Membership.grant(
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), SeatType.MEMBER, DEC, JAN))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("termEnd");
        assertThatThrownBy(() -> member.change(SeatType.MEMBER, DEC, JAN)).isInstanceOf(InvalidInput.class);
        assertThat(Membership.grant(
                                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), SeatType.OBSERVER, JAN, JAN)
                        .termEnd())
                .isEqualTo(JAN);
        assertThat(Membership.grant(
                                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), SeatType.OBSERVER, null, JAN)
                        .termStart())
                .isNull();
    }

    @Test
    void changeReplacesSeatAndTermAndListsWhatChanged() {
        assertThat(member.changesTo(SeatType.CO_CHAIR, JAN, DEC)).containsExactly("seat");
        assertThat(member.changesTo(SeatType.MEMBER, JAN.plusDays(1), null)).containsExactly("termStart", "termEnd");
        assertThat(member.changesTo(SeatType.MEMBER, JAN, DEC)).isEmpty();
        Membership changed = member.change(SeatType.CO_CHAIR, JAN, DEC.plusYears(1));
        assertThat(changed.seat()).isEqualTo(SeatType.CO_CHAIR);
        assertThat(changed.termEnd()).isEqualTo(DEC.plusYears(1));
        assertThat(changed.version()).isEqualTo(2);
    }

    @Test
    void endingCutsTheTermShortAndHappensOnce() {
        Membership ended = member.end(LocalDate.of(2026, 6, 30));
        assertThat(ended.status()).isEqualTo(MembershipStatus.ENDED);
        assertThat(ended.termEnd()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(ended.version()).isEqualTo(2);
        assertThatThrownBy(() -> ended.end(LocalDate.of(2026, 7, 1))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> ended.change(SeatType.MEMBER, JAN, DEC)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void endingKeepsAnEarlierTermEndAndNeverEndsBeforeTheStart() {
        assertThat(member.end(LocalDate.of(2027, 3, 1)).termEnd()).isEqualTo(DEC);
        Membership future = Membership.grant(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                SeatType.MEMBER,
                LocalDate.of(2030, 1, 1),
                null);
        assertThat(future.end(JAN).termEnd()).isEqualTo(LocalDate.of(2030, 1, 1));
        Membership open =
                Membership.grant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), SeatType.MEMBER, null, null);
        assertThat(open.end(JAN).termEnd()).isEqualTo(JAN);
    }
}
