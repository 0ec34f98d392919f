package org.arrival.actionplans.spreadsheets.domain;

/** What a row of an imported spreadsheet does to its action. */
public enum ImportOutcome {
    CREATE,
    UPDATE,
    UNCHANGED,
    REFUSED
}
