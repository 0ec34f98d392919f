package org.arrival.platform.spreadsheets;

/** A file that is not read: why, in a sentence for the person who sent it. */
public class SpreadsheetRefused extends RuntimeException {

    /** What is wrong with the file as a whole. */
    public enum Reason {
        /** Larger than the size limit. */
        TOO_LARGE,
        /** More data rows than the row limit. */
        TOO_MANY_ROWS,
        /** Not an XLSX workbook without macros nor a UTF-8 CSV file (a legacy .xls, a macro-enabled .xlsm, ...). */
        UNSUPPORTED_TYPE,
        /** Damaged, or built to exhaust the reader (a zip or XML bomb, external entities). */
        UNREADABLE
    }

    private final Reason reason;

    public SpreadsheetRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SpreadsheetRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
