package org.arrival.registry.meetings.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.registry.meetings.domain.Decision;
import org.arrival.registry.meetings.domain.Meeting;
import org.arrival.registry.meetings.persistence.AgendaProposalRepository.StoredProposal;
import org.arrival.registry.meetings.persistence.AssignmentRepository.StoredAssignment;
import org.jspecify.annotations.Nullable;

/** Records as a reader is shown them (the firewall already applied), with the organisations' names. */
public final class Reads {

    private Reads() {}

    public record MeetingRead(Meeting meeting, List<DecisionRead> decisions, Map<UUID, String> names) {}

    public record DecisionRead(Decision decision, List<StoredAssignment> assignments, Map<UUID, String> names) {}

    public record ProposalRead(
            StoredProposal proposal, @Nullable UUID takenUpByMeetingId) {}
}
