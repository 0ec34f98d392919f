package org.arrival.registry.apiclients.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.arrival.platform.web.NotFreeText;

/** A new API client: a name saying which system uses it, and its roles among member, org-editor, forum-coordinator. */
public record ApiClientInput(
        @NotBlank @Size(max = 80) String name,
        @NotFreeText @NotNull @Size(min = 1, max = 3) List<@NotBlank @Size(max = 40) String> roles) {}
