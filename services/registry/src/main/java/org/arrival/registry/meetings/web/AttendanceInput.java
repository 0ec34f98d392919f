package org.arrival.registry.meetings.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.registry.AttendanceStatus;

/** Who was at the meeting: one row per seated organisation named. */
public record AttendanceInput(
        @NotNull @Size(max = 500) @Valid List<@NotNull Row> attendance) {

    public record Row(@NotNull UUID stakeholderId, @NotNull AttendanceStatus status) {}
}
