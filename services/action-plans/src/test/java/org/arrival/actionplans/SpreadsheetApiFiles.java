package org.arrival.actionplans;

import java.util.List;
import org.arrival.actionplans.spreadsheets.domain.ActionSheet;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.platform.spreadsheets.SpreadsheetWriter;
import org.arrival.platform.spreadsheets.Table;

/** Spreadsheet files for tests that need a valid upload. */
public final class SpreadsheetApiFiles {

    private SpreadsheetApiFiles() {}

    /** A CSV spreadsheet with the headings and keys of the export and no row: a valid upload that changes nothing. */
    public static byte[] emptySheet() {
        return SpreadsheetWriter.csv(new Table(ActionSheet.headings(null), ActionSheet.KEYS, List.of()));
    }

    /** The same for a kind of records (actions, milestones, funding lines). */
    public static byte[] emptySheet(RecordKind kind) {
        return SpreadsheetWriter.csv(new Table(kind.headings(null), kind.keys(), List.of()));
    }
}
