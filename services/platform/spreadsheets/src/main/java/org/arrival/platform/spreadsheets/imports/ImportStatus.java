package org.arrival.platform.spreadsheets.imports;

/** Where an import stands: previewed (nothing written yet), applied, or discarded. */
public enum ImportStatus {
    PREVIEWED,
    APPLIED,
    DISCARDED
}
