package org.arrival.contracts.registry;

import java.util.UUID;

/** Whether an organisation seated in the forum attended a meeting. */
public record Attendance(UUID stakeholderId, AttendanceStatus status) {}
