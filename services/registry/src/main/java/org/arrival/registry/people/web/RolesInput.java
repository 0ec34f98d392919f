package org.arrival.registry.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.arrival.platform.web.NotFreeText;

/** The roles a person of the organisation holds from now on (every other platform role of theirs is taken). */
public record RolesInput(
        @NotFreeText @NotNull @Size(min = 1, max = 4) List<@NotBlank @Size(max = 40) String> roles) {}
