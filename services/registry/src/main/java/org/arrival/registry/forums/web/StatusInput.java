package org.arrival.registry.forums.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.arrival.contracts.registry.ForumStatus;
import org.jspecify.annotations.Nullable;

/** A forum's next lifecycle status, with an optional reason. */
public record StatusInput(
        @NotNull ForumStatus status,
        @Size(max = 2000) @Nullable String reason) {}
