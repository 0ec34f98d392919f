package org.arrival.registry.shared.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.web.NotFreeText;

/** A place in a request: ISO 3166 country and subdivision codes, and an optional lower administrative area. */
public record PlaceInput(
        @NotFreeText @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as UG") String country,
        @NotFreeText @Pattern(regexp = "^[A-Z]{2}-[A-Z0-9]{1,3}$", message = "must be an ISO 3166-2 code such as UG-C") String subdivision,
        @NotFreeText @Size(max = 32) String areaCode,
        @Size(max = 200) String areaName) {

    public Jurisdiction toJurisdiction() {
        return new Jurisdiction(country, subdivision, areaCode, areaName);
    }
}
