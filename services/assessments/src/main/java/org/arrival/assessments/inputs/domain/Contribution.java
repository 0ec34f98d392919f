package org.arrival.assessments.inputs.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.InputKind;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's own record about a round or a need it does not own: what it observed or heard, who collected
 * it and how, when, and from how many people. Summaries only: text that points at individuals (contact details,
 * document numbers, a date of birth) is refused before it gets here, by the platform's personal-data screen that
 * every free-text field of a request passes.
 */
public record Contribution(
        UUID id,
        UUID contributorId,
        SubjectType subjectType,
        UUID subjectId,
        InputKind kind,
        String summary,
        String provenance,
        LocalDate collectedOn,
        @Nullable Integer participants,
        DataClassification classification,
        List<UUID> sharedWithForums) {

    public Contribution {
        summary = summary == null || summary.isBlank() ? null : summary.strip();
        provenance = provenance == null || provenance.isBlank() ? null : provenance.strip();
        classification = classification == null ? DataClassification.FORUM : classification;
        sharedWithForums = sharedWithForums == null ? List.of() : List.copyOf(new LinkedHashSet<>(sharedWithForums));
    }

    /** Checks what a field constraint cannot; {@code today} bounds {@code collectedOn}. */
    public Contribution validated(LocalDate today) {
        if (subjectType == null || subjectId == null) {
            throw InvalidInput.field(subjectType == null ? "subjectType" : "subjectId", "is required");
        }
        if (kind == null) {
            throw InvalidInput.field("kind", "is required");
        }
        if (summary == null) {
            throw InvalidInput.field("summary", "must not be blank");
        }
        if (provenance == null) {
            throw InvalidInput.field("provenance", "say who collected it and how");
        }
        if (collectedOn == null) {
            throw InvalidInput.field("collectedOn", "is required");
        }
        if (collectedOn.isAfter(today)) {
            throw InvalidInput.field("collectedOn", "must not be in the future");
        }
        if (participants != null && participants < 0) {
            throw InvalidInput.field("participants", "must be 0 or more");
        }
        return this;
    }
}
