package org.arrival.contracts.registry;

/** The seat an organisation holds in a forum. */
public enum SeatType {
    CHAIR,
    CO_CHAIR,
    SECRETARIAT,
    MEMBER,
    OBSERVER,
    ELECTED_MIGRANT_REPRESENTATIVE,
    ELECTED_OFFICIAL,
    TECHNICAL_ADVISER
}
