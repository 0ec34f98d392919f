package org.arrival.assessments.rounds.web;

import org.arrival.assessments.rounds.domain.Tally;
import org.jspecify.annotations.Nullable;

/**
 * A score with its coverage. A question nobody answered is not assessed: it is neither a "no" nor a gap.
 *
 * @param points the points scored (Y 2, S 1, N 0 per question; a question's points are the mean of its answers)
 * @param max the instrument's maximum for these questions, assessed or not
 * @param assessedMax the maximum of the assessed questions
 * @param questionsAssessed how many of the questions were assessed
 * @param questions how many questions the score covers
 * @param share {@code points / assessedMax}, 0 to 1, rounded to three decimals; null when nothing was assessed
 */
public record ScoreView(
        double points,
        int max,
        int assessedMax,
        int questionsAssessed,
        int questions,
        @Nullable Double share) {

    public static ScoreView of(Tally t) {
        Double share = t.share();
        return new ScoreView(
                t.points(),
                t.max(),
                t.assessedMax(),
                t.questionsAssessed(),
                t.questions(),
                share == null ? null : Math.round(share * 1000) / 1000.0);
    }
}
