package org.arrival.contracts.actionplans;

import java.util.UUID;

/** Another organisation taking part in an action in a role. */
public record Participant(UUID organisationId, ParticipantRole role) {}
