package org.arrival.actionplans.spreadsheets.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.arrival.platform.web.PersonalDataScreen;
import org.arrival.platform.web.RequestBodyScreen;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one data row of any of the sheets, read by their keys in row 2 ({@link RowCells}): each cell checked
 * as the API checks the same field (free text through the personal-data screen), each problem naming its cell.
 */
public final class SheetCells {

    private final RowCells cells;

    public SheetCells(Table table, Table.Row row) {
        this.cells = new RowCells(table, row, SheetCells::screened);
    }

    /** The row's record id and the version it was exported at, which an id requires. */
    public record RecordKey(@Nullable UUID id, @Nullable Long version) {}

    /** Reads the id and version cells; {@code record} names the kind in the problem ("a milestone"). */
    public RecordKey key(String idKey, String versionKey, String record) {
        UUID id = uuid(idKey);
        Long version = whole(versionKey, 0, Long.MAX_VALUE);
        if (id != null && version == null && problemsOf(versionKey).isEmpty()) {
            problem(versionKey, "is required with " + record + " id: the version the row was exported at");
        }
        return new RecordKey(id, version);
    }

    /** Reads the action id cell of a record that belongs to an action; required for a new one ("a new milestone"). */
    public @Nullable UUID actionId(String key, @Nullable UUID id, String record) {
        UUID actionId = uuid(key);
        if (id == null && actionId == null && problemsOf(key).isEmpty()) {
            problem(key, "is required for " + record + ": the id of its action, as exported");
        }
        return actionId;
    }

    public int row() {
        return cells.rowNumber();
    }

    public List<CellProblem> problems() {
        return cells.problems();
    }

    public String raw(String key) {
        return cells.raw(key);
    }

    public void problem(String key, String message) {
        cells.problem(key, message);
    }

    public List<CellProblem> problemsOf(String key) {
        return cells.problemsOf(key);
    }

    /** A free-text cell: no control characters, at most {@code max} characters, no personal data. */
    public @Nullable String text(String key, int max) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        String control = RequestBodyScreen.controlProblem(value);
        if (control != null) {
            problem(key, control);
            return null;
        }
        if (value.length() > max) {
            problem(key, "must be at most " + max + " characters");
            return null;
        }
        String personal = personalData(value);
        if (personal != null) {
            problem(key, personal);
            return null;
        }
        return value;
    }

    private static @Nullable String screened(String value, boolean freeText) {
        String control = RequestBodyScreen.controlProblem(value);
        return control != null || !freeText ? control : personalData(value);
    }

    private static @Nullable String personalData(String value) {
        return PersonalDataScreen.screen(value)
                .map(found ->
                        "seems to hold " + found.description() + "; personal data is never recorded here, remove it")
                .orElse(null);
    }

    public @Nullable UUID uuid(String key) {
        return cells.uuid(key);
    }

    public @Nullable Long whole(String key, long min, long max) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            long n = value.contains(".") ? new BigDecimal(value).longValueExact() : Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // below
        }
        problem(
                key,
                max == Long.MAX_VALUE
                        ? "must be a whole number"
                        : "must be a whole number between " + min + " and " + max);
        return null;
    }

    /** An amount of money: not negative, at most two decimals, written with a point (1500 or 1500.50). */
    public @Nullable BigDecimal amount(String key) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            problem(key, "must be an amount written with a point, such as 1500 or 1500.50");
            return null;
        }
        if (amount.signum() < 0) {
            problem(key, "must not be negative");
            return null;
        }
        // as the API's @Digits(integer = 16): checked before the value is ever written out in full
        if ((long) amount.precision() - amount.scale() > 16) {
            problem(key, "must be at most 9999999999999999.99");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            problem(key, "must have at most two decimals");
            return null;
        }
        return amount;
    }

    public @Nullable LocalDate date(String key) {
        return cells.date(key);
    }

    public <E extends Enum<E>> @Nullable E choice(String key, Class<E> type) {
        return cells.choice(key, type);
    }

    public <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
        return cells.choices(key, type, Integer.MAX_VALUE);
    }

    /** The headings of a sheet in a language (en, fr, es, ar); English for any other. */
    static List<String> headings(Map<String, List<String>> byLanguage, @Nullable Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return Objects.requireNonNull(byLanguage.getOrDefault(language, byLanguage.get("en")));
    }
}
