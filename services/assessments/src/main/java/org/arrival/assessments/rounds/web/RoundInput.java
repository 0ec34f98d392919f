package org.arrival.assessments.rounds.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.rounds.domain.RoundProfile;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.web.NotFreeText;
import org.jspecify.annotations.Nullable;

/** A round as sent to create a draft or to replace a draft's profile. */
public record RoundInput(
        @NotBlank @Size(max = RoundProfile.MAX_TITLE) String title,
        @NotNull @Valid PlaceInput jurisdiction,
        @NotNull UUID convenorId,

        @NotNull @Size(min = 1, max = RoundProfile.MAX_RESPONDENTS)
        List<@NotNull UUID> respondentIds,

        LocalDate closesOn,
        @Size(max = 50) List<@NotNull UUID> sharedWithForums) {

    public RoundProfile toProfile() {
        return new RoundProfile(
                title, jurisdiction.toJurisdiction(), convenorId, respondentIds, closesOn, sharedWithForums);
    }

    /** The place assessed: ISO 3166 country and subdivision codes, and an optional lower administrative area. */
    public record PlaceInput(
            @NotFreeText
            @NotBlank
            @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as UG")
            String country,

            @NotFreeText
            @Pattern(regexp = "^[A-Z]{2}-[A-Z0-9]{1,3}$", message = "must be an ISO 3166-2 code such as UG-C")
            String subdivision,

            @NotFreeText @Size(max = 32) String areaCode,
            @Size(max = 200) String areaName) {

        Jurisdiction toJurisdiction() {
            return new Jurisdiction(country, blank(subdivision), blank(areaCode), blank(areaName));
        }

        private static @Nullable String blank(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
