package org.arrival.contracts.registry;

import java.util.UUID;

/** An organisation that did not agree with a decision, and why, recorded with the decision. */
public record Dissent(UUID stakeholderId, String reason) {}
