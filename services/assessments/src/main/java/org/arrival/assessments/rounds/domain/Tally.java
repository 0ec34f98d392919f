package org.arrival.assessments.rounds.domain;

import org.jspecify.annotations.Nullable;

/**
 * Points scored out of the instrument's maximum, and how much of it was assessed. A question nobody answered is not
 * assessed: it adds nothing to {@code points} nor to {@code assessedMax}, the maximum of the assessed questions
 * ({@code questionsAssessed} of {@code questions}). Points are rounded to three decimals (means of three answers are
 * thirds).
 */
public record Tally(double points, int max, int assessedMax, int questionsAssessed, int questions) {

    public static Tally of(double points, int max, int assessedMax, int questionsAssessed, int questions) {
        return new Tally(Math.round(points * 1000) / 1000.0, max, assessedMax, questionsAssessed, questions);
    }

    /** Whether any question was assessed. */
    public boolean assessed() {
        return questionsAssessed > 0;
    }

    /** The share of the assessed maximum scored, 0 to 1; null when nothing was assessed. */
    public @Nullable Double share() {
        return assessedMax == 0 ? null : points / assessedMax;
    }
}
