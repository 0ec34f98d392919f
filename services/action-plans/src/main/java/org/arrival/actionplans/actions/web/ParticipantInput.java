package org.arrival.actionplans.actions.web;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.contracts.actionplans.ParticipantRole;

/** Another organisation taking part in the action, and how. */
public record ParticipantInput(
        @NotNull UUID organisationId, @NotNull ParticipantRole role) {

    public Participant toParticipant() {
        return new Participant(organisationId, role);
    }
}
