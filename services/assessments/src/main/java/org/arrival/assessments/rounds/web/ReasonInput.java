package org.arrival.assessments.rounds.web;

import jakarta.validation.constraints.Size;

/** Why a lifecycle step was taken; optional. */
public record ReasonInput(@Size(max = 2000) String reason) {

    public String text() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
