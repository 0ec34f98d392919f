package org.arrival.actionplans.funding.web;

import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.funding.application.FundingService.Funding;
import org.arrival.contracts.actionplans.FundingSummary;

/** An action's funding: its lines, and per currency the totals and the derived gap. */
public record FundingView(UUID actionId, List<FundingLineView> lines, List<FundingSummary> totals) {

    public static FundingView of(Funding f) {
        return new FundingView(
                f.actionId(), f.lines().stream().map(FundingLineView::of).toList(), f.totals());
    }
}
