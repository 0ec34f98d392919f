package org.arrival.forum.views;

/** The kinds of record a forum member sees changing, as the as-of view names them. */
public final class RecordTypes {

    public static final String ACTION = "ACTION";
    public static final String NEED = "NEED";
    public static final String GAP = "GAP";
    public static final String ROUND = "ROUND";
    public static final String PLAN = "PLAN";
    public static final String POPULATION_ESTIMATE = "POPULATION_ESTIMATE";
    public static final String INPUT = "INPUT";
    public static final String FLAG = "FLAG";
    public static final String FORUM = "FORUM";
    public static final String MEMBERSHIP = "MEMBERSHIP";

    private RecordTypes() {}
}
