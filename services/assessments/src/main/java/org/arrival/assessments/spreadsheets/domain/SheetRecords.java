package org.arrival.assessments.spreadsheets.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The kinds of records a spreadsheet holds, as the {@code records} parameter names them. */
public enum SheetRecords {
    NEEDS("needs", "needs", Set.of(NeedSheet.STATEMENT, NeedSheet.SEVERITY)),
    POPULATION_ESTIMATES(
            "population-estimates", "population estimates", Set.of(EstimateSheet.GROUP, EstimateSheet.AS_OF));

    private final String value;
    private final String words;
    private final Set<String> distinctiveKeys;

    SheetRecords(String value, String words, Set<String> distinctiveKeys) {
        this.value = value;
        this.words = words;
        this.distinctiveKeys = distinctiveKeys;
    }

    /** As the API names it. */
    public String value() {
        return value;
    }

    /** As a sentence names it. */
    public String words() {
        return words;
    }

    /** The keys every file of this kind holds in row 2 and no file of another kind holds all of. */
    public Set<String> distinctiveKeys() {
        return distinctiveKeys;
    }

    /** The kind a {@code records} parameter names; needs when it is empty. */
    public static SheetRecords named(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return NEEDS;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        for (SheetRecords r : values()) {
            if (r.value.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(SheetRecords::value).collect(Collectors.joining(", "));
    }

    /** The kind a file's row 2 holds, or null when it holds none of them. */
    public static @Nullable SheetRecords holding(java.util.List<String> keys) {
        for (SheetRecords r : values()) {
            if (keys.stream().map(String::strip).toList().containsAll(r.distinctiveKeys)) {
                return r;
            }
        }
        return null;
    }
}
