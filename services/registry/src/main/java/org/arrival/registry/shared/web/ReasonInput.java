package org.arrival.registry.shared.web;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Why a lifecycle step was taken; optional. */
public record ReasonInput(@Size(max = 2000) @Nullable String reason) {

    public @Nullable String text() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
