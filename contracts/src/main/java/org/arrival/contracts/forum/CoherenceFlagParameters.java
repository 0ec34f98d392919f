package org.arrival.contracts.forum;

import java.time.LocalDate;
import java.util.List;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/**
 * What a flag's {@code summary} says, as values a reader's language can word (the summary is its English wording):
 * the records it names with their kind and title and, as the check has them, the values it found. Every field is
 * optional.
 *
 * @param records the records of {@link CoherenceFlag#recordIds()}, in the same order; at most 20, the first 20 of a
 *        flag naming more (a group of overlapping actions), which {@code recordIds} names in full
 * @param areas the names of the places the finding is about, at most 50
 * @param questionCode the checklist question of a gap, e.g. {@code 1.2.3}
 * @param checklistAction the checklist action whose questions are gaps, e.g. {@code 3.3}
 * @param questionCodes the checklist questions a flag groups, in the instrument's order
 * @param frameworkItem the framework target a coverage gap is about, e.g. {@code GCM-15}
 * @param registered the registered population an undercount compares
 * @param estimated the estimated population an undercount compares
 * @param asOf the date of the latest evidence a stale-evidence flag found
 * @param limitDays the forum's threshold in days the finding exceeded (refresh interval, notice before an end)
 * @param missing what a record lacks: inclusion indicators ({@code MIGRANTS_NAMED}, {@code MIGRANTS_BUDGETED},
 *        {@code STAFF_TRAINED}) or breakdown dimensions ({@code SEX}, {@code AGE}, {@code DISABILITY}, ...)
 * @param recommendationCode the checklist recommendation a regression is about, e.g. {@code R2}
 * @param percentBefore the earlier round's score, in percent of the points of the questions both rounds assessed
 * @param percentAfter the later round's score, on the same questions
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
        @Nullable Integer daysOverdue,
        @Nullable String checklistAction,
        @Nullable List<String> questionCodes,
        @Nullable String frameworkItem,
        @Nullable Long registered,
        @Nullable Long estimated,
        @Nullable LocalDate asOf,
        @Nullable Integer limitDays,
        @Nullable List<String> missing,
        @Nullable String recommendationCode,
        @Nullable Integer percentBefore,
        @Nullable Integer percentAfter) {

    /** The parameters as producers wrote them before the checks of policy coherence were added. */
    public CoherenceFlagParameters(
            @Nullable List<FlaggedRecord> records,
            @Nullable List<Sector> sectors,
            @Nullable List<PopulationGroup> groups,
            @Nullable List<String> areas,
            @Nullable String questionCode,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            @Nullable LocalDate dueOn,
            @Nullable Integer daysOverdue) {
        this(
                records,
                sectors,
                groups,
                areas,
                questionCode,
                periodStart,
                periodEnd,
                dueOn,
                daysOverdue,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Parameters naming these records, to be completed with the {@code with} methods. */
    public static CoherenceFlagParameters naming(List<FlaggedRecord> records) {
        return new CoherenceFlagParameters(List.copyOf(records), null, null, null, null, null, null, null, null);
    }

    public CoherenceFlagParameters withPlace(
            @Nullable List<Sector> sectors, @Nullable List<PopulationGroup> groups, @Nullable List<String> areas) {
        Values v = values();
        v.sectors = sectors;
        v.groups = groups;
        v.areas = areas;
        return v.parameters();
    }

    public CoherenceFlagParameters withQuestion(@Nullable String questionCode) {
        Values v = values();
        v.questionCode = questionCode;
        return v.parameters();
    }

    /** The period of a report due, its due date and how late it is. */
    public CoherenceFlagParameters withReport(
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            @Nullable LocalDate dueOn,
            @Nullable Integer daysOverdue) {
        Values v = values();
        v.periodStart = periodStart;
        v.periodEnd = periodEnd;
        v.dueOn = dueOn;
        v.daysOverdue = daysOverdue;
        return v.parameters();
    }

    public CoherenceFlagParameters withChecklist(
            @Nullable String checklistAction,
            @Nullable List<String> questionCodes,
            @Nullable String recommendationCode) {
        Values v = values();
        v.checklistAction = checklistAction;
        v.questionCodes = questionCodes;
        v.recommendationCode = recommendationCode;
        return v.parameters();
    }

    public CoherenceFlagParameters withFrameworkItem(String frameworkItem) {
        Values v = values();
        v.frameworkItem = frameworkItem;
        return v.parameters();
    }

    public CoherenceFlagParameters withCounts(@Nullable Long registered, @Nullable Long estimated) {
        Values v = values();
        v.registered = registered;
        v.estimated = estimated;
        return v.parameters();
    }

    public CoherenceFlagParameters withDates(@Nullable LocalDate asOf, @Nullable Integer limitDays) {
        Values v = values();
        v.asOf = asOf;
        v.limitDays = limitDays;
        return v.parameters();
    }

    public CoherenceFlagParameters withMissing(List<String> missing) {
        Values v = values();
        v.missing = List.copyOf(missing);
        return v.parameters();
    }

    public CoherenceFlagParameters withPercents(@Nullable Integer percentBefore, @Nullable Integer percentAfter) {
        Values v = values();
        v.percentBefore = percentBefore;
        v.percentAfter = percentAfter;
        return v.parameters();
    }

    private Values values() {
        return new Values(this);
    }

    /** The parameters as fields, for the {@code with} methods to change some and keep the others. */
    private static final class Values {
        @Nullable
        List<FlaggedRecord> records;

        @Nullable
        List<Sector> sectors;

        @Nullable
        List<PopulationGroup> groups;

        @Nullable
        List<String> areas;

        @Nullable
        String questionCode;

        @Nullable
        LocalDate periodStart;

        @Nullable
        LocalDate periodEnd;

        @Nullable
        LocalDate dueOn;

        @Nullable
        Integer daysOverdue;

        @Nullable
        String checklistAction;

        @Nullable
        List<String> questionCodes;

        @Nullable
        String frameworkItem;

        @Nullable
        Long registered;

        @Nullable
        Long estimated;

        @Nullable
        LocalDate asOf;

        @Nullable
        Integer limitDays;

        @Nullable
        List<String> missing;

        @Nullable
        String recommendationCode;

        @Nullable
        Integer percentBefore;

        @Nullable
        Integer percentAfter;

        Values(CoherenceFlagParameters p) {
            records = p.records;
            sectors = p.sectors;
            groups = p.groups;
            areas = p.areas;
            questionCode = p.questionCode;
            periodStart = p.periodStart;
            periodEnd = p.periodEnd;
            dueOn = p.dueOn;
            daysOverdue = p.daysOverdue;
            checklistAction = p.checklistAction;
            questionCodes = p.questionCodes;
            frameworkItem = p.frameworkItem;
            registered = p.registered;
            estimated = p.estimated;
            asOf = p.asOf;
            limitDays = p.limitDays;
            missing = p.missing;
            recommendationCode = p.recommendationCode;
            percentBefore = p.percentBefore;
            percentAfter = p.percentAfter;
        }

        CoherenceFlagParameters parameters() {
            return new CoherenceFlagParameters(
                    records,
                    sectors,
                    groups,
                    areas,
                    questionCode,
                    periodStart,
                    periodEnd,
                    dueOn,
                    daysOverdue,
                    checklistAction,
                    questionCodes,
                    frameworkItem,
                    registered,
                    estimated,
                    asOf,
                    limitDays,
                    missing,
                    recommendationCode,
                    percentBefore,
                    percentAfter);
        }
    }
}
