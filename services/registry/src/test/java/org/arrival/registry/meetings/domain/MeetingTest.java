package org.arrival.registry.meetings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.Attendance;
import org.arrival.contracts.registry.AttendanceStatus;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.contracts.registry.ReferencedRecordKind;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class MeetingTest {

    private static final MeetingDetails DETAILS =
            MeetingDetails.of(" Quarterly meeting ", LocalDate.parse("2026-11-20"), "09:30", " ", null);

    private static AgendaItem item(String title) {
        return new AgendaItem(
                UUID.randomUUID(),
                title,
                null,
                List.of(new RecordReference(ReferencedRecordKind.NEED, UUID.randomUUID())),
                null);
    }

    private static Meeting scheduled() {
        return Meeting.schedule(UUID.randomUUID(), UUID.randomUUID(), DETAILS, List.of(item("Escorts")));
    }

    @Test
    void detailsAreTrimmedAndChecked() {
        assertThat(DETAILS.title()).isEqualTo("Quarterly meeting");
        assertThat(DETAILS.place()).isNull();
        assertThatThrownBy(() -> MeetingDetails.of("x", LocalDate.parse("2026-11-20"), "9:30", null, null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("startTime");
        assertThatThrownBy(() ->
                        MeetingDetails.of("x", LocalDate.parse("2026-11-20"), null, null, "http://meet.example.org"))
                .hasMessageContaining("onlineLink");
        assertThatThrownBy(() -> MeetingDetails.of(" ", LocalDate.parse("2026-11-20"), null, null, null))
                .hasMessageContaining("title");
    }

    @Test
    void aMeetingIsHeldThenItsMinutesApprovedAndThenItIsFinal() {
        Meeting m = scheduled();
        assertThatThrownBy(() -> m.writeMinutes("too early")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(m::requireHeld).isInstanceOf(RuleViolation.class);
        Meeting held = m.moveTo(MeetingStatus.HELD, null).writeMinutes(" Agreed. ");
        assertThat(held.version()).isEqualTo(3);
        assertThat(held.minutes()).isEqualTo("Agreed.");
        held.requireHeld();
        Meeting approved = held.moveTo(MeetingStatus.MINUTES_APPROVED, null);
        assertThat(approved.status()).isEqualTo(MeetingStatus.MINUTES_APPROVED);
        assertThatThrownBy(() -> approved.attend(List.of())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> approved.revise(DETAILS, List.of())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> approved.moveTo(MeetingStatus.CANCELLED, "late"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("MINUTES_APPROVED");
    }

    @Test
    void onlyAScheduledMeetingIsCancelledAndOnlyWithAReason() {
        Meeting m = scheduled();
        assertThatThrownBy(() -> m.moveTo(MeetingStatus.CANCELLED, " "))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> m.moveTo(MeetingStatus.MINUTES_APPROVED, null)).isInstanceOf(RuleViolation.class);
        Meeting cancelled = m.moveTo(MeetingStatus.CANCELLED, "flooded");
        assertThat(cancelled.cancellationReason()).isEqualTo("flooded");
        assertThatThrownBy(() -> cancelled.moveTo(MeetingStatus.HELD, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> m.moveTo(MeetingStatus.HELD, null).moveTo(MeetingStatus.CANCELLED, "x"))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void anAgendaItemKeepsItsIdWhileItsTitleStays() {
        Meeting m = scheduled();
        UUID kept = m.agenda().get(0).itemId();
        Meeting revised = m.revise(DETAILS, List.of(item("Housing"), item("Escorts")));
        assertThat(revised.agenda()).extracting(AgendaItem::title).containsExactly("Housing", "Escorts");
        assertThat(revised.agenda().get(1).itemId()).isEqualTo(kept);
        assertThat(m.changesTo(DETAILS, revised.agenda())).containsExactly("agenda");
        assertThat(m.changesTo(DETAILS, m.agenda())).isEmpty();
        Meeting attended = revised.attend(List.of(new Attendance(UUID.randomUUID(), AttendanceStatus.PRESENT)));
        assertThat(attended.attendance()).hasSize(1);
    }
}
