package org.arrival.contracts.registry;

/** Whether a seated organisation was at a meeting. */
public enum AttendanceStatus {
    PRESENT,
    APOLOGIES,
    ABSENT
}
