package org.arrival.contracts.forum;

import java.time.LocalDate;
import java.util.List;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/**
 * What a flag's {@code summary} says, as values a reader's language can word (the summary is its English wording):
 * the records it names with their kind and title, and, as the check has them, the sectors, population groups, area
 * names, checklist question and the late report's period, due date and days overdue. Every field is optional.
 *
 * @param records the records of {@link CoherenceFlag#recordIds()}, in the same order
 * @param areas the names of the places the finding is about
 * @param questionCode the checklist question of a gap, e.g. {@code 1.2.3}
 */
public record CoherenceFlagParameters(
        @Nullable List<FlaggedRecord> records,
        @Nullable List<Sector> sectors,
        @Nullable List<PopulationGroup> groups,
        @Nullable List<String> areas,
        @Nullable String questionCode,
        @Nullable LocalDate periodStart,
        @Nullable LocalDate periodEnd,
        @Nullable LocalDate dueOn,
        @Nullable Integer daysOverdue) {}
