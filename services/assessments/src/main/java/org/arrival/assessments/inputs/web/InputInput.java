package org.arrival.assessments.inputs.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.inputs.domain.Contribution;
import org.arrival.assessments.inputs.domain.SubjectType;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.InputKind;
import org.jspecify.annotations.Nullable;

/** An input as sent: about which round or need, what kind, the summary and its provenance. */
public record InputInput(
        @NotNull SubjectType subjectType,
        @NotNull UUID subjectId,
        @NotNull InputKind kind,
        @NotBlank @Size(max = 4000) String summary,
        @NotBlank @Size(max = 1000) String provenance,
        @NotNull LocalDate collectedOn,
        @PositiveOrZero @Nullable Integer participants,
        DataClassification classification,
        @Size(max = 50) List<@NotNull UUID> sharedWithForums) {

    /** The input as a contribution, once the service has given it an id and knows who contributes it. */
    public Contribution toContribution(UUID id, UUID contributorId) {
        return new Contribution(
                id,
                contributorId,
                subjectType,
                subjectId,
                kind,
                summary,
                provenance,
                collectedOn,
                participants,
                classification,
                sharedWithForums);
    }
}
