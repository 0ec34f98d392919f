package org.arrival.contracts.registry;

/** Whether an organisation is a registered legal entity; informal groups take part too. */
public enum FormalStatus {
    REGISTERED_LEGAL_ENTITY,
    INFORMAL,
    UNDISCLOSED
}
