package org.arrival.actionplans.spreadsheets.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.actionplans.spreadsheets.domain.ImportRow.Problem;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.web.PersonalDataScreen;
import org.arrival.platform.web.RequestBodyScreen;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one data row of any of the sheets, read by their keys in row 2: each cell checked as the API checks
 * the same field (free text through the personal-data screen), each problem naming its cell.
 */
public final class SheetCells {

    /** The most characters of a cell or key a problem repeats. */
    static final int MAX_SHOWN_CHARS = 40;

    private final Table table;
    private final Table.Row row;
    private final List<Problem> problems = new ArrayList<>();

    public SheetCells(Table table, Table.Row row) {
        this.table = table;
        this.row = row;
    }

    /** A cell's or key's text as a problem repeats it: cut to at most 40 characters, ending in "…" when cut. */
    public static String shown(String value) {
        if (value.length() <= MAX_SHOWN_CHARS) {
            return value;
        }
        int end = MAX_SHOWN_CHARS - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    public static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /**
     * The keys of a file that are not ones of a sheet, and those it lacks that an import needs; empty when the file
     * can be read row by row.
     */
    public static List<String> keyProblems(List<String> keys, List<String> sheetKeys, List<String> needed) {
        List<String> problems = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int c = 0; c < keys.size(); c++) {
            String key = keys.get(c).strip();
            if (key.isEmpty()) {
                continue;
            }
            if (!sheetKeys.contains(key)) {
                problems.add("unknown key \"" + shown(key) + "\" in cell " + Table.address(c, 2) + "; the keys are "
                        + String.join(", ", sheetKeys));
            } else if (!seen.add(key)) {
                problems.add("the key \"" + shown(key) + "\" names two columns (" + Table.address(c, 2) + ")");
            }
        }
        for (String key : needed) {
            if (!seen.contains(key)) {
                problems.add("row 2 holds no \"" + key + "\" key: the import finds its columns by the keys in row 2,"
                        + " as the export writes them");
            }
        }
        return problems;
    }

    public int row() {
        return row.number();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public String raw(String key) {
        int c = table.column(key);
        return c < 0 ? "" : row.cell(c).strip();
    }

    public void problem(String key, String message) {
        int c = table.column(key);
        problems.add(new Problem(key, c < 0 ? null : Table.address(c, row.number()), message));
    }

    public List<Problem> problemsOf(String key) {
        return problems.stream().filter(p -> key.equals(p.column())).toList();
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
        var found = PersonalDataScreen.screen(value);
        if (found.isPresent()) {
            problem(
                    key,
                    "seems to hold " + found.get().description() + "; personal data is never recorded here, remove it");
            return null;
        }
        return value;
    }

    public @Nullable UUID uuid(String key) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        problem(key, "must be an id such as 0b8e3b4c-1f7a-4c55-9d0e-2a4f5b6c7d8e, as exported");
        return null;
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
        if (amount.stripTrailingZeros().scale() > 2) {
            problem(key, "must have at most two decimals");
            return null;
        }
        return amount;
    }

    public @Nullable LocalDate date(String key) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate d =
                    LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
            if (d.getYear() >= RequestBodyScreen.EARLIEST_YEAR && d.getYear() <= RequestBodyScreen.LATEST_YEAR) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // below
        }
        problem(key, "must be a date written yyyy-mm-dd (such as 2026-12-31), or a date cell");
        return null;
    }

    public <E extends Enum<E>> @Nullable E choice(String key, Class<E> type) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        E found = named(type, value);
        if (found == null) {
            problem(key, "must be one of " + String.join(", ", names(type.getEnumConstants())));
        }
        return found;
    }

    public <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
        String value = raw(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<E> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            E e = named(type, part.strip());
            if (e == null) {
                unknown.add(part.strip());
            } else if (!found.contains(e)) {
                found.add(e);
            }
        }
        if (!unknown.isEmpty()) {
            problem(
                    key,
                    shown(unknown.stream().map(SheetCells::shown).collect(Collectors.joining(", ")))
                            + ": each must be one of " + String.join(", ", names(type.getEnumConstants())));
            return List.of();
        }
        return found;
    }

    private static <E extends Enum<E>> @Nullable E named(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        return null;
    }

    /** The headings of a sheet in a language (en, fr, es, ar); English for any other. */
    static List<String> headings(java.util.Map<String, List<String>> byLanguage, @Nullable Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return java.util.Objects.requireNonNull(byLanguage.getOrDefault(language, byLanguage.get("en")));
    }
}
