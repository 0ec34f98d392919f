package org.arrival.platform.spreadsheets.imports;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.platform.spreadsheets.SpreadsheetWriter;

/** The outcome of every row of an import as CSV: row, outcome, recordId, title, problems (each with its cell). */
public final class ImportReport {

    public static final List<String> COLUMNS = List.of("row", "outcome", "recordId", "title", "problems");

    private ImportReport() {}

    public static byte[] csv(SpreadsheetImport<?> imported) {
        List<List<String>> rows = imported.rows().stream()
                .map(r -> List.of(
                        Integer.toString(r.row()),
                        r.outcome().name(),
                        r.recordId() == null ? "" : r.recordId().toString(),
                        r.title() == null ? "" : r.title(),
                        r.problems().stream().map(CellProblem::written).collect(Collectors.joining("; "))))
                .toList();
        return SpreadsheetWriter.csv(COLUMNS, rows);
    }

    public static String fileName(UUID importId) {
        return "import-" + importId + "-report.csv";
    }
}
