package org.arrival.platform.spreadsheets.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.platform.spreadsheets.Table;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one data row, read by key, each checked as an API checks the same field; every problem names its
 * cell, so a person sees all of a row's problems at once. An empty cell reads as null (or an empty list).
 */
public final class RowCells {

    /** The most characters of a cell or key a problem repeats. */
    public static final int MAX_SHOWN_CHARS = 40;

    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 2200;

    private final Table table;
    private final Table.Row row;
    private final CellScreen screen;
    private final List<CellProblem> problems = new ArrayList<>();

    public RowCells(Table table, Table.Row row, CellScreen screen) {
        this.table = table;
        this.row = row;
        this.screen = screen;
    }

    public int rowNumber() {
        return row.number();
    }

    /** The problems found so far. */
    public List<CellProblem> problems() {
        return List.copyOf(problems);
    }

    public List<CellProblem> problemsOf(String key) {
        return problems.stream().filter(p -> key.equals(p.column())).toList();
    }

    public boolean fine(String key) {
        return problemsOf(key).isEmpty();
    }

    /** The cell's text, stripped; "" when empty or when the file has no such column. */
    public String raw(String key) {
        int c = table.column(key);
        return c < 0 ? "" : row.cell(c).strip();
    }

    public boolean empty(String key) {
        return raw(key).isEmpty();
    }

    public void problem(String key, String message) {
        problems.add(CellProblem.at(table, key, row.number(), message));
    }

    /** Free text, screened (control characters, personal data), at most {@code max} characters. */
    public @Nullable String text(String key, int max) {
        return screened(key, raw(key), max, true);
    }

    /** A code or identifier people type (a series id, an area code): only its characters are screened. */
    public @Nullable String code(String key, int max) {
        return screened(key, raw(key), max, false);
    }

    /** A code that must match {@code pattern}; {@code example} says what one looks like. */
    public @Nullable String code(String key, String pattern, String example) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches(pattern)) {
            problem(key, "must be " + example);
            return null;
        }
        return value;
    }

    private @Nullable String screened(String key, String value, int max, boolean freeText) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            problem(key, "must be at most " + max + " characters");
            return null;
        }
        String problem = screen.problem(value, freeText);
        if (problem != null) {
            problem(key, problem);
            return null;
        }
        return value;
    }

    /** Free texts separated by ; (each screened, at most {@code maxEach} characters), at most {@code maxCount}. */
    public List<String> texts(String key, int maxEach, int maxCount) {
        String value = raw(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String part : value.split(";")) {
            String text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.length() > maxEach) {
                problem(key, "each must be at most " + maxEach + " characters");
                return List.of();
            }
            String problem = screen.problem(text, true);
            if (problem != null) {
                problem(key, problem);
                return List.of();
            }
            found.add(text);
        }
        if (found.size() > maxCount) {
            problem(key, "name at most " + maxCount);
            return List.of();
        }
        return found;
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

    /** A whole number from {@code min} to {@code max}; "12.0", as a spreadsheet may show one, is 12. */
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
                max == Long.MAX_VALUE ? "must be a whole number" : "must be a whole number from " + min + " to " + max);
        return null;
    }

    /** A date written yyyy-mm-dd or a date cell, in the years 1900 to 2200. */
    public @Nullable LocalDate date(String key) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate d =
                    LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
            if (d.getYear() >= EARLIEST_YEAR && d.getYear() <= LATEST_YEAR) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // below
        }
        problem(key, "must be a date written yyyy-mm-dd (such as 2026-12-31), or a date cell");
        return null;
    }

    /** One of an enum's names, any case. */
    public <E extends Enum<E>> @Nullable E choice(String key, Class<E> type) {
        String value = raw(key);
        if (value.isEmpty()) {
            return null;
        }
        E found = named(type, value);
        if (found == null) {
            problem(key, "must be one of " + String.join(", ", names(type)));
        }
        return found;
    }

    /** Names of an enum separated by ;, each once, at most {@code maxCount}. */
    public <E extends Enum<E>> List<E> choices(String key, Class<E> type, int maxCount) {
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
            E e = named(type, part);
            if (e == null) {
                unknown.add(part.strip());
            } else if (!found.contains(e)) {
                found.add(e);
            }
        }
        if (!unknown.isEmpty()) {
            problem(
                    key,
                    shown(unknown.stream().map(RowCells::shown).collect(Collectors.joining(", ")))
                            + ": each must be one of " + String.join(", ", names(type)));
            return List.of();
        }
        if (found.size() > maxCount) {
            problem(key, "name at most " + maxCount);
            return List.of();
        }
        return found;
    }

    /** The names of an enum's values, as a drop-down list offers them. */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** Values as a cell writes a list of them: separated by ;. */
    public static String joined(List<?> values) {
        return values.stream()
                .map(v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v))
                .collect(Collectors.joining(";"));
    }

    private static <E extends Enum<E>> @Nullable E named(Class<E> type, String value) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** A cell's or key's text as a problem repeats it: at most 40 characters, ending in "…" when cut. */
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
}
