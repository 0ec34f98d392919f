package org.arrival.platform.spreadsheets.imports;

/** What a row of an imported spreadsheet does to its record. */
public enum ImportOutcome {
    CREATE,
    UPDATE,
    UNCHANGED,
    REFUSED
}
