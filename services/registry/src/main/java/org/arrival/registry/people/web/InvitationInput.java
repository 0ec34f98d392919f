package org.arrival.registry.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.arrival.platform.web.NotFreeText;
import org.jspecify.annotations.Nullable;

/** A colleague to invite: their work e-mail address, optionally their name, and the roles they start with. */
public record InvitationInput(
        @NotFreeText
        @NotBlank
        @Size(max = 254)
        @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address")
        String email,

        @Size(max = 100) @Nullable String firstName,
        @Size(max = 100) @Nullable String lastName,
        @NotFreeText @NotNull @Size(min = 1, max = 4) List<@NotBlank @Size(max = 40) String> roles) {}
