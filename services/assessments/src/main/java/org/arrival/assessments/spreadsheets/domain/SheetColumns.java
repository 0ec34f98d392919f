package org.arrival.assessments.spreadsheets.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A sheet's name and its columns: their keys in the order they are exported, their headings by language (en, fr, es,
 * ar), the drop-down lists of the columns that hold one value of a list, and the columns that hold dates.
 */
public record SheetColumns(
        String sheetName,
        List<String> keys,
        Map<String, List<String>> headingsByLanguage,
        Map<String, List<String>> choices,
        Set<String> dateKeys) {

    /** The headings in a language; English for any other. */
    public List<String> headings(@Nullable Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return Objects.requireNonNull(headingsByLanguage.getOrDefault(language, headingsByLanguage.get("en")));
    }
}
