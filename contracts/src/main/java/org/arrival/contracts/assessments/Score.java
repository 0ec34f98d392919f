package org.arrival.contracts.assessments;

import org.jspecify.annotations.Nullable;

/**
 * Points scored out of the maximum (Y = 2, S = 1, N = 0 per question), and how much of it was assessed. A question no
 * respondent answered is not assessed: it scores nothing and is no "no". {@code assessedMax} is the maximum of the
 * assessed questions, {@code questionsAssessed} of {@code questions} were assessed; the share to judge a score by is
 * {@code points / assessedMax}. The three are absent in events published before they existed.
 */
public record Score(
        double points,
        int max,
        @Nullable Integer assessedMax,
        @Nullable Integer questionsAssessed,
        @Nullable Integer questions) {}
