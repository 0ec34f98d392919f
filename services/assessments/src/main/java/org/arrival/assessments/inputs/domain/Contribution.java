package org.arrival.assessments.inputs.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.InputKind;
import org.arrival.platform.web.InvalidInput;

/**
 * An organisation's own record about a round or a need it does not own: what it observed or heard, who collected
 * it and how, when, and from how many people. Summaries only: contact details (an e-mail address, an
 * international phone number) are refused, as they point at individuals.
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
        Integer participants,
        DataClassification classification,
        List<UUID> sharedWithForums) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d \\-]{7,}\\d");

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
        if (EMAIL.matcher(summary).find() || PHONE.matcher(summary).find()) {
            throw InvalidInput.field("summary",
                    "must not contain contact details (e-mail addresses, phone numbers): summarise, do not identify");
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
