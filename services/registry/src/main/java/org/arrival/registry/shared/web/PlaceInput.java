package org.arrival.registry.shared.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.web.NotFreeText;
import org.arrival.registry.shared.Text;
import org.jspecify.annotations.Nullable;

/** A place in a request: ISO 3166 country and subdivision codes, and an optional lower administrative area. */
public record PlaceInput(
        @NotFreeText
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as UG")
        @Nullable
        String country,

        @NotFreeText
        @Pattern(regexp = "^[A-Z]{2}-[A-Z0-9]{1,3}$", message = "must be an ISO 3166-2 code such as UG-C")
        @Nullable
        String subdivision,

        @NotFreeText @Size(max = 32) @Nullable String areaCode,
        @Size(max = 200) @Nullable String areaName) {

    /**
     * The place, normalised as the registry stores it; absent when no part is given. A part given without the
     * country is refused, naming the request field {@code field}.
     */
    public @Nullable Jurisdiction toJurisdiction(String field) {
        return Text.jurisdiction(country, subdivision, areaCode, areaName, field);
    }
}
