package org.arrival.actionplans.contributions.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.arrival.actionplans.contributions.persistence.ContributionRepository.StoredContribution;
import org.arrival.contracts.actionplans.ContributionKind;

/** A contribution as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContributionView(
        UUID id, UUID actionId, UUID contributorId, ContributionKind kind, String text, Instant createdAt) {

    public static ContributionView of(StoredContribution s) {
        var c = s.contribution();
        return new ContributionView(c.id(), c.actionId(), c.contributorId(), c.kind(), c.text(), s.createdAt());
    }
}
