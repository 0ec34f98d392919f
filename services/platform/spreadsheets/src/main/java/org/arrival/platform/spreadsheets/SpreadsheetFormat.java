package org.arrival.platform.spreadsheets;

import java.util.Locale;

/** The file formats read and written: an Office Open XML workbook without macros, and UTF-8 CSV (RFC 4180). */
public enum SpreadsheetFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv; charset=UTF-8", "csv");

    private final String contentType;
    private final String extension;

    SpreadsheetFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The format named by a query parameter ("xlsx" or "csv", any case); empty or null is XLSX. */
    public static SpreadsheetFormat named(@org.jspecify.annotations.Nullable String name) {
        if (name == null || name.isBlank()) {
            return XLSX;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "xlsx" -> XLSX;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("must be xlsx or csv");
        };
    }
}
