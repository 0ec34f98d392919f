package org.arrival.contracts.actionplans;

/** Red, amber or green: is the action on track? */
public enum Rag {
    RED,
    AMBER,
    GREEN
}
