package org.arrival.contracts.common;

import org.jspecify.annotations.Nullable;

/**
 * A place an organisation or forum acts for.
 *
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code UG}
 * @param subdivision ISO 3166-2 code, e.g. {@code UG-C}; optional
 * @param areaCode an administrative-area code below the subdivision (a P-code), e.g. {@code UG102}; optional
 * @param areaName human name of the most specific level, e.g. {@code Kampala}; optional
 */
public record Jurisdiction(
        String country,
        @Nullable String subdivision,
        @Nullable String areaCode,
        @Nullable String areaName) {}
