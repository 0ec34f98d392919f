package org.arrival.platform.spreadsheets;

/**
 * How much a file may hold: its size in bytes, its data rows (below the heading rows), and how large any one part of
 * a workbook may be once inflated.
 */
public record SpreadsheetLimits(long maxBytes, int maxRows, long maxInflatedEntryBytes) {

    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_ROWS = 10_000;
    public static final long DEFAULT_MAX_INFLATED_ENTRY_BYTES = 100L * 1024 * 1024;

    public static SpreadsheetLimits defaults() {
        return new SpreadsheetLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, DEFAULT_MAX_INFLATED_ENTRY_BYTES);
    }

    public SpreadsheetLimits {
        if (maxBytes <= 0 || maxRows <= 0 || maxInflatedEntryBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
