package org.arrival.platform.spreadsheets.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.arrival.platform.spreadsheets.Table;

/** The keys of a file's row 2 checked against a sheet's: the import finds its columns by them. */
public final class SheetKeys {

    private SheetKeys() {}

    /**
     * The keys that are not the sheet's, those that name two columns, and the required ones the file lacks; empty
     * when the file can be read row by row.
     */
    public static List<String> problems(List<String> keys, List<String> known, Set<String> required) {
        List<String> problems = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int c = 0; c < keys.size(); c++) {
            String key = keys.get(c).strip();
            if (key.isEmpty()) {
                continue;
            }
            if (!known.contains(key)) {
                problems.add("unknown key \"" + RowCells.shown(key) + "\" in cell " + Table.address(c, 2)
                        + "; the keys are " + String.join(", ", known));
            } else if (!seen.add(key)) {
                problems.add("the key \"" + RowCells.shown(key) + "\" names two columns (" + Table.address(c, 2) + ")");
            }
        }
        for (String key : known) {
            if (required.contains(key) && !seen.contains(key)) {
                problems.add("row 2 holds no \"" + key + "\" key: the import finds its columns by the keys in row 2,"
                        + " as the export writes them");
            }
        }
        return problems;
    }

    /** Whether a file's keys hold every one of {@code distinctive}: how a file of another kind is recognised. */
    public static boolean holdsAll(List<String> keys, Set<String> distinctive) {
        return keys.stream().map(String::strip).toList().containsAll(distinctive);
    }
}
