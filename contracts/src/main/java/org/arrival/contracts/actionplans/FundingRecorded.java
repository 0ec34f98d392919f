package org.arrival.contracts.actionplans;

import java.util.List;
import org.arrival.contracts.common.Actor;

/** A funding line was recorded or changed; the action's totals and gap per currency follow. */
public record FundingRecorded(FundingLine line, List<FundingSummary> totals, Actor actor) {}
