package org.arrival.platform.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.arrival.contracts.common.Jurisdiction;
import org.jspecify.annotations.Nullable;

/**
 * An area in a request: ISO 3166 country (required) and subdivision codes, and an optional lower area. The codes
 * are not text people write, so the personal-data screen leaves them alone; the area's name is screened.
 */
public record AreaInput(
        @NotFreeText @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as UG")
        String country,

        @NotFreeText
        @Pattern(regexp = "^[A-Z]{2}-[A-Z0-9]{1,3}$", message = "must be an ISO 3166-2 code such as UG-C")
        @Nullable
        String subdivision,

        @NotFreeText @Size(max = 32) @Nullable String areaCode,
        @Size(max = 200) @Nullable String areaName) {

    public Jurisdiction toJurisdiction() {
        return new Jurisdiction(country, blankToNull(subdivision), blankToNull(areaCode), blankToNull(areaName));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
