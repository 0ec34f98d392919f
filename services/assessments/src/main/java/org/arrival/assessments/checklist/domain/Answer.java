package org.arrival.assessments.checklist.domain;

/**
 * A respondent's answer to one checklist question, scored as the Guide's key prescribes:
 * yes = 2, sometimes / maybe / to some extent = 1, no = 0.
 */
public enum Answer {

    /** Yes. */
    Y(2),
    /** Sometimes, maybe, or to some extent. */
    S(1),
    /** No. */
    N(0);

    private final int points;

    Answer(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }

    /** The most any single answer can score. */
    public static int maxPoints() {
        return Y.points;
    }
}
