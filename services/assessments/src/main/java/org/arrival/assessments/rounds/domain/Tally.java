package org.arrival.assessments.rounds.domain;

/** Points scored out of a maximum; points are rounded to three decimals (means of three answers are thirds). */
public record Tally(double points, int max) {

    public static Tally of(double points, int max) {
        return new Tally(Math.round(points * 1000) / 1000.0, max);
    }

    /** The share of the maximum scored, 0 to 1 (0 when there is nothing to score). */
    public double share() {
        return max == 0 ? 0 : points / max;
    }
}
