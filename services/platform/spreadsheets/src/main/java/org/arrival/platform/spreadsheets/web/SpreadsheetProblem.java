package org.arrival.platform.spreadsheets.web;

import java.util.List;
import org.arrival.platform.spreadsheets.SpreadsheetRefused;
import org.arrival.platform.web.ApiException;

/**
 * A file refused as a whole: 413 when it is too large or has too many rows (the problem says the limit), 415 when it
 * is no XLSX workbook without macros nor CSV, 400 when it cannot be read (damaged, or a zip or XML bomb).
 */
public class SpreadsheetProblem extends ApiException {

    public SpreadsheetProblem(SpreadsheetRefused refused) {
        super(
                status(refused.reason()),
                title(refused.reason()),
                String.valueOf(refused.getMessage()),
                List.of(new FieldError(
                        "file",
                        String.valueOf(refused.getMessage()),
                        "spreadsheet."
                                + refused.reason()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', '-'))));
    }

    private static int status(SpreadsheetRefused.Reason reason) {
        return switch (reason) {
            case TOO_LARGE, TOO_MANY_ROWS -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case UNREADABLE -> 400;
        };
    }

    private static String title(SpreadsheetRefused.Reason reason) {
        return switch (reason) {
            case TOO_LARGE, TOO_MANY_ROWS -> "Payload too large";
            case UNSUPPORTED_TYPE -> "Unsupported media type";
            case UNREADABLE -> "Bad request";
        };
    }
}
