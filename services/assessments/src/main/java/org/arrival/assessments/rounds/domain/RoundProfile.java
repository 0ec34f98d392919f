package org.arrival.assessments.rounds.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What the convenor decides about a round while it is a draft: its title, the place it assesses, who answers, when
 * it closes and which forums it is shared with.
 */
public record RoundProfile(
        String title,
        Jurisdiction jurisdiction,
        UUID convenorId,
        List<UUID> respondentIds,
        LocalDate closesOn,
        List<UUID> sharedWithForums) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_RESPONDENTS = 50;

    public RoundProfile {
        Objects.requireNonNull(convenorId, "convenorId");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        title = title == null ? null : title.strip();
        if (title == null || title.isEmpty()) {
            throw InvalidInput.field("title", "must not be blank");
        }
        if (title.length() > MAX_TITLE) {
            throw InvalidInput.field("title", "must be at most " + MAX_TITLE + " characters");
        }
        if (jurisdiction.country() == null || !jurisdiction.country().matches("^[A-Z]{2}$")) {
            throw InvalidInput.field("jurisdiction.country", "must be an ISO 3166-1 alpha-2 code such as UG");
        }
        respondentIds = respondentIds == null ? List.of() : List.copyOf(respondentIds);
        if (respondentIds.isEmpty() || respondentIds.size() > MAX_RESPONDENTS) {
            throw InvalidInput.field("respondentIds", "must name between 1 and " + MAX_RESPONDENTS + " organisations");
        }
        if (new HashSet<>(respondentIds).size() != respondentIds.size()) {
            throw InvalidInput.field("respondentIds", "must not name an organisation twice");
        }
        sharedWithForums =
                sharedWithForums == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(sharedWithForums));
    }

    public boolean hasRespondent(@Nullable UUID organisation) {
        return organisation != null && respondentIds.contains(organisation);
    }

    public boolean sharedWithAny(Set<UUID> forums) {
        return sharedWithForums.stream().anyMatch(forums::contains);
    }

    /** The names of the fields that differ from another profile, in a stable order. */
    public List<String> changedFrom(RoundProfile other) {
        List<String> changed = new ArrayList<>();
        if (!title.equals(other.title)) {
            changed.add("title");
        }
        if (!jurisdiction.equals(other.jurisdiction)) {
            changed.add("jurisdiction");
        }
        if (!convenorId.equals(other.convenorId)) {
            changed.add("convenorId");
        }
        if (!respondentIds.equals(other.respondentIds)) {
            changed.add("respondentIds");
        }
        if (!Objects.equals(closesOn, other.closesOn)) {
            changed.add("closesOn");
        }
        if (!sharedWithForums.equals(other.sharedWithForums)) {
            changed.add("sharedWithForums");
        }
        return changed;
    }
}
