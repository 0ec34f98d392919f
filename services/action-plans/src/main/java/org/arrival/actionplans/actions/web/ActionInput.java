package org.arrival.actionplans.actions.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.actions.domain.ActionDetails;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.web.AreaInput;
import org.arrival.platform.web.NotFreeText;

/**
 * An action as sent to record or edit it; its status moves through {@code POST /actions/{id}/status}. Title,
 * description and area names are free text and pass the personal-data screen; framework items are codes. The
 * orientation (humanitarian, development, peacebuilding or nexus) is optional, and an edit without it removes it.
 */
public record ActionInput(
        UUID planId,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 4000) String description,
        @NotNull ActionKind kind,
        ActionOrientation orientation,
        @NotEmpty @Size(max = 25) List<@NotNull Sector> sectors,
        @Size(max = 15) List<@NotNull PopulationGroup> targetGroups,
        @Size(max = 50) List<@NotNull @Valid AreaInput> areas,
        LocalDate startDate,
        LocalDate endDate,
        @NotNull ReportingCadence reportingCadence,
        @Size(max = 100) List<@NotNull @Valid ParticipantInput> participants,
        UUID implementsActionId,
        Boolean requiresLocalImplementation,
        @Size(max = 500) List<@NotNull UUID> expectedImplementers,
        @Min(1) @Max(100) Integer weight,
        @Size(max = 200) List<@NotNull UUID> needIds,
        @Size(max = 200) List<@NotNull UUID> gapIds,

        @NotFreeText @Size(max = 50)
        List<
                        @NotNull
                        @Pattern(
                                regexp =
                                        "^(SDG-[0-9]{1,2}\\.[0-9a-z]{1,2}|GCM-([1-9]|1[0-9]|2[0-3])|GCR-[A-Z0-9.-]{1,20}|UNH-R([1-9]|10)(\\.[0-9])?|NUA-[0-9]{1,3})$",
                                message =
                                        "must be a framework code such as SDG-11.1, GCM-15, GCR-SELF-RELIANCE, UNH-R2.1 or NUA-28")
                        String>
                frameworkItems,

        DataClassification classification,
        @Size(max = 50) List<@NotNull UUID> sharedWithForums) {

    public ActionDetails toDetails() {
        return new ActionDetails(
                planId,
                title,
                description,
                kind,
                orientation,
                sectors,
                targetGroups,
                areas == null
                        ? List.of()
                        : areas.stream().map(AreaInput::toJurisdiction).toList(),
                startDate,
                endDate,
                reportingCadence,
                participants == null
                        ? List.of()
                        : participants.stream()
                                .map(ParticipantInput::toParticipant)
                                .toList(),
                implementsActionId,
                Boolean.TRUE.equals(requiresLocalImplementation),
                expectedImplementers,
                weight,
                needIds,
                gapIds,
                frameworkItems,
                classification,
                sharedWithForums);
    }
}
